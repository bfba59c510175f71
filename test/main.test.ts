import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeeds } from '../src/ingest/feeds/index.ts';
import { openStore } from '../src/store/index.ts';
import { DiscordStandIn, IDS } from './support/discord-server.ts';
import { testConfig } from './support/discord-store.ts';
import { NumberedFeed } from './support/numbered-feed.ts';
import { SlackStandIn } from './support/slack-api.ts';
import { useTempDirs } from './support/temp.ts';

const tempDir = useTempDirs('newsdesk-main-');
const corpus = resolve('../shared/corpus');
if (!existsSync(corpus)) console.warn(`skipping the bot process tests: ${corpus} is absent`);

let api: SlackStandIn;
const discord = new DiscordStandIn('discord-secret-token');
const children: ChildProcess[] = [];
beforeAll(async () => {
  api = await new SlackStandIn().start();
  await discord.start();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await api?.close();
  await discord.close();
});

/** Starts `npm start`'s script with Slack (and optionally Discord) pointed at stand-ins; resolves at a log message. */
function startBot(
  db: string,
  extraEnv: Record<string, string> = {},
): {
  child: ChildProcess;
  logged: (msg: string) => Promise<Record<string, unknown>>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      NEWSDESK_DB: db,
      CORPUS_DIR: corpus,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-secret-token',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      SLACK_APP_TOKEN: '',
      DISCORD_TOKEN: '',
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      DIGEST_CRON: '0 8 * * *',
      DIGEST_TZ: 'Europe/Kyiv',
      DIGEST_SLACK_CHANNELS: 'CDAILY',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const waiting: (() => void)[] = [];
  let buffer = '';
  let all = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    all += chunk.toString();
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      lines.push(JSON.parse(part));
      for (const wake of waiting.splice(0)) wake();
    }
  });
  child.stderr?.on('end', () => {
    for (const wake of waiting.splice(0)) wake();
  });
  const logged = async (msg: string) => {
    for (;;) {
      const hit = lines.find((l) => l.msg === msg);
      if (hit) return hit;
      if (child.exitCode !== null)
        throw new Error(`bot exited before logging "${msg}": ${JSON.stringify(lines)}`);
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return { child, logged, stderr: () => all };
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    child.on('exit', (code) => done(code));
    child.kill('SIGTERM');
  });

describe.skipIf(!existsSync(corpus))('the bot process with Slack configured', { timeout: 180_000 }, () => {
  it('posts the missed digest slot once on start, not again on the next start, and exits 0 on SIGTERM', async () => {
    const db = join(tempDir(), 'bot.db');
    const first = startBot(db);
    const done = await first.logged('digest catch-up done');
    expect(done.outcomes).toMatchObject([{ platform: 'slack', destination: 'CDAILY', status: 'posted' }]);
    expect(await stop(first.child)).toBe(0);

    const second = startBot(db);
    const again = await second.logged('digest catch-up done');
    expect(again.outcomes).toMatchObject([{ destination: 'CDAILY', status: 'already-posted' }]);
    expect(await stop(second.child)).toBe(0);
    for (const secret of ['xoxb-secret-token', 'signing-secret-value']) {
      expect(first.stderr() + second.stderr()).not.toContain(secret);
    }

    const posts = api.posts.filter((p) => p.channel === 'CDAILY');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.metadata?.event_type).toBe('newsdesk_digest');
    expect(JSON.stringify(posts[0]?.blocks)).toContain('Mode: extractive');
  });

  it("posts a feed's new item to the channel of its items subscription after the poll at start", async () => {
    const db = join(tempDir(), 'bot-items.db');
    const feed = new NumberedFeed('Weir Weekly');
    await feed.server.start();
    try {
      feed.publish(2);
      const config = testConfig({ ALLOW_PRIVATE_FEEDS: 'true', FETCH_FULL_TEXT: 'false' });
      const store = openStore(db);
      const sub = store.subscriptions.add('slack:T1', store.feeds.add(feed.url).id, {
        channel: 'CITEMS',
        mode: 'items',
        origin: 'store',
      });
      await pollFeeds(store, config, { force: true });
      store.itemPosts.follow('slack:T1', sub.id, sub.mode);
      store.close();
      feed.publish(1);

      const bot = startBot(db, { ALLOW_PRIVATE_FEEDS: 'true', FETCH_FULL_TEXT: 'false' });
      expect(await bot.logged('item posts sent')).toMatchObject({ messages: 1, articles: 1, failed: 0 });
      expect(await stop(bot.child)).toBe(0);
      const posts = api.posts.filter((p) => p.channel === 'CITEMS');
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(posts[0]?.blocks)).toContain('Lock keepers report on section 3');
    } finally {
      await feed.server.stop();
    }
  });

  it('starts the Discord client too and posts the missed slot to the Discord channel exactly once', async () => {
    const db = join(tempDir(), 'bot-discord.db');
    const discordEnv = {
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
      DIGEST_DISCORD_CHANNEL_IDS: IDS.channel,
    };
    const first = startBot(db, discordEnv);
    const done = await first.logged('digest catch-up done');
    expect(done.outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ platform: 'discord', destination: IDS.channel, status: 'posted' }),
      ]),
    );
    expect(await stop(first.child)).toBe(0);

    const second = startBot(db, discordEnv);
    const again = await second.logged('digest catch-up done');
    expect(again.outcomes).toEqual(
      expect.arrayContaining([expect.objectContaining({ platform: 'discord', status: 'already-posted' })]),
    );
    expect(await stop(second.child)).toBe(0);

    const posted = discord.messages.filter((m) => m.channel_id === IDS.channel);
    expect(posted).toHaveLength(1);
    const send = discord.calls.find(
      (c) => c.method === 'POST' && c.path === `/channels/${IDS.channel}/messages`,
    );
    expect(send?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(first.stderr() + second.stderr()).not.toContain(discord.token);
  });
});
