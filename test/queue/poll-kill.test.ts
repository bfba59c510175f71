import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { openStore } from '../../src/store/index.ts';
import { DiscordStandIn, IDS } from '../support/discord-server.ts';
import { NumberedFeed } from '../support/numbered-feed.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { WorkerProcesses, workerEnv } from '../support/worker-process.ts';

const log = pino({ level: 'silent' });
const TENANT = `discord:${IDS.guild}`;

const discord = new DiscordStandIn();
const feed = new NumberedFeed('Weir Watch');
beforeAll(async () => {
  await Promise.all([discord.start(), feed.server.start()]);
});
afterAll(async () => {
  feed.release();
  await discord.close();
  await feed.server.stop();
});
const processes = new WorkerProcesses();
afterEach(() => processes.killAll());
const startWorker = (env: Record<string, string>) => processes.start(env, 'polls');

const hits = () => feed.server.hits.get('/numbered') ?? 0;
const titles = () => discord.titlesIn(IDS.channel);

// Workers take seconds to start on a busy machine: generous waits, none of them a claim about speed.
describe.skipIf(!postgresAvailable())(
  `feed polls across a killed worker (PostgreSQL) ${postgresMissing()}`,
  { timeout: 240_000 },
  () => {
    it('a worker killed (kill -9) mid-poll: another polls the feed before the job expires, and each new item is posted once', async () => {
      const url = freshPostgresDatabase('pollkill');
      const env = workerEnv(url, discord, {
        FETCH_FULL_TEXT: 'false',
        FEED_POLL_CRON: '*/2 * * * * *',
        // The held request outlives the test's waits instead of timing out.
        FEED_TIMEOUT_MS: '120000',
        // The killed worker's job is retried 40-50 s after it started: the feed must not wait for that.
        QUEUE_JOB_TIMEOUT_SECONDS: '40',
      });
      const store = openStore(url);
      const row = store.feeds.add(feed.url);
      store.subscriptions.add(TENANT, row.id, { channel: IDS.channel, mode: 'items', origin: 'store' });
      store.itemPosts.startMissing(TENANT);
      feed.publish(2);

      const front = await startJobScheduler({ store, config: loadConfig(env), log, operatorDigest: false });
      const workers = [startWorker(env), startWorker(env)];
      // Both workers are up (a polls worker opens its lock session as it starts).
      const lockSessions = () =>
        psql(
          url,
          // The cluster's other databases are other tests'.
          "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'newsdesk feed locks%'",
        );
      await expect.poll(lockSessions, { timeout: 90_000, interval: 500 }).toBe('2');
      await expect.poll(() => titles().length, { timeout: 60_000 }).toBe(2);

      // The feed stops answering: one worker (A) polls it and waits; the feed's next jobs, whichever
      // worker takes them, find it being polled and are skipped.
      feed.hold();
      const asked = hits();
      await expect.poll(hits, { timeout: 30_000 }).toBe(asked + 1);
      const killed = psql(
        url,
        "SELECT id FROM newsdesk_queue.job WHERE name = 'polls' AND state = 'active' ORDER BY started_on LIMIT 1",
      );
      const skipped = () =>
        Number(
          psql(
            url,
            "SELECT count(*) FROM newsdesk_queue.job WHERE name = 'polls' AND state = 'completed' AND output ? 'skipped'",
          ),
        );
      const skippedBefore = skipped();
      await expect.poll(skipped, { timeout: 30_000, interval: 250 }).toBeGreaterThan(skippedBefore);
      expect(hits()).toBe(asked + 1);
      const holder = psql(
        url,
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid)
           WHERE l.locktype = 'advisory' AND a.datname = current_database()
             AND a.application_name LIKE 'newsdesk feed locks%'`,
      );
      const a = workers.find((w) => holder.endsWith(`pid ${w.child.pid}`));
      const b = workers.find((w) => w !== a);
      if (!a || !b) throw new Error(`no worker holds the feed's lock (${holder})`);

      // New items appear as A is killed, and the feed answers again.
      feed.publish(2);
      a.child.kill('SIGKILL');
      expect(await a.exited).toBe(null);
      feed.release();
      const killedJob = () =>
        psql(url, `SELECT state || ':' || retry_count FROM newsdesk_queue.job WHERE id = '${killed}'`);
      await expect.poll(() => titles().length, { timeout: 60_000, interval: 250 }).toBe(4);
      // B polled the feed and posted its new items while A's job was still waiting to expire.
      expect(killedJob()).toBe('active:0');

      // A's job, retried once it expired, polls the feed again and posts nothing twice.
      await expect.poll(killedJob, { timeout: 90_000, interval: 500 }).toBe('completed:1');
      await front.stop();
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);

      expect(titles().sort()).toEqual([1, 2, 3, 4].map((n) => `Lock keepers report on section ${n}`));
      expect(discord.postsTo(IDS.channel)).toBe(4);
      expect(
        psql(url, "SELECT count(*) FROM newsdesk_queue.job WHERE name = 'polls' AND state = 'failed'"),
      ).toBe('0');
      store.close();
    });
  },
);
