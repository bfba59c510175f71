import PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import { ConfigError } from '../core/errors.ts';
import type { Logger } from '../log.ts';
import { QUEUE_NAMES, type QueueName } from './names.ts';

/** pg-boss keeps its tables in this schema of DATABASE_URL's database, apart from the store's. */
export const QUEUE_SCHEMA = 'newsdesk_queue';

/**
 * Each queue's policy and retries. `polls` is short: at most one waiting job per feed (its
 * singletonKey), so a backlog never piles up polls of one feed, and with no limit on running ones.
 * Not stately: pg-boss takes the oldest waiting job, and when a feed's next poll is the oldest while
 * its last one still runs (a slow feed, a killed worker's job until it expires) stately's unique
 * index refuses it, and pg-boss hands out no polls job at all until that poll ends. One poll of a
 * feed at a time is the feed lock's work instead (feed-lock.ts). A job whose worker died is retried
 * once pg-boss sees it expired (QUEUE_JOB_TIMEOUT_SECONDS); a digest's delivery claims in the store
 * make its retry post nothing twice. No queue here may be singleton or stately, for the same reason.
 */
const QUEUES: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  polls: { policy: 'short', retryLimit: 2, retryDelay: 5 },
  pages: { policy: 'standard', retryLimit: 2, retryDelay: 5 },
  llm: { policy: 'standard', retryLimit: 5, retryDelay: 5, retryBackoff: true },
  digests: { policy: 'standard', retryLimit: 8, retryDelay: 5, retryBackoff: true },
};

/** PostgreSQL's SQLSTATE for a deadlock: it rolled one of the transactions back. */
const DEADLOCK = '40P01';
const DEADLOCK_TRIES = 8;

/**
 * Runs `change` again when PostgreSQL picked it as a deadlock's victim: processes starting together on
 * a new database (compose up --scale worker=4) each create the queues, and pg-boss's createQueue (a
 * job table partition per queue) can deadlock with another's. A short random wait lets one finish.
 */
async function afterDeadlocks<T>(change: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await change();
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK || tries >= DEADLOCK_TRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * tries));
    }
  }
}

/** Creates the queue (unless another process just did) and reads it back. */
async function createQueue(boss: PgBoss, name: QueueName): Promise<PgBoss.QueueResult | null> {
  await boss.createQueue(name, { name, ...QUEUES[name] });
  return boss.getQueue(name);
}

/**
 * Creates the queue, or brings an existing one to this version's policy and retries (createQueue
 * leaves an existing queue as it was: a `polls` queue made stately by an earlier version stays so).
 * Jobs already queued keep the policy they were sent with.
 */
async function ensureQueue(boss: PgBoss, name: QueueName, log: Logger): Promise<void> {
  const wanted = QUEUES[name];
  const current = (await boss.getQueue(name)) ?? (await afterDeadlocks(() => createQueue(boss, name)));
  const stale = Object.entries(wanted).filter(
    ([key, value]) => current?.[key as keyof typeof wanted] !== value,
  );
  if (!current || !stale.length) return;
  await afterDeadlocks(() => boss.updateQueue(name, { name, ...wanted }));
  log.info(
    {
      queue: name,
      was: Object.fromEntries(stale.map(([key]) => [key, current[key as keyof typeof wanted]])),
    },
    'job queue updated',
  );
}

/** How often expired jobs are looked for: a killed worker's job waits the timeout and at most this. */
export const maintenanceSeconds = (config: Pick<Config, 'QUEUE_JOB_TIMEOUT_SECONDS'>): number =>
  Math.max(1, Math.min(60, Math.floor(config.QUEUE_JOB_TIMEOUT_SECONDS / 4)));

export function requireDatabaseUrl(config: Pick<Config, 'DATABASE_URL'>, what: string): string {
  if (!config.DATABASE_URL)
    throw new ConfigError(
      `${what} needs DATABASE_URL (postgres://...): the job queue lives in PostgreSQL. Without it, npm start does all the work in one process`,
    );
  return config.DATABASE_URL;
}

/** Connects pg-boss (creating its schema and the queues on first use) for the front end or a worker. */
export async function startBoss(config: Config, log: Logger, role: 'front end' | 'worker'): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: requireDatabaseUrl(config, role === 'worker' ? 'newsdesk worker' : 'the job queue'),
    schema: QUEUE_SCHEMA,
    application_name: `newsdesk ${role}`,
    max: 4,
    // Cron schedules are ours (FEED_POLL_CRON, the digest schedules), not pg-boss's.
    schedule: false,
    maintenanceIntervalSeconds: maintenanceSeconds(config),
  });
  // A lost connection is reported here and retried by pg-boss; it must not end the process.
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const name of QUEUE_NAMES) await ensureQueue(boss, name, log);
  return boss;
}
