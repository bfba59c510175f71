import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../../src/adapters/discord/index.ts';
import { pollFeeds } from '../../../src/ingest/feeds/index.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { createLogger } from '../../../src/log.ts';
import { autocomplete, OPTION, slashCommand, type Where } from '../../support/discord-interactions.ts';
import { DiscordStandIn, IDS, type RestCall } from '../../support/discord-server.ts';
import { tempStore, testConfig } from '../../support/discord-store.ts';
import { TenantFeed } from '../../support/tenant-feed.ts';

const log = createLogger('silent');
const A: Where = { guild: IDS.guild, channel: IDS.channel };
const B: Where = { guild: IDS.guildB, channel: IDS.channelB };
const NOW = new Date('2026-02-01T12:00:00Z');

/** Two servers on one stand-in: each is its own tenant with its own feeds, digests and answers. */
describe('Discord: two servers, two tenants', { timeout: 240_000 }, () => {
  const discord = new DiscordStandIn();
  const feed = new TenantFeed();
  const { store, cleanup } = tempStore();
  let config: ReturnType<typeof testConfig>;
  let bot: DiscordBot;

  beforeAll(async () => {
    await Promise.all([discord.start(), feed.server.start()]);
    config = testConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
    });
    // The operator's shared source: the project's corpus, seen by both servers.
    await runIngest(store, { corpusDirs: ['corpus'], feeds: false, config });
    bot = await startDiscordBot({ config, store, log, now: () => NOW });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await discord.close();
    await feed.server.stop();
    cleanup();
  });

  /** Sends an interaction and returns the answer that replaced its deferred reply, as text. */
  async function ask(interaction: { id: string; token: string }): Promise<string> {
    discord.dispatch('INTERACTION_CREATE', interaction);
    const edit = await discord.waitFor(
      (c: RestCall) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    );
    return JSON.stringify(edit.body);
  }

  async function suggest(where: Where, typed: string): Promise<string[]> {
    const interaction = autocomplete('whois', 'actor', typed, 'member', where);
    discord.dispatch('INTERACTION_CREATE', interaction);
    const ack = await discord.waitFor(
      (c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
    return ((ack.body as { data?: { choices?: { value: string }[] } }).data?.choices ?? []).map(
      (c) => c.value,
    );
  }

  const feeds = (sub: string, where: Where, options: { name: string; value: string }[] = []) =>
    ask(
      slashCommand(
        'feeds',
        [
          {
            name: sub,
            type: OPTION.subcommand,
            options: options.map((o) => ({ ...o, type: OPTION.string })),
          },
        ],
        'admin',
        where,
      ),
    );
  const digest = (where: Where, post: boolean) =>
    ask(
      slashCommand(
        'digest',
        post ? [{ name: 'post', type: OPTION.boolean, value: true }] : [],
        'admin',
        where,
      ),
    );
  const whois = (where: Where, actor: string) =>
    ask(slashCommand('whois', [{ name: 'actor', type: OPTION.string, value: actor }], 'member', where));
  const feedArticleIds = () =>
    store.articles
      .list({ includeDuplicates: true })
      .filter((a) => a.feedId !== null)
      .map((a) => a.id);

  it("the admin of A adds a feed; B's admin cannot see, remove or post it", async () => {
    expect(await feeds('add', A, [{ name: 'url', value: feed.url }])).toContain('Now following Harbour Wire');
    const aList = await feeds('list', A);
    expect(aList).toContain('tenant-a-secret');
    const id = /#(\d+) Harbour Wire/.exec(aList)?.[1];
    expect(id).toBeDefined();

    const bList = await feeds('list', B);
    expect(bList).not.toContain('tenant-a-secret');
    expect(bList).not.toContain('Harbour Wire');
    expect(await feeds('remove', B, [{ name: 'feed', value: feed.url }])).toContain(
      'No feed of this server matches',
    );
    expect(await feeds('remove', B, [{ name: 'feed', value: `#${id}` }])).toContain(
      'No feed of this server matches',
    );
    expect(await feeds('list', A)).toContain('tenant-a-secret');

    // Adding flooded nothing: A's backlog is reported for A only.
    const backlog = feedArticleIds();
    expect(backlog.length).toBeGreaterThan(0);
    const reportedA = store.summaries.reportedItems(`discord:${IDS.guild}`).flatMap((r) => r.articleIds);
    expect(reportedA).toEqual(expect.arrayContaining(backlog));
    expect(store.summaries.reportedItems(`discord:${IDS.guildB}`)).toEqual([]);

    // A new item arrives; B's posted digest carries nothing of A's feed and leaves A's next digest as it was.
    feed.publishNext();
    await pollFeeds(store, config, { force: true });
    const aBefore = await digest(A, false);
    expect(aBefore).toContain('Harbour Wire');
    const bPosted = await digest(B, true);
    expect(bPosted).not.toContain('Harbour Wire');
    expect(bPosted).not.toContain('Ostrum');
    const reportedB = store.summaries.reportedItems(`discord:${IDS.guildB}`).flatMap((r) => r.articleIds);
    expect(reportedB.length).toBeGreaterThan(0);
    expect(reportedB.filter((id) => feedArticleIds().includes(id))).toEqual([]);
    expect(await digest(A, false)).toBe(aBefore);
  });

  it('an actor known only from A’s feed is answered in A and unknown in B, autocomplete too', async () => {
    expect(await whois(A, 'Halvard Ostrum')).toContain('Halvard Ostrum');
    const inB = await whois(B, 'Halvard Ostrum');
    expect(inB).not.toContain('Lisbon');
    expect(inB).toContain('No actor matches');
    expect(await suggest(A, 'Ostr')).toContain('Halvard Ostrum');
    expect(await suggest(B, 'Ostr')).not.toContain('Halvard Ostrum');
  });
});
