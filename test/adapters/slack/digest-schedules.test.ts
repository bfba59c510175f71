import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackBot, startSlackBot } from '../../../src/adapters/slack/app.ts';
import { type Config, loadConfig } from '../../../src/config.ts';
import { startChannelSchedules } from '../../../src/digest/channel-schedules.ts';
import { channelTargets } from '../../../src/notify/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { postToSlackApp, slashCommandBody } from '../../support/slack-sign.ts';

const SECRET = 'test-signing-secret';
const log = pino({ level: 'silent' });
const clock = { now: new Date('2026-11-20T12:30:00Z') }; // a Friday, when the schedules are made

/** /digest schedule from two workspaces over signed requests, posted through Bolt's Web API client. */
describe('Slack: /digest schedule per workspace and channel', { timeout: 240_000 }, () => {
  let api: SlackStandIn;
  let store: Store;
  let bot: SlackBot;
  let config: Config;
  let events: string;

  beforeAll(async () => {
    api = await new SlackStandIn().start();
    store = openStore(':memory:');
    config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.apiUrl,
      SLACK_ADMIN_USER_IDS: 'UADMIN1,UADMIN2',
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    bot = await startSlackBot({ config, store, log, webApiRetries: 0, now: () => clock.now });
    events = `http://127.0.0.1:${bot.port}/slack/events`;
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await api?.close();
    store?.close();
  });

  async function slash(teamId: string, userId: string, text: string): Promise<string> {
    const responseUrl = api.responseUrl(`${teamId}-digest-${Math.random()}`);
    const body = slashCommandBody({ command: '/digest', text, userId, responseUrl, teamId });
    const res = await postToSlackApp(events, body, { secret: SECRET });
    expect(res.status).toBe(200);
    const path = new URL(responseUrl).pathname;
    for (;;) {
      const hit = api.responses.find((r) => r.path === path);
      if (hit) return JSON.stringify(hit.body);
      await api.waitForResponses(api.responses.length + 1);
    }
  }

  it('schedules from chat, keeps each workspace to its own, and posts each slot once', async () => {
    expect(
      await slash(
        'T1',
        'UADMIN1',
        'schedule channel:<#C111|news> time:08:00 timezone:Asia/Tokyo days:mon-fri include:ceasefire, /talks?/i',
      ),
    ).toContain('#1 in C111: 08:00 Asia/Tokyo, mon,tue,wed,thu,fri, include: ceasefire, /talks?/i');
    expect(await slash('T1', 'UMEMBER', 'schedule channel:#general time:09:00')).toContain(
      'Only server admins can schedule',
    );
    expect(await slash('T1', 'UADMIN1', 'schedule channel:#general time:9pm')).toContain(
      'time: 9pm is not a time of day',
    );
    expect(await slash('T1', 'UADMIN1', 'schedule channel:#general time:09:00 timezone:Moon/Base')).toContain(
      'timezone: Moon/Base is not an IANA time zone',
    );
    expect(await slash('T1', 'UADMIN1', 'schedule channel:#general time:09:00 include:/(x)\\1/')).toContain(
      'uses backreferences',
    );
    // The workspace's second schedule, a channel given by name.
    expect(
      await slash('T2', 'UADMIN2', 'schedule channel:#desk time:12:00 timezone:UTC topic:trade talks'),
    ).toContain('#2 in desk: 12:00 UTC, every day, topic: trade talks');

    const t2List = await slash('T2', 'UMEMBER', 'list');
    expect(t2List).toContain('#2 in desk');
    expect(t2List).not.toContain('C111');
    expect(await slash('T2', 'UADMIN2', 'unschedule schedule:1')).toContain('No schedule 1');
    expect(await slash('T2', 'UADMIN2', 'unschedule channel:<#C111|news>')).toContain(
      'No schedule posts in C111',
    );
    expect(await slash('T1', 'UMEMBER', 'list')).toContain('#1 in C111');

    // /digest alone is still the preview it always was.
    expect(await slash('T1', 'UMEMBER', '')).toContain('ephemeral');

    const runner = startChannelSchedules({
      store,
      config,
      log,
      now: () => clock.now,
      pollMs: 3_600_000,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
      ingest: async () => undefined,
      targetFor: ({ tenantId, channel }) => channelTargets({ slack: bot })(tenantId, channel) ?? null,
    });
    try {
      // Saturday 08:00 in Tokyo: not a slot of T1's mon-fri schedule; T2's last noon came before it was made.
      clock.now = new Date('2026-11-20T23:00:00Z');
      expect(await runner.tick()).toEqual([]);
      clock.now = new Date('2026-11-21T12:00:00Z');
      expect((await runner.tick()).map((o) => [o.channel, o.status])).toEqual([['desk', 'posted']]);
      clock.now = new Date('2026-11-22T23:00:00Z'); // Monday 08:00 in Tokyo
      const monday = await runner.tick();
      expect(monday.map((o) => [o.tenantId, o.channel, o.status]).sort()).toEqual([
        ['slack:T1', 'C111', 'posted'],
        ['slack:T2', 'desk', 'posted'],
      ]);
      expect(await runner.tick()).toEqual([]);
      expect(api.posts.filter((p) => p.channel === 'C111')).toHaveLength(1);
      expect(api.posts.filter((p) => p.channel === 'desk')).toHaveLength(2);
      expect(api.posts[0]?.metadata?.event_payload.nonce).toMatch(/^nd[0-9a-f]{23}$/);
    } finally {
      await runner.stop();
    }
  });
});
