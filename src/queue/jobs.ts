import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import type { DueSlot } from '../digest/channel-schedules.ts';
import type { DeliveryLease } from '../digest/lease.ts';
import type { SlotPlan } from '../digest/slots.ts';
import type { PageItem } from '../ingest/feeds/page-items.ts';
import { pollPeriodSeconds } from '../ingest/feeds/poll-period.ts';
import { syncEnvFeeds } from '../ingest/feeds/subscriptions.ts';
import type { Store } from '../store/index.ts';
import { OPERATOR_TENANT_ID } from '../store/tenants.ts';
import { QUEUE_SCHEMA } from './boss.ts';

/** A `polls` job: poll this feed (one row per URL, whoever follows it). */
export interface PollJob {
  feedId: number;
  /** When the front end polls next (ISO), shown as a healthy feed's next poll. */
  nextRun: string | null;
}

/** A `pages` job: fetch one feed item's linked page and store its article. */
export type PageJob = PageItem;

/**
 * An `llm` or `digests` job: one slot of a tenant's digest. With `scheduleId`, a channel schedule
 * (/digest schedule); without, the operator's DIGEST_CRON to DIGEST_*_CHANNELS.
 */
export interface DigestJob {
  tenantId: string;
  scheduleId?: number;
  plan: SlotPlan;
}

/**
 * A job id made from what the job is (pg-boss ids are UUIDs): the same slot sent again, by this front
 * end after a restart or by another front end, is the same job, and pg-boss keeps only the first.
 */
export function jobId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Jobs sent in one statement. */
const SEND_BATCH = 500;

/**
 * Sends jobs a batch per statement: thousands are queued in a few round trips. pg-boss's insert skips
 * a job whose id or singleton keys the queue already holds, as send does.
 */
async function insertJobs(boss: PgBoss, jobs: PgBoss.JobInsert[]): Promise<void> {
  for (let at = 0; at < jobs.length; at += SEND_BATCH) await boss.insert(jobs.slice(at, at + SEND_BATCH));
}

/**
 * One `polls` job per due feed, however many tenants follow it. The feed's id is its singletonKey and
 * the poll period its singletonSeconds: a second front end (or a restart) sending in the same period
 * adds nothing, and the queue's short policy never holds two waiting polls of one feed.
 */
export async function sendPolls(
  boss: PgBoss,
  store: Store,
  config: Config,
  nextRun: Date | null | undefined,
): Promise<{ due: number }> {
  syncEnvFeeds(store, config);
  const due = store.feeds.due(new Date().toISOString());
  const singletonSeconds = pollPeriodSeconds(config.FEED_POLL_CRON);
  const jobs = due.map((feed) => ({
    name: 'polls',
    data: { feedId: feed.id, nextRun: nextRun?.toISOString() ?? null } satisfies PollJob,
    singletonKey: `feed:${feed.id}`,
    singletonSeconds,
    expireInSeconds: config.QUEUE_JOB_TIMEOUT_SECONDS,
  }));
  await insertJobs(boss, jobs);
  return { due: due.length };
}

/**
 * One `pages` job per item, its id made from the item's origin and raw hash: the same item sent again
 * (the next poll before its page job ran, another worker's poll, a retried poll) is the same job, and
 * a changed item is a new one.
 */
export async function sendPages(
  boss: PgBoss,
  pages: PageJob[],
  config: Pick<Config, 'QUEUE_JOB_TIMEOUT_SECONDS'>,
): Promise<void> {
  await insertJobs(
    boss,
    pages.map((page) => ({
      id: jobId('pages', page.origin, page.fileHash),
      name: 'pages',
      data: page,
      expireInSeconds: config.QUEUE_JOB_TIMEOUT_SECONDS,
    })),
  );
}

/** A digest slot's job on `queue` (`llm` to compose it first, `digests` to deliver it). */
export async function sendDigest(
  boss: PgBoss,
  queue: 'llm' | 'digests',
  job: DigestJob,
  config: Pick<Config, 'QUEUE_JOB_TIMEOUT_SECONDS'>,
): Promise<string | null> {
  return boss.send(queue, job, digestOptions(queue, job, config));
}

const digestOptions = (
  queue: 'llm' | 'digests',
  job: DigestJob,
  config: Pick<Config, 'QUEUE_JOB_TIMEOUT_SECONDS'>,
): PgBoss.SendOptions => ({
  id: jobId(queue, job.tenantId, String(job.scheduleId ?? 'operator'), job.plan.slot),
  expireInSeconds: config.QUEUE_JOB_TIMEOUT_SECONDS,
});

/** A statement as pg-boss builds it for its own connection. */
interface BossStatement {
  text: string;
  values: unknown[];
}

/**
 * The `digests` job's insert as pg-boss builds it, to run on the store's connection inside the
 * transaction that saves the composed slot: the slot and its delivery job commit together or not at
 * all (pg-boss's send takes a `db` whose executeSql runs its statement; this one only keeps it).
 * Null when the store is not the queue's database, where the job is sent after the save instead.
 */
export async function digestJobInsert(
  boss: PgBoss,
  store: Store,
  job: DigestJob,
  config: Pick<Config, 'QUEUE_JOB_TIMEOUT_SECONDS' | 'DATABASE_URL'>,
): Promise<(() => void) | null> {
  if (!store.isDatabase(config.DATABASE_URL)) return null;
  const built: BossStatement[] = [];
  const keep = {
    executeSql: async (text: string, values: unknown[]) => {
      built.push({ text, values });
      // No row: pg-boss answers null and builds nothing more (no singletonNextSlot here).
      return { rows: [] };
    },
  };
  await boss.send('digests', job, { ...digestOptions('digests', job, config), db: keep });
  const [insert] = built;
  if (built.length !== 1 || !insert)
    throw new TypeError(`pg-boss built ${built.length} statements for one job; expected its insert alone`);
  return () => {
    store.foreign(insert.text, insert.values);
  };
}

/** The attempt of a job a worker runs: pg-boss's id, and its retry count when it was fetched. */
export interface JobAttempt {
  id: string;
  attempt: number;
}

/**
 * Whether this attempt of a `digests` job still holds it: the job row is active with this retry
 * count, locked for the rest of the store's transaction so that pg-boss cannot hand it to another
 * worker before the lease taken in it commits. Answers the database's clock.
 */
const HOLDS_JOB = `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now FROM ${QUEUE_SCHEMA}.job
  WHERE name = $1 AND id = $2::uuid AND state = 'active' AND retry_count = $3 FOR SHARE`;

/**
 * The delivery lease of a `digests` job's attempt: a claim is taken for a send only while pg-boss
 * still has this attempt active, so an attempt that outlived QUEUE_JOB_TIMEOUT_SECONDS (its job
 * retried elsewhere) posts nothing more. A store apart from the queue's database cannot see the job
 * in its transaction: there the attempt only names itself.
 */
export function jobLease(
  store: Store,
  config: Pick<Config, 'DATABASE_URL'>,
  queue: 'digests',
  job: JobAttempt,
): DeliveryLease {
  const owner = `${queue}:${job.id}#${job.attempt}`;
  if (!store.isDatabase(config.DATABASE_URL)) return { owner, now: () => Date.now() };
  return {
    owner,
    now: () => {
      const [row] = store.foreign(HOLDS_JOB, [queue, job.id, job.attempt]) as { now: number }[];
      return row ? row.now : null;
    },
  };
}

export const scheduleJob = ({ schedule, plan }: DueSlot): DigestJob => ({
  tenantId: schedule.tenantId,
  scheduleId: schedule.id,
  plan,
});

export const operatorJob = (plan: SlotPlan): DigestJob => ({ tenantId: OPERATOR_TENANT_ID, plan });
