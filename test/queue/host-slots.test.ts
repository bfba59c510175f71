import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeeds } from '../../src/ingest/feeds/index.ts';
import { postgresHostGate } from '../../src/queue/host-slots.ts';
import { openStore } from '../../src/store/index.ts';
import { FeedHosts } from '../support/host-load.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-host-slots-');
const PER_HOST = 2;
const log = pino({ level: 'silent' });

let hosts: FeedHosts;
beforeAll(async () => {
  hosts = await new FeedHosts(2, 6, PER_HOST).start();
});
afterAll(() => hosts.stop());

describe.skipIf(!postgresAvailable())(
  `requests per host across workers (PostgreSQL) ${postgresMissing()}`,
  { timeout: 90_000 },
  () => {
    it('two workers polling the same hosts keep each host within FEED_HOST_CONCURRENCY together', async () => {
      const url = freshPostgresDatabase('hostslots');
      const config = hosts.config(PER_HOST);
      // Two workers: each its own store and its own database connections, as on two machines.
      const workers = [0, 1].map((w) => ({
        store: openStore(join(tempDir(), `worker-${w}.db`)),
        gate: postgresHostGate(url, PER_HOST, { log, connections: 10 }),
      }));
      const reports = await Promise.all(
        workers.map(({ store, gate }) => pollFeeds(store, config, { force: true, hosts: gate })),
      );
      for (const { store, gate } of workers) {
        store.close();
        await gate.close();
      }
      expect(reports.map((r) => [r.feeds.polled, r.failed.length])).toEqual([
        [12, 0],
        [12, 0],
      ]);
      expect(hosts.requests()).toBe(24);
      expect(hosts.peak).toEqual([PER_HOST, PER_HOST]);
      expect(hosts.peakOverall).toBe(2 * PER_HOST);
      // Every slot was given back: no advisory lock is left once the workers are done.
      expect(psql(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).toBe('0');
    });

    it("a dead worker's slots are free at once: its connection's locks go with it", async () => {
      const url = freshPostgresDatabase('hostslots');
      const gate = postgresHostGate(url, 1, { log, connections: 2 });
      let ended!: () => void;
      const held = gate.run(
        'http://one.example/feed',
        () => new Promise<void>((resolve) => (ended = resolve)),
      );
      await expect
        .poll(() => psql(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
        .toBe('1');
      // The worker's connection dies (as when its process is killed): PostgreSQL ends its session.
      psql(
        url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'newsdesk host slots'",
      );
      await expect
        .poll(() => psql(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
        .toBe('0');
      const other = postgresHostGate(url, 1, { log, connections: 1 });
      expect(await other.run('http://one.example/feed', async () => 'got the slot')).toBe('got the slot');
      ended();
      await held;
      await Promise.all([gate.close(), other.close()]);
    });
  },
);
