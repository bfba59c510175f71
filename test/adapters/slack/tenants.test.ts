import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackBot, startSlackBot } from '../../../src/adapters/slack/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { postToSlackApp, slashCommandBody } from '../../support/slack-sign.ts';
import { TenantFeed } from '../../support/tenant-feed.ts';

const SECRET = 'test-signing-secret';
const log = pino({ level: 'silent' });

/** Two workspaces on one Slack app: signed requests from team T1 and team T2 are two tenants. */
describe('Slack: two workspaces, two tenants', { timeout: 240_000 }, () => {
  const feed = new TenantFeed();
  let api: SlackStandIn;
  let store: Store;
  let bot: SlackBot;
  let events: string;

  beforeAll(async () => {
    [api] = await Promise.all([new SlackStandIn().start(), feed.server.start()]);
    store = openStore(':memory:');
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.apiUrl,
      SLACK_ADMIN_USER_IDS: 'UADMIN1,UADMIN2',
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    await runIngest(store, { corpusDirs: ['corpus'], feeds: false, config });
    bot = await startSlackBot({ config, store, log, webApiRetries: 0 });
    events = `http://127.0.0.1:${bot.port}/slack/events`;
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await api?.close();
    await feed.server.stop();
    store?.close();
  });

  /** Runs a signed slash command from a team and returns what the app responded, as text. */
  async function slash(teamId: string, userId: string, command: string, text = ''): Promise<string> {
    const responseUrl = api.responseUrl(`${teamId}-${command.slice(1)}-${Math.random()}`);
    const body = slashCommandBody({ command, text, userId, responseUrl, teamId });
    const res = await postToSlackApp(events, body, { secret: SECRET });
    expect(res.status).toBe(200);
    const path = new URL(responseUrl).pathname;
    for (;;) {
      const hit = api.responses.find((r) => r.path === path);
      if (hit) return JSON.stringify(hit.body);
      await api.waitForResponses(api.responses.length + 1);
    }
  }

  it("T2's admin cannot see, remove or configure T1's feed, and T2 does not know T1's actor", async () => {
    expect(await slash('T1', 'UADMIN1', '/feeds', `add ${feed.url}`)).toContain('Now following Harbour Wire');
    const t1List = await slash('T1', 'UADMIN1', '/feeds', 'list');
    expect(t1List).toContain('tenant-a-secret');
    const id = /#(\d+) Harbour Wire/.exec(t1List)?.[1];
    expect(id).toBeDefined();

    const t2List = await slash('T2', 'UADMIN2', '/feeds', 'list');
    expect(t2List).not.toContain('tenant-a-secret');
    expect(await slash('T2', 'UADMIN2', '/feeds', `remove ${feed.url}`)).toContain(
      'No feed of this server matches',
    );
    expect(await slash('T2', 'UADMIN2', '/feeds', `remove #${id}`)).toContain(
      'No feed of this server matches',
    );
    expect(await slash('T1', 'UADMIN1', '/feeds', 'list')).toContain('tenant-a-secret');

    // /settings: each workspace's whole configuration, and only its own.
    const t1Settings = await slash('T1', 'UADMIN1', '/settings');
    expect(t1Settings).toContain('slack:T1');
    expect(t1Settings).toContain('tenant-a-secret');
    const t2Settings = await slash('T2', 'UADMIN2', '/settings');
    expect(t2Settings).toContain('slack:T2');
    expect(t2Settings).not.toContain('tenant-a-secret');
    expect(await slash('T2', 'UMEMBER', '/settings')).toContain('Only server admins');

    expect(await slash('T1', 'UMEMBER', '/whois', 'Halvard Ostrum')).toContain('Lisbon');
    const inT2 = await slash('T2', 'UMEMBER', '/whois', 'Halvard Ostrum');
    expect(inT2).toContain('No actor matches');
    expect(inT2).not.toContain('Lisbon');
  });
});
