import { type Config, ConfigError } from '../config.ts';
import { runIngest } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { type DeliveryOutcome, deliverSlot, type PreparedDigest, type RetryPolicy } from './deliver.ts';
import { cronProblem, type DigestSchedule, nextSlot, planSlot, type SlotPlan } from './slots.ts';
import type { DeliveryTarget } from './target.ts';

/** The longest single timer wait before the next slot is looked at again. */
const MAX_TIMER_STEP_MS = 60 * 60_000;

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
  /**
   * Hands each slot to someone else instead of delivering it here: the front end with DATABASE_URL
   * enqueues it as a `digests` job for the workers (src/queue/front.ts).
   */
  dispatch?: (plan: SlotPlan) => Promise<DeliveryOutcome[]>;
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
  const problem = cronProblem(config.DIGEST_CRON);
  if (problem) {
    throw new ConfigError(`DIGEST_CRON: not a valid cron expression: ${config.DIGEST_CRON} (${problem})`);
  }
  return { cron: config.DIGEST_CRON, timezone: config.DIGEST_TZ };
}

/**
 * The daily digest: a timer fires at each DIGEST_CRON slot in DIGEST_TZ, an ingest runs, then the
 * slot is delivered exactly once per destination. The timer keeps no state; the store remembers each
 * slot.
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
      if (options.dispatch) return options.dispatch(plan);
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
        postTimeoutMs: config.POST_TIMEOUT_MS,
      });
    });
    chain = run.catch(() => undefined);
    return run;
  };

  // One cron library (cron-parser) names every slot, forward for the timer and back for catch-up,
  // so a slot the timer fires for is the slot its run plans.
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const slot = nextSlot(schedule, now());
    if (!slot) return log.warn({ cron: schedule.cron }, 'DIGEST_CRON has no further slot: no more digests');
    // Long waits are taken in steps: a timer set weeks ahead drifts with a suspended or changed clock.
    const wait = Math.min(Math.max(slot.getTime() - now().getTime(), 0), MAX_TIMER_STEP_MS);
    timer = setTimeout(() => {
      if (now().getTime() < slot.getTime()) return arm();
      void runSlot(slot)
        .catch((err: unknown) => {
          log.error({ err }, 'digest run failed');
          return [] as DeliveryOutcome[];
        })
        .then((outcomes) => {
          for (const resolve of waiters.splice(0)) resolve(outcomes);
        });
      arm();
    }, wait);
  };
  arm();
  log.info(
    { cron: schedule.cron, timezone: schedule.timezone, destinations: options.targets.length },
    'digest scheduled',
  );

  return {
    catchUp: () => runSlot(now()),
    nextRun: () => new Promise((resolve) => waiters.push(resolve)),
    async stop(timeoutMs = 10_000) {
      stopped = true;
      clearTimeout(timer);
      waiters = [];
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([chain, new Promise((resolve) => (grace = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(grace);
    },
  };
}
