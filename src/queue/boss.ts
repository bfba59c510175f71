import PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import { ConfigError } from '../core/errors.ts';
import type { Logger } from '../log.ts';
import { QUEUE_NAMES, type QueueName } from './names.ts';

/** pg-boss keeps its tables in this schema of DATABASE_URL's database, apart from the store's. */
export const QUEUE_SCHEMA = 'newsdesk_queue';

/**
 * Each queue's policy and retries. `polls` is stately: at most one queued and one running job per
 * feed (its singletonKey), so a backlog never piles up polls of one feed. A job whose worker died is
 * retried once pg-boss sees it expired (QUEUE_JOB_TIMEOUT_SECONDS); a digest's delivery claims in the
 * store make its retry post nothing twice.
 */
const QUEUES: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  polls: { policy: 'stately', retryLimit: 2, retryDelay: 5 },
  pages: { policy: 'standard', retryLimit: 2, retryDelay: 5 },
  llm: { policy: 'standard', retryLimit: 5, retryDelay: 5, retryBackoff: true },
  digests: { policy: 'standard', retryLimit: 8, retryDelay: 5, retryBackoff: true },
};

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
  for (const name of QUEUE_NAMES) await boss.createQueue(name, { name, ...QUEUES[name] });
  return boss;
}
