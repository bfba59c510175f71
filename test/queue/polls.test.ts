import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/index.ts';
import { NumberedFeed } from '../support/numbered-feed.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-queue-polls-');
const log = pino({ level: 'silent' });
const TENANTS = ['discord:1001', 'discord:1002', 'slack:T1003'];

const feeds = [new NumberedFeed('Canal Bulletin'), new NumberedFeed('Harbour Notes')];
beforeAll(async () => {
  for (const feed of feeds) {
    await feed.server.start();
    feed.publish(3);
  }
});
afterAll(async () => {
  for (const feed of feeds) await feed.server.stop();
});

describe.skipIf(!postgresAvailable())(
  `feed polls through the job queue (PostgreSQL) ${postgresMissing()}`,
  // Waits are for a machine busy with other tests, not assumptions about speed.
  { timeout: 120_000 },
  () => {
    it('two front ends send one poll per feed URL however many tenants follow it; a worker polls each once', async () => {
      const url = freshPostgresDatabase('polls');
      // The store is a SQLite file here (workers on one machine may share one); the queue is PostgreSQL.
      const store = openStore(join(tempDir(), 'store.db'));
      const config = loadConfig({
        DATABASE_URL: url,
        ALLOW_PRIVATE_FEEDS: 'true',
        FETCH_FULL_TEXT: 'false',
        LOG_LEVEL: 'silent',
      });
      for (const feed of feeds) {
        const row = store.feeds.add(feed.url);
        for (const tenantId of TENANTS) store.subscriptions.add(tenantId, row.id, { origin: 'store' });
      }

      const fronts = [
        await startJobScheduler({ store, config, log, operatorDigest: false }),
        await startJobScheduler({ store, config, log, operatorDigest: false }),
      ];
      const queued = () => psql(url, "SELECT count(*) FROM newsdesk_queue.job WHERE name = 'polls'");
      await expect.poll(queued, { timeout: 30_000 }).toBe('2');
      await Promise.all(fronts.map((f) => f.stop()));

      const worker = await startWorker({ config, store, log, queues: ['polls'] });
      await expect
        .poll(
          () => psql(url, "SELECT string_agg(state::text, ',') FROM newsdesk_queue.job WHERE name = 'polls'"),
          {
            timeout: 60_000,
          },
        )
        .toBe('completed,completed');
      await worker.stop();

      for (const feed of feeds) expect(feed.server.hits.get('/numbered')).toBe(1);
      expect(store.feeds.list().map((f) => [f.title, f.consecutiveFailures])).toEqual([
        ['Canal Bulletin', 0],
        ['Harbour Notes', 0],
      ]);
      expect(store.articles.count()).toBe(6);
      store.close();
    });
  },
);
