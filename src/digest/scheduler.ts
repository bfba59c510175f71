import cron from 'node-cron';
import { type Config, ConfigError } from '../config.ts';
import { runIngest } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { type DeliveryOutcome, deliverSlot, type PreparedDigest, type RetryPolicy } from './deliver.ts';
import { type DigestSchedule, planSlot, type SlotPlan } from './slots.ts';
import type { DeliveryTarget } from './target.ts';

export interface DigestSchedulerOptions {
  /** The tenant this schedule belongs to: its slots, claims and reported items. */
  tenantId: string;
  store: Store;
  config: Config;
  targets: DeliveryTarget[];
  log: Logger;
  prepare: (plan: SlotPlan) => Promise<PreparedDigest>;
  /** Runs before each slot is composed; defaults to ingesting the corpus and the feeds. */
  ingest?: () => Promise<unknown>;
  retry?: RetryPolicy;
  now?: () => Date;
}

export interface DigestScheduler {
  /** Posts the latest slot if it was missed (or left half-done) while the bot was down. */
  catchUp(): Promise<DeliveryOutcome[]>;
  /** Resolves after the next slot run that the cron job starts has finished. */
  nextRun(): Promise<DeliveryOutcome[]>;
  /** Stops the cron job and waits (at most `timeoutMs`) for a run in flight. */
  stop(timeoutMs?: number): Promise<void>;
}

export function scheduleFromConfig(config: Config): DigestSchedule {
  if (!cron.validate(config.DIGEST_CRON)) {
    throw new ConfigError(`DIGEST_CRON: not a valid cron expression: ${config.DIGEST_CRON}`);
  }
  return { cron: config.DIGEST_CRON, timezone: config.DIGEST_TZ };
}

/**
 * The daily digest: node-cron fires on DIGEST_CRON in DIGEST_TZ, an ingest runs, then the slot is
 * delivered exactly once per destination. node-cron keeps no state; the store remembers each slot.
 */
export function startDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { store, config, log } = options;
  const schedule = scheduleFromConfig(config);
  const now = options.now ?? (() => new Date());
  const ingest =
    options.ingest ?? (() => runIngest(store, { corpusDirs: [config.CORPUS_DIR], feeds: true, config }));
  let chain: Promise<unknown> = Promise.resolve();
  let waiters: ((outcomes: DeliveryOutcome[]) => void)[] = [];

  const runSlot = (at: Date): Promise<DeliveryOutcome[]> => {
    const run = chain.then(async () => {
      const plan = planSlot(schedule, at);
      if (!plan) return [];
      try {
        await ingest();
      } catch (err) {
        log.warn({ err }, 'ingest before the digest failed; composing from the store');
      }
      return deliverSlot(store, plan, options.targets, {
        tenantId: options.tenantId,
        log,
        prepare: options.prepare,
        retry: options.retry,
      });
    });
    chain = run.catch(() => undefined);
    return run;
  };

  const task = cron.schedule(
    schedule.cron,
    async (ctx) => {
      // A timer may fire a hair early or late: the nearest second is the slot it fired for.
      const fired = Math.round((ctx.date ?? now()).getTime() / 1000) * 1000;
      const outcomes = await runSlot(new Date(fired)).catch((err: unknown) => {
        log.error({ err }, 'digest run failed');
        return [] as DeliveryOutcome[];
      });
      for (const resolve of waiters.splice(0)) resolve(outcomes);
    },
    { timezone: schedule.timezone, name: 'digest', noOverlap: true },
  );
  log.info(
    { cron: schedule.cron, timezone: schedule.timezone, destinations: options.targets.length },
    'digest scheduled',
  );

  return {
    catchUp: () => runSlot(now()),
    nextRun: () => new Promise((resolve) => waiters.push(resolve)),
    async stop(timeoutMs = 10_000) {
      await task.stop();
      await task.destroy();
      waiters = [];
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([chain, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}
