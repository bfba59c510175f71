import { join } from 'node:path';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { QUEUE_SCHEMA, startBoss } from '../../src/queue/boss.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/index.ts';
import { NumberedFeed } from '../support/numbered-feed.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-queue-held-');
const log = pino({ level: 'silent' });
const TENANT = 'discord:1001';

const slow = new NumberedFeed('Slow Sluice');
const others = [new NumberedFeed('Canal Bulletin'), new NumberedFeed('Harbour Notes')];
const all = [slow, ...others];
beforeAll(async () => {
  for (const feed of all) {
    await feed.server.start();
    feed.publish(2);
  }
});
afterAll(async () => {
  slow.release();
  for (const feed of all) await feed.server.stop();
});

const hits = (feed: NumberedFeed) => feed.server.hits.get('/numbered') ?? 0;

// Waits are for a machine busy with other tests, not assumptions about speed.
describe.skipIf(!postgresAvailable())(
  `a feed whose poll hangs (PostgreSQL queue) ${postgresMissing()}`,
  { timeout: 150_000 },
  () => {
    it("holds up no other feed's polls, and is itself polled once at a time", async () => {
      const url = freshPostgresDatabase('pollheld');
      const store = openStore(join(tempDir(), 'store.db'));
      const config = loadConfig({
        DATABASE_URL: url,
        ALLOW_PRIVATE_FEEDS: 'true',
        FETCH_FULL_TEXT: 'false',
        // A period every 2 s: each feed's next poll is queued while the slow feed's first still runs.
        FEED_POLL_CRON: '*/2 * * * * *',
        // The slow feed's request outlives the test's waits instead of timing out.
        FEED_TIMEOUT_MS: '120000',
        LOG_LEVEL: 'silent',
      });
      const ids = all.map((feed) => {
        const row = store.feeds.add(feed.url);
        store.subscriptions.add(TENANT, row.id, { origin: 'store' });
        return row.id;
      });
      slow.hold();

      const worker = await startWorker({ config, store, log, queues: ['polls'] });
      const front = await startJobScheduler({ store, config, log, operatorDigest: false });
      await expect.poll(() => hits(slow), { timeout: 30_000 }).toBe(1);
      // The slow feed's next polls wait in the queue from the next period on; the others are still
      // polled period after period.
      const before = others.map(hits);
      await expect
        .poll(() => Math.min(...others.map((feed, i) => hits(feed) - (before[i] as number))), {
          timeout: 60_000,
          interval: 500,
        })
        .toBeGreaterThanOrEqual(3);
      // Never two polls of one feed at once: the slow feed's later jobs found it being polled.
      expect(hits(slow)).toBe(1);
      const skipped = () =>
        Number(
          psql(
            url,
            `SELECT count(*) FROM newsdesk_queue.job WHERE name = 'polls' AND singleton_key = 'feed:${ids[0]}'
               AND state = 'completed' AND output ? 'skipped'`,
          ),
        );
      await expect.poll(skipped, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

      // Once it answers, the slow feed's items are stored and its polls go on.
      slow.release();
      await expect.poll(() => hits(slow), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(() => store.articles.count(), { timeout: 30_000 }).toBe(6);
      await front.stop();
      await worker.stop();

      expect(store.feeds.list().map((f) => f.consecutiveFailures)).toEqual([0, 0, 0]);
      expect(
        psql(url, "SELECT count(*) FROM newsdesk_queue.job WHERE name = 'polls' AND state = 'failed'"),
      ).toBe('0');
      // The feed locks went with the worker's connections.
      expect(
        psql(
          url,
          `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        ),
      ).toBe('0');
      store.close();
    });

    it('a polls queue made stately by an earlier version is made short when a worker or front end starts', async () => {
      const url = freshPostgresDatabase('pollpolicy');
      const earlier = new PgBoss({
        connectionString: url,
        schema: QUEUE_SCHEMA,
        schedule: false,
        supervise: false,
      });
      await earlier.start();
      await earlier.createQueue('polls', { name: 'polls', policy: 'stately', retryLimit: 2, retryDelay: 5 });
      await earlier.stop({ graceful: false, wait: true });

      const boss = await startBoss(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), log, 'worker');
      await boss.stop({ graceful: false, wait: true });
      expect(
        psql(url, "SELECT string_agg(name || ':' || policy, ',' ORDER BY name) FROM newsdesk_queue.queue"),
      ).toBe('digests:standard,llm:standard,pages:standard,polls:short');
    });
  },
);
