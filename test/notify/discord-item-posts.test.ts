import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../src/adapters/discord/index.ts';
import { pollFeeds } from '../../src/ingest/feeds/index.ts';
import { createLogger } from '../../src/log.ts';
import { channelTargets, notifyChannels } from '../../src/notify/index.ts';
import { OPTION, slashCommand, type Where } from '../support/discord-interactions.ts';
import { DiscordStandIn, IDS, type RestCall } from '../support/discord-server.ts';
import { tempStore, testConfig } from '../support/discord-store.ts';
import { NumberedFeed } from '../support/numbered-feed.ts';

const log = createLogger('silent');
const A: Where = { guild: IDS.guild, channel: IDS.channel };
const B: Where = { guild: IDS.guildB, channel: IDS.channelB };
/** Discord's option type for a channel. */
const CHANNEL_OPTION = 7;
const HOSTILE = '@everyone @here <@&123456> <!channel> Canal closed, ping all';

interface PostedBody {
  embeds: { title?: string; description?: string }[];
  allowed_mentions: unknown;
}

/**
 * Two servers follow one feed for item posts, each into its own channel, through the real
 * discord.js client against the Discord stand-in: each gets its own posts and nothing of the other's.
 */
describe('Discord: item posts for two servers following one feed', { timeout: 240_000 }, () => {
  const discord = new DiscordStandIn();
  const feed = new NumberedFeed('Lockside News');
  const { store, cleanup } = tempStore();
  let config: ReturnType<typeof testConfig>;
  let bot: DiscordBot;
  const clock = new Date('2026-02-01T12:00:00Z');

  beforeAll(async () => {
    await Promise.all([discord.start(), feed.server.start()]);
    config = testConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
    });
    bot = await startDiscordBot({ config, store, log, now: () => clock });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await discord.close();
    await feed.server.stop();
    cleanup();
  });

  async function addItems(where: Where): Promise<string> {
    const interaction = slashCommand(
      'feeds',
      [
        {
          name: 'add',
          type: OPTION.subcommand,
          options: [
            { name: 'url', type: OPTION.string, value: feed.url },
            { name: 'channel', type: CHANNEL_OPTION, value: where.channel },
            { name: 'mode', type: OPTION.string, value: 'items' },
          ],
        },
      ],
      'admin',
      where,
    );
    discord.dispatch('INTERACTION_CREATE', interaction);
    const edit = await discord.waitFor(
      (c: RestCall) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    );
    return JSON.stringify(edit.body);
  }

  const postsIn = (channel: string) =>
    discord.calls
      .filter((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`)
      .map((c) => c.body as PostedBody);
  const notify = () =>
    notifyChannels(store, config, { targets: channelTargets({ discord: bot }), log, now: () => clock });

  it('each server gets the new items in its own channel, once, and none of the backlog', async () => {
    feed.publish(2);
    expect(await addItems(A)).toContain('Now following Lockside News');
    expect(await addItems(B)).toContain('Now following Lockside News');
    await pollFeeds(store, config, { force: true });
    await notify();
    expect(postsIn(IDS.channel)).toEqual([]);
    expect(postsIn(IDS.channelB)).toEqual([]);

    feed.publish(1);
    await pollFeeds(store, config, { force: true });
    expect(await notify()).toMatchObject({ items: { messages: 2, articles: 2 } });
    await notify();
    const [inA, ...moreA] = postsIn(IDS.channel);
    const [inB, ...moreB] = postsIn(IDS.channelB);
    expect(moreA).toEqual([]);
    expect(moreB).toEqual([]);
    for (const post of [inA, inB]) {
      expect(post?.embeds[0]?.title).toBe('Lock keepers report on section 3');
      expect(post?.embeds[0]?.description).toContain('https://canal.example/lockside-news-3');
    }
    // Each claim is its own server's: neither store row names the other's channel.
    expect(store.itemPosts.list(`discord:${IDS.guild}`).map((r) => r.channel)).toEqual([IDS.channel]);
    expect(store.itemPosts.list(`discord:${IDS.guildB}`).map((r) => r.channel)).toEqual([IDS.channelB]);
  });

  it('a channel that cannot be posted to costs the other channels and the other server nothing', async () => {
    const tenantA = `discord:${IDS.guild}`;
    const feedId = store.subscriptions.list(tenantA)[0]?.feed.id as number;
    // A channel the stand-in does not know (deleted, or the bot was removed from it).
    const gone = store.subscriptions.add(tenantA, feedId, {
      channel: '100000000000000099',
      mode: 'items',
      origin: 'store',
    });
    store.itemPosts.follow(tenantA, gone.id, gone.mode);
    const [beforeA, beforeB] = [postsIn(IDS.channel).length, postsIn(IDS.channelB).length];
    feed.publish(1);
    await pollFeeds(store, config, { force: true });
    expect(await notify()).toMatchObject({ items: { messages: 2, articles: 2, failed: 1 } });
    expect(postsIn(IDS.channel)).toHaveLength(beforeA + 1);
    expect(postsIn(IDS.channelB)).toHaveLength(beforeB + 1);
    expect(store.itemPosts.list(tenantA, '100000000000000099')).toMatchObject([
      { status: 'claimed', attempts: 1 },
    ]);
    store.subscriptions.remove(tenantA, gone.id);
  });

  it('a send left hanging is cut off at POST_TIMEOUT_MS, and the next poll finds it by nonce instead of posting it again', async () => {
    const quick = { ...config, POST_TIMEOUT_MS: 1_000 };
    const notifyQuick = () =>
      notifyChannels(store, quick, { targets: channelTargets({ discord: bot }), log, now: () => clock });
    const channels = [IDS.channel, IDS.channelB];
    const messages = () => channels.map((c) => discord.messages.filter((m) => m.channel_id === c).length);
    const sends = () => channels.map((c) => discord.postsTo(c));
    const [messagesBefore, sendsBefore] = [messages(), sends()];
    feed.publish(1);
    await pollFeeds(store, config, { force: true });
    // Discord keeps the first post but never answers, as when the connection dies after it.
    discord.hangAfterStoring(1);
    const first = await notifyQuick();
    expect(first.items).toMatchObject({ messages: 1, failed: 1 });
    await notifyQuick();
    // One message per channel, each sent once: the hung one was found by its nonce, not sent again.
    expect(messages()).toEqual(messagesBefore.map((n) => n + 1));
    expect(sends()).toEqual(sendsBefore.map((n) => n + 1));
    for (const tenant of [`discord:${IDS.guild}`, `discord:${IDS.guildB}`])
      expect(
        store.itemPosts.list(tenant).filter((r) => channels.includes(r.channel) && r.status !== 'posted'),
      ).toEqual([]);
  });

  it('an item whose title and text try to mention everyone mentions no one', async () => {
    const before = postsIn(IDS.channel).length;
    feed.publish(1, HOSTILE);
    await pollFeeds(store, config, { force: true });
    await notify();
    const [post] = postsIn(IDS.channel).slice(before);
    expect(post).toBeDefined();
    expect(post?.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(post?.embeds);
    expect(text).toContain('Canal closed, ping all');
    for (const mention of ['@everyone', '@here', '<@&123456>', '<!channel>'])
      expect(text).not.toContain(mention);
  });
});
