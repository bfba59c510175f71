import type { Config } from '../config.ts';
import { pollNetwork } from '../ingest/feeds/poll.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { requireDatabaseUrl, startBoss } from './boss.ts';
import { postgresFeedLocks } from './feed-lock.ts';
import { jobHandlers } from './handlers.ts';
import { postgresHostGate } from './host-slots.ts';
import type { QueueName } from './names.ts';
import { workerPlatforms } from './platforms.ts';

/** How often an idle worker asks for jobs (pg-boss also wakes a worker in this process at once). */
const POLL_SECONDS = 1;
/** Jobs of one queue a worker runs at once (polls and pages, network-bound: FEED_CONCURRENCY). */
const JOBS_AT_ONCE = 4;

export interface Worker {
  /** Takes no new job, waits (at most the timeout) for those running, and disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * A queue worker (`newsdesk worker`): takes jobs from the named queues until stopped. Each job calls
 * the same core functions as the in-process bot (pollFeed, deliverSlot, notifyChannels), with the
 * platforms' REST clients for posting and the store of this configuration.
 */
export async function startWorker(options: {
  config: Config;
  store: Store;
  log: Logger;
  queues: QueueName[];
}): Promise<Worker> {
  const { config, store, log, queues } = options;
  const url = requireDatabaseUrl(config, 'newsdesk worker');
  const hosts = postgresHostGate(url, config.FEED_HOST_CONCURRENCY, {
    log,
    connections: config.FEED_CONCURRENCY + 1,
  });
  const platforms = await workerPlatforms(config, store, log);
  const boss = await startBoss(config, log, 'worker');
  const feedLocks = postgresFeedLocks(url, log);
  // A polls worker shows in pg_stat_activity from its start ('newsdesk feed locks, pid N'), and a
  // database it cannot reach stops it here rather than failing its first job.
  if (queues.includes('polls')) await feedLocks.open();
  const handlers = jobHandlers({
    boss,
    store,
    config,
    log,
    network: pollNetwork(config, hosts),
    platforms,
    feedLocks,
  });
  for (const queue of queues) {
    const loops = queue === 'polls' || queue === 'pages' ? config.FEED_CONCURRENCY : JOBS_AT_ONCE;
    for (let i = 0; i < loops; i++) {
      const options = { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS, includeMetadata: true } as const;
      await boss.work<never>(queue, options, async ([job]) => {
        if (!job) return undefined;
        const started = Date.now();
        try {
          const output = await handlers[queue](job.data, { id: job.id, attempt: job.retryCount });
          // pg-boss records a completion without awaiting it: a worker stopped right after a job
          // closed its connections first and left the job active until it expired and was run again
          // (QUEUE_JOB_TIMEOUT_SECONDS later). Recorded here, the stop waits for it, and
          // pg-boss's own is a no-op (it completes active jobs only).
          await boss.complete(queue, job.id, output);
          log.info({ queue, job: job.id, ms: Date.now() - started, output }, 'job done');
          return output;
        } catch (err) {
          log.warn({ queue, job: job.id, err }, 'job failed; pg-boss retries it');
          throw err;
        }
      });
    }
  }
  log.info({ queues, platforms: platforms.any }, 'worker started');
  return {
    async stop(timeoutMs = 30_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      await Promise.all([hosts.close(), feedLocks.close(), platforms.stop()]);
    },
  };
}
