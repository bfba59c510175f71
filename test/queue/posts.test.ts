import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/index.ts';
import { DiscordStandIn, IDS } from '../support/discord-server.ts';
import { NumberedFeed } from '../support/numbered-feed.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-queue-posts-');
const log = pino({ level: 'silent' });
const TENANT = `discord:${IDS.guild}`;

const discord = new DiscordStandIn();
const feed = new NumberedFeed('Lockside News');
beforeAll(async () => {
  await Promise.all([discord.start(), feed.server.start()]);
});
afterAll(async () => {
  await discord.close();
  await feed.server.stop();
});

const titlesIn = (channel: string) => discord.titlesIn(channel);

// Waits are for a machine busy with other tests, not assumptions about speed.
describe.skipIf(!postgresAvailable())(
  `a worker's posts (PostgreSQL queue) ${postgresMissing()}`,
  { timeout: 150_000 },
  () => {
    it("posts a server's new feed items after its polls, and the operator's DIGEST_CRON digest, each once", async () => {
      const url = freshPostgresDatabase('posts');
      const store = openStore(join(tempDir(), 'store.db'));
      const config = loadConfig({
        DATABASE_URL: url,
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: IDS.application,
        DISCORD_API_URL: discord.apiUrl,
        ALLOW_PRIVATE_FEEDS: 'true',
        FETCH_FULL_TEXT: 'false',
        // Polls every 2 s, so that the feed is polled several times while the test runs.
        FEED_POLL_CRON: '*/2 * * * * *',
        DIGEST_CRON: '0 0 * * *',
        DIGEST_DISCORD_CHANNEL_IDS: IDS.channelB,
        LOG_LEVEL: 'silent',
      });
      // The server follows the feed for item posts from before its first item: both items are new.
      const row = store.feeds.add(feed.url);
      store.subscriptions.add(TENANT, row.id, { channel: IDS.channel, mode: 'items', origin: 'store' });
      store.itemPosts.startMissing(TENANT);
      feed.publish(2);

      const worker = await startWorker({ config, store, log, queues: ['polls', 'llm', 'digests'] });
      const front = await startJobScheduler({ store, config, log, operatorDigest: true });
      await expect
        .poll(() => [titlesIn(IDS.channel).length, titlesIn(IDS.channelB).length], { timeout: 60_000 })
        .toEqual([2, 1]);
      // More polls come and go; nothing is posted again.
      await expect.poll(() => feed.server.hits.get('/numbered') ?? 0, { timeout: 30_000 }).toBeGreaterThan(2);
      await front.stop();
      await worker.stop();

      expect(titlesIn(IDS.channel).sort()).toEqual([
        'Lock keepers report on section 1',
        'Lock keepers report on section 2',
      ]);
      expect(titlesIn(IDS.channelB)).toHaveLength(1);
      expect(store.deliveries.list('operator').map((d) => [d.destination, d.status])).toEqual([
        [IDS.channelB, 'posted'],
      ]);
      const states = (queue: string) =>
        psql(
          url,
          `SELECT string_agg(DISTINCT state::text, ',') FROM newsdesk_queue.job WHERE name = '${queue}'`,
        );
      expect([states('llm'), states('digests')]).toEqual(['completed', 'completed']);
      store.close();
    });
  },
);
