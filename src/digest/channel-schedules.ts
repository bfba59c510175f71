import type { Config } from '../config.ts';
import { audienceOf } from '../core/tenant.ts';
import { mapLimit } from '../ingest/feeds/map-limit.ts';
import { runIngest } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import type { ScheduleRow, Store } from '../store/index.ts';
import { tenantPlatform } from '../store/tenants.ts';
import { DELIVERED, type DeliveryOutcome, deliverSlot, type RetryPolicy } from './deliver.ts';
import type { DeliveryLease } from './lease.ts';
import { slotDigest } from './run.ts';
import { scheduleCron, scheduleFilter } from './schedule-spec.ts';
import { nextSlot, planSlot, type SlotPlan } from './slots.ts';
import type { DeliveryTarget } from './target.ts';

/** How often the store's schedules are read again at most: one added from chat runs within this. */
const DEFAULT_POLL_MS = 60_000;
/**
 * How many due schedules are composed and delivered at once: many servers at 08:00 do not start as
 * many LLM calls together, and one channel waiting out its retries does not hold up the others.
 */
const CONCURRENT_DELIVERIES = 4;

export interface ChannelSchedulesOptions {
  store: Store;
  config: Config;
  log: Logger;
  /**
   * The schedule's channel as a destination on its platform, for its tenant (whose server the
   * channel must be in), or null when that platform is not running here.
   */
  targetFor: (schedule: Pick<ScheduleRow, 'tenantId' | 'platform' | 'channel'>) => DeliveryTarget | null;
  /** Runs before due slots are composed; defaults to ingesting the corpus and the feeds. */
  ingest?: () => Promise<unknown>;
  retry?: RetryPolicy;
  now?: () => Date;
  pollMs?: number;
  /**
   * Hands the due slots to someone else instead of delivering them here: the front end with
   * DATABASE_URL enqueues them as `digests` jobs for the workers (src/queue/front.ts).
   */
  dispatch?: (due: DueSlot[]) => Promise<ScheduleOutcome[]>;
}

export interface ScheduleOutcome {
  tenantId: string;
  scheduleId: number;
  channel: string;
  slot: string;
  status: DeliveryOutcome['status'] | 'no-target' | 'error' | 'queued';
}

export interface ChannelSchedules {
  /** Posts every schedule's latest slot that is not posted yet (catch-up included); resolves when done. */
  tick(): Promise<ScheduleOutcome[]>;
  /** Resolves after the next tick that the timer starts has finished. */
  nextRun(): Promise<ScheduleOutcome[]>;
  /** Stops the timer and waits (at most `timeoutMs`) for a tick in flight. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * A schedule's slot in the tenant's slot records: the slot's time and the schedule, so that two
 * schedules of one tenant at the same time (other channels, topics, filters) are two slots.
 */
export const scheduleSlotKey = (slot: string, scheduleId: number): string => `${slot}#s${scheduleId}`;

/** A schedule's slot to post: the slot's key in the tenant's slot records, and its period. */
export interface DueSlot {
  schedule: ScheduleRow;
  plan: SlotPlan;
}
type Due = DueSlot;

/** The schedule's latest slot when it is still to be posted: after the schedule was made, not posted yet. */
export function dueSlot(store: Store, schedule: ScheduleRow, at: Date): Due | null {
  const plan = planSlot(scheduleCron(schedule), at);
  if (!plan || Date.parse(plan.until) < Date.parse(schedule.createdAt)) return null;
  const keyed = { ...plan, slot: scheduleSlotKey(plan.slot, schedule.id) };
  const posted = store.deliveries.get(schedule.tenantId, keyed.slot, schedule.platform, schedule.channel);
  return posted?.status === 'posted' ? null : { schedule, plan: keyed };
}

/** How a schedule's slot is composed: for its tenant's audience, with its own topic and filter. */
export function schedulePrepare(store: Store, config: Config, schedule: ScheduleRow) {
  const tenant = { id: schedule.tenantId, platform: tenantPlatform(schedule.tenantId) };
  const topic = schedule.topic ?? store.settings.get(tenant.id, 'topic');
  return slotDigest(store, config, audienceOf(tenant, config), {
    ...(typeof topic === 'string' ? { topic } : {}),
    filter: scheduleFilter(schedule),
  });
}

/**
 * Delivers one schedule's slot exactly once to its channel (claims in the store, keyed by tenant):
 * what a tick does for each due slot, and what a queue worker does for a `digests` job.
 */
export async function deliverDueSlot(
  options: Pick<ChannelSchedulesOptions, 'store' | 'config' | 'log' | 'targetFor' | 'retry'> & {
    /** Who posts: a queue job's attempt (see DeliverOptions). */
    lease?: DeliveryLease;
  },
  { schedule, plan }: DueSlot,
): Promise<ScheduleOutcome> {
  const { store, config, log } = options;
  const where = { tenantId: schedule.tenantId, scheduleId: schedule.id, channel: schedule.channel };
  try {
    const target = options.targetFor(schedule);
    if (!target) {
      log.warn(
        { ...where, platform: schedule.platform },
        'scheduled digest skipped: its platform is not running',
      );
      return { ...where, slot: plan.slot, status: 'no-target' };
    }
    const [outcome] = await deliverSlot(store, plan, [target], {
      tenantId: schedule.tenantId,
      log,
      prepare: schedulePrepare(store, config, schedule),
      postTimeoutMs: config.POST_TIMEOUT_MS,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.lease ? { lease: options.lease } : {}),
    });
    return { ...where, slot: plan.slot, status: outcome?.status ?? 'failed' };
  } catch (err) {
    log.error({ ...where, slot: plan.slot, err }, 'scheduled digest failed');
    return { ...where, slot: plan.slot, status: 'error' };
  }
}

const everySchedule = (store: Store): ScheduleRow[] =>
  store.tenants.list().flatMap((tenant) => store.schedules.list(tenant.id));

/**
 * Every tenant's channel schedules (/digest schedule), read from the store at each tick so that
 * schedules added or removed from chat are picked up without a restart. Each schedule's slot is
 * posted exactly once per channel through deliverSlot (claims in the store, keyed by tenant), with
 * the latest missed slot caught up after downtime; one failing tenant or channel never stops the rest.
 */
export function startChannelSchedules(options: ChannelSchedulesOptions): ChannelSchedules {
  const { store, config, log } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const ingest =
    options.ingest ?? (() => runIngest(store, { corpusDirs: [config.CORPUS_DIR], feeds: true, config }));

  // A slot that failed after its retries is tried again at its schedule's next slot or the next start,
  // not at every tick: a channel the bot cannot post in would otherwise fill the log every minute.
  const gaveUp = new Set<string>();
  const slotOf = (due: Due) => `${due.schedule.tenantId}\n${due.plan.slot}`;

  const deliver = (due: Due) => deliverDueSlot(options, due);

  const runTick = async (): Promise<ScheduleOutcome[]> => {
    const at = now();
    const due: Due[] = [];
    for (const schedule of everySchedule(store)) {
      try {
        const slot = dueSlot(store, schedule, at);
        if (slot && !gaveUp.has(slotOf(slot))) due.push(slot);
      } catch (err) {
        log.error(
          { tenantId: schedule.tenantId, scheduleId: schedule.id, err },
          'schedule could not be planned',
        );
      }
    }
    if (due.length === 0) return [];
    if (options.dispatch) return options.dispatch(due);
    try {
      await ingest();
    } catch (err) {
      log.warn({ err }, 'ingest before the scheduled digests failed; composing from the store');
    }
    const outcomes = await mapLimit(due, CONCURRENT_DELIVERIES, deliver);
    due.forEach((d, i) => {
      if (!DELIVERED.has(outcomes[i]!.status)) gaveUp.add(slotOf(d));
    });
    return outcomes;
  };

  let chain: Promise<unknown> = Promise.resolve();
  const tick = (): Promise<ScheduleOutcome[]> => {
    const run = chain.then(runTick);
    chain = run.catch(() => undefined);
    return run;
  };

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let waiters: ((outcomes: ScheduleOutcome[]) => void)[] = [];
  // Wakes at the next slot of any schedule, and at least every pollMs to see schedules added since.
  const untilNextSlot = (): number => {
    const at = now();
    let wait = pollMs;
    for (const schedule of everySchedule(store)) {
      const next = nextSlot(scheduleCron(schedule), at);
      if (next) wait = Math.min(wait, next.getTime() - at.getTime());
    }
    return Math.max(wait, 0);
  };
  const arm = () => {
    if (stopped) return;
    let wait = pollMs;
    try {
      wait = untilNextSlot();
    } catch (err) {
      log.error({ err }, 'could not read the digest schedules; trying again later');
    }
    timer = setTimeout(() => {
      void tick()
        .catch((err: unknown) => {
          log.error({ err }, 'scheduled digests failed');
          return [] as ScheduleOutcome[];
        })
        .then((outcomes) => {
          for (const resolve of waiters.splice(0)) resolve(outcomes);
          arm();
        });
    }, wait);
  };
  arm();

  return {
    tick,
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
