import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../../src/adapters/discord/index.ts';
import { startChannelSchedules } from '../../../src/digest/channel-schedules.ts';
import { createLogger } from '../../../src/log.ts';
import { channelTargets } from '../../../src/notify/index.ts';
import { OPTION, slashCommand, type Where } from '../../support/discord-interactions.ts';
import { DiscordStandIn, IDS, type RestCall } from '../../support/discord-server.ts';
import { tempStore, testConfig } from '../../support/discord-store.ts';

const log = createLogger('silent');
const A: Where = { guild: IDS.guild, channel: IDS.channel };
const B: Where = { guild: IDS.guildB, channel: IDS.channelB };
const CHANNEL = 7;
const clock = { now: new Date('2026-11-22T05:00:00Z') };

/** /digest schedules from chat on two servers, posted by the real discord.js client to the stand-in. */
describe('Discord: /digest schedule per server and channel', { timeout: 240_000 }, () => {
  const discord = new DiscordStandIn();
  const { store, cleanup } = tempStore();
  let bot: DiscordBot;

  beforeAll(async () => {
    await discord.start();
    const config = testConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
    });
    bot = await startDiscordBot({ config, store, log, now: () => clock.now });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await discord.close();
    cleanup();
  });

  async function ask(interaction: { id: string; token: string }): Promise<string> {
    discord.dispatch('INTERACTION_CREATE', interaction);
    const edit = await discord.waitFor(
      (c: RestCall) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    );
    return JSON.stringify(edit.body);
  }

  const digest = (
    sub: string,
    where: Where,
    options: { name: string; value: string; type?: number }[] = [],
    who: 'admin' | 'member' = 'admin',
  ) =>
    ask(
      slashCommand(
        'digest',
        [
          {
            name: sub,
            type: OPTION.subcommand,
            options: options.map((o) => ({ type: OPTION.string, ...o })),
          },
        ],
        who,
        where,
      ),
    );

  const posts = (channel: string) =>
    discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);

  it('schedules from chat for admins only, and keeps each server to its own schedules', async () => {
    const scheduled = await digest('schedule', A, [
      { name: 'channel', value: IDS.channel, type: CHANNEL },
      { name: 'time', value: '08:00' },
      { name: 'timezone', value: 'Europe/Kyiv' },
      { name: 'include', value: 'ceasefire, /talks?/i' },
    ]);
    expect(scheduled).toContain(`#1 in ${IDS.channel}: 08:00 Europe/Kyiv, every day`);
    expect(
      await digest(
        'schedule',
        A,
        [
          { name: 'channel', value: IDS.channel, type: CHANNEL },
          { name: 'time', value: '09:00' },
        ],
        'member',
      ),
    ).toContain('Only server admins can schedule');
    expect(
      await digest('schedule', A, [
        { name: 'channel', value: IDS.channel, type: CHANNEL },
        { name: 'time', value: '09:00' },
        { name: 'exclude', value: '/(?!x)/' },
      ]),
    ).toContain('exclude: the pattern /(?!x)/ uses lookahead');

    const listB = await digest('list', B);
    expect(listB).toContain('None yet');
    expect(listB).not.toContain(IDS.channel);
    expect(await digest('unschedule', B, [{ name: 'schedule', value: '1' }])).toContain('No schedule 1');
    expect(await digest('unschedule', B, [{ name: 'channel', value: IDS.channel, type: CHANNEL }])).toContain(
      'No schedule posts in',
    );
    expect(await digest('list', A, [], 'member')).toContain(`#1 in ${IDS.channel}`);
  });

  it("posts each server's slot once in its own channel, and refuses a channel of another server", async () => {
    // B's own schedule, and one naming A's channel (an id sent by hand): it must never post there.
    await digest('schedule', B, [
      { name: 'channel', value: IDS.channelB, type: CHANNEL },
      { name: 'time', value: '06:00' },
      { name: 'timezone', value: 'UTC' },
    ]);
    await digest('schedule', B, [
      { name: 'channel', value: IDS.channel, type: CHANNEL },
      { name: 'time', value: '06:00' },
      { name: 'timezone', value: 'UTC' },
    ]);
    const runner = startChannelSchedules({
      store,
      config: testConfig(),
      log,
      now: () => clock.now,
      pollMs: 3_600_000,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
      ingest: async () => undefined,
      // The bot's own wiring (main.ts): each tenant's channel on its platform.
      targetFor: ({ tenantId, channel }) => channelTargets({ discord: bot })(tenantId, channel) ?? null,
    });
    try {
      clock.now = new Date('2026-11-22T06:00:00Z'); // 08:00 in Kyiv, 06:00 UTC
      const outcomes = await runner.tick();
      expect(outcomes.map((o) => [o.tenantId, o.channel, o.status]).sort()).toEqual(
        [
          [`discord:${IDS.guild}`, IDS.channel, 'posted'],
          [`discord:${IDS.guildB}`, IDS.channelB, 'posted'],
          [`discord:${IDS.guildB}`, IDS.channel, 'failed'],
        ].sort(),
      );
      expect(await runner.tick()).toEqual([]);
      expect(posts(IDS.channel)).toHaveLength(1);
      expect(posts(IDS.channelB)).toHaveLength(1);
      expect(JSON.stringify(posts(IDS.channel)[0]!.body)).toMatch(/"nonce":"nd[0-9a-f]{23}"/);

      // Removed from chat: the next day's slot is not posted; the other server's still is.
      expect(await digest('unschedule', A, [{ name: 'schedule', value: '1' }])).toContain(
        'Removed schedule #1',
      );
      clock.now = new Date('2026-11-23T06:00:00Z');
      const next = await runner.tick();
      expect(next.filter((o) => o.status === 'posted').map((o) => o.channel)).toEqual([IDS.channelB]);
      expect(posts(IDS.channel)).toHaveLength(1);
      expect(posts(IDS.channelB)).toHaveLength(2);
    } finally {
      await runner.stop();
    }
  });
});
