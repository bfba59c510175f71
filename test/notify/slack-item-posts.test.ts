import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackBot, startSlackBot } from '../../src/adapters/slack/app.ts';
import { loadConfig } from '../../src/config.ts';
import { pollFeeds } from '../../src/ingest/feeds/index.ts';
import { channelTargets, notifyChannels } from '../../src/notify/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { NumberedFeed } from '../support/numbered-feed.ts';
import { SlackStandIn } from '../support/slack-api.ts';
import { postToSlackApp, slashCommandBody } from '../support/slack-sign.ts';

const SECRET = 'test-signing-secret';
const CHANNEL = 'C100';
const log = pino({ level: 'silent' });

/**
 * Item posts and feed health through the real Bolt app (signed slash commands) and its Web API
 * client against the Slack stand-in, with a feed served on 127.0.0.1 and a clock the test moves.
 */
describe('Slack: item posts and feed health in the channel', { timeout: 240_000 }, () => {
  const feed = new NumberedFeed();
  let api: SlackStandIn;
  let dir: string;
  let path: string;
  let store: Store;
  let bot: SlackBot;
  let clock = new Date('2026-02-01T12:00:00Z');
  const config = () =>
    loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.apiUrl,
      SLACK_ADMIN_USER_IDS: 'UADMIN1',
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
      ITEM_POSTS_PER_MINUTE: '3',
      ITEM_POSTS_PER_POLL: '8',
      FEED_HEALTH_FAILURES: '3',
    });

  const start = async () => {
    store = openStore(path);
    bot = await startSlackBot({ config: config(), store, log, webApiRetries: 0 });
  };
  const stop = async () => {
    await bot.stop();
    store.close();
  };
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const poll = () => pollFeeds(store, config(), { force: true });
  const notify = () =>
    notifyChannels(store, config(), { targets: channelTargets({ slack: bot }), log, now: () => clock });
  const posts = () => api.posts.filter((p) => p.channel === CHANNEL);
  const postsAfter = (n: number) => posts().slice(n);
  /** How many messages in the channel carry this exact item title (as a line or a header). */
  const timesPosted = (title: string) =>
    posts().filter(
      (p) => JSON.stringify(p.blocks).includes(`${title}"`) || JSON.stringify(p.blocks).includes(`${title} `),
    ).length;

  beforeAll(async () => {
    [api] = await Promise.all([new SlackStandIn().start(), feed.server.start()]);
    // One store file for the whole suite: the restarts reopen it.
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-item-posts-slack-'));
    path = join(dir, 'store.db');
    await start();
  }, 120_000);

  afterAll(async () => {
    await stop();
    await api?.close();
    await feed.server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function slash(text: string, command = '/feeds'): Promise<string> {
    const events = `http://127.0.0.1:${bot.port}/slack/events`;
    const responseUrl = api.responseUrl(`feeds-${Math.random()}`);
    const body = slashCommandBody({ command, text, userId: 'UADMIN1', responseUrl, teamId: 'T1' });
    expect((await postToSlackApp(events, body, { secret: SECRET })).status).toBe(200);
    const at = new URL(responseUrl).pathname;
    for (;;) {
      const hit = api.responses.find((r) => r.path === at);
      if (hit) return JSON.stringify(hit.body);
      await api.waitForResponses(api.responses.length + 1);
    }
  }

  it('adding an items subscription posts nothing of the backlog', async () => {
    feed.publish(4);
    expect(await slash(`add ${feed.url} channel:<#${CHANNEL}|canal> mode:items`)).toContain(
      'Now following Canal Bulletin',
    );
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 0, articles: 0 } });
    expect(posts()).toEqual([]);
  });

  it('mode:items without a channel is refused with a clear error', async () => {
    expect(await slash(`add ${feed.url} mode:items`)).toContain(
      'mode items posts each new item to a channel',
    );
  });

  it('posts each new item once: title, outlet, link and a one-line summary', async () => {
    feed.publish(2);
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 2, articles: 2, failed: 0 } });
    const [first, second] = posts();
    const text = JSON.stringify(first?.blocks);
    expect(text).toContain('Lock keepers report on section 5');
    expect(text).toContain('https://canal.example/canal-bulletin-5');
    expect(text).toContain('Canal Bulletin');
    expect(text).toContain('section 5 of the waterway reopened after repairs');
    expect(JSON.stringify(second?.blocks)).toContain('section 6');
    later(120_000);
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 0 } });
    expect(posts()).toHaveLength(2);
  });

  it('paces each channel: at most ITEM_POSTS_PER_MINUTE messages, the rest folded into one', async () => {
    const before = posts().length;
    feed.publish(6); // items 7-12
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 3, articles: 6 } });
    const sent = postsAfter(before);
    expect(sent).toHaveLength(3);
    const fold = JSON.stringify(sent[2]?.blocks);
    expect(fold).toContain('and 4 more new articles');
    for (const n of [9, 10, 11, 12]) expect(fold).toContain(`https://canal.example/canal-bulletin-${n}`);
    // The minute is used up: a new item waits, and goes out once the minute has passed.
    feed.publish(1); // item 13
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 0 } });
    later(61_000);
    expect(await notify()).toMatchObject({ items: { messages: 1, articles: 1 } });
  });

  it('covers at most ITEM_POSTS_PER_POLL articles a poll; the rest go out with the next', async () => {
    later(61_000);
    const before = posts().length;
    feed.publish(11); // items 14-24
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 3, articles: 8 } });
    later(61_000);
    expect(await notify()).toMatchObject({ items: { messages: 3, articles: 3 } });
    expect(postsAfter(before)).toHaveLength(6);
    for (let n = 5; n <= 24; n++)
      expect(timesPosted(`Lock keepers report on section ${n}`), `item ${n}`).toBe(1);
  });

  it('a failed post is retried by the next poll, and a post whose answer was lost is not sent twice', async () => {
    later(61_000);
    feed.publish(1); // item 25
    await poll();
    api.failNext('chat.postMessage');
    expect(await notify()).toMatchObject({ items: { messages: 0, failed: 1 } });
    expect(timesPosted('Lock keepers report on section 25')).toBe(0);
    expect(await notify()).toMatchObject({ items: { messages: 1 } });
    expect(timesPosted('Lock keepers report on section 25')).toBe(1);

    later(61_000);
    feed.publish(1); // item 26
    await poll();
    api.loseAnswer('chat.postMessage');
    expect(await notify()).toMatchObject({ items: { messages: 0, failed: 1 } });
    expect(timesPosted('Lock keepers report on section 26')).toBe(1);
    later(61_000);
    await notify();
    expect(timesPosted('Lock keepers report on section 26')).toBe(1);
    expect(store.itemPosts.list('slack:T1', CHANNEL).every((row) => row.status === 'posted')).toBe(true);
  });

  it('two runs at once (overlapping polls) post each item once', async () => {
    later(61_000);
    const before = posts().length;
    feed.publish(2); // items 27-28
    await poll();
    const [one, two] = await Promise.all([notify(), notify()]);
    expect(one.items.messages + two.items.messages).toBe(2);
    expect(postsAfter(before)).toHaveLength(2);
    for (const n of [27, 28]) expect(timesPosted(`Lock keepers report on section ${n}`)).toBe(1);
  });

  it('a restart repeats nothing', async () => {
    const before = posts().length;
    await stop();
    await start();
    later(61_000);
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 0 } });
    feed.publish(1); // item 29
    await poll();
    expect(await notify()).toMatchObject({ items: { messages: 1 } });
    expect(postsAfter(before)).toHaveLength(1);
  });

  it("posts only what an items subscription's include and exclude terms let through, and lists them", async () => {
    later(61_000);
    const wire = new NumberedFeed('Harbour Wire');
    await wire.server.start();
    try {
      wire.publish(1);
      expect(await slash(`add ${wire.url} channel:<#C300|wire> mode:items include:/(a/`)).toContain('/(a/');
      expect(await slash(`add ${wire.url} channel:<#C300|wire> include:ceasefire`)).toContain(
        'include and exclude filter item posts',
      );
      expect(store.subscriptions.list('slack:T1').filter((s) => s.channel === 'C300')).toEqual([]);
      const add = `add ${wire.url} channel:<#C300|wire> mode:items include:ceasefire, /tru[cs]e/i exclude:/rumou?r/i`;
      expect(await slash(add)).toContain('Now following Harbour Wire');
      expect(await slash('list')).toContain('include: ceasefire, /tru[cs]e/i; exclude: /rumou?r/i');
      expect(await slash('', '/settings')).toContain('include: ceasefire, /tru[cs]e/i; exclude: /rumou?r/i');

      for (const title of [
        'Ceasefire agreed at the locks',
        'Ceasefire rumour denied',
        'Truce holds on the quay',
        'Barge traffic resumes',
      ])
        wire.publish(1, title);
      await poll();
      expect(await notify()).toMatchObject({ items: { messages: 2, articles: 2 } });
      const inWire = JSON.stringify(api.posts.filter((p) => p.channel === 'C300'));
      expect(inWire).toContain('Ceasefire agreed at the locks');
      expect(inWire).toContain('Truce holds on the quay');
      expect(inWire).not.toContain('rumour');
      expect(inWire).not.toContain('Barge traffic resumes');
      expect(store.itemPosts.list('slack:T1', 'C300').filter((r) => r.status === 'filtered')).toHaveLength(2);
      // Left out for good: the next run does not look at them again.
      later(61_000);
      expect(await notify()).toMatchObject({ items: { messages: 0, articles: 0 } });
      // Adding again without terms clears them.
      expect(await slash(`add ${wire.url} channel:<#C300|wire> mode:items`)).toContain('Now following');
      expect(await slash('list')).not.toContain('include: ceasefire');
    } finally {
      await slash(`remove ${wire.url}`);
      await wire.server.stop();
    }
  });

  it('tells the channel once when the feed fails polls in a row, once when it recovers, across a restart', async () => {
    const before = posts().length;
    feed.fail();
    await poll();
    await poll();
    expect(await notify()).toMatchObject({ health: { failing: 0 } });
    await poll();
    expect(await notify()).toMatchObject({ health: { failing: 1 } });
    const [failing] = postsAfter(before);
    const text = JSON.stringify(failing);
    expect(text).toContain('Feed failing: Canal Bulletin');
    expect(text).toContain('has failed 3 polls in a row');
    expect(text).toContain('the site had an error of its own (HTTP 503)');
    expect(text).toContain('/feeds remove');
    expect(text).toContain('token=…');
    expect(text).not.toContain('canal-secret-token');

    await poll();
    expect(await notify()).toMatchObject({ health: { failing: 0 } });
    await stop();
    await start();
    await poll();
    expect(await notify()).toMatchObject({ health: { failing: 0, recovered: 0 } });
    expect(postsAfter(before)).toHaveLength(1);

    feed.recover();
    await poll();
    expect(await notify()).toMatchObject({ health: { recovered: 1 } });
    await poll();
    expect(await notify()).toMatchObject({ health: { failing: 0, recovered: 0 } });
    const sent = postsAfter(before);
    expect(sent).toHaveLength(2);
    expect(JSON.stringify(sent[1])).toContain('Feed working again: Canal Bulletin');
    expect(JSON.stringify(sent[1])).not.toContain('canal-secret-token');
  });
});
