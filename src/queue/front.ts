import type PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import { startChannelSchedules } from '../digest/channel-schedules.ts';
import { startDigestScheduler } from '../digest/scheduler.ts';
import { startFeedPolling } from '../ingest/feeds/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { OPERATOR_TENANT_ID } from '../store/tenants.ts';
import { startBoss } from './boss.ts';
import { operatorJob, scheduleJob, sendDigest, sendPolls } from './jobs.ts';

/** How long stopping waits for a send in flight. */
const STOP_GRACE_MS = 10_000;

export interface JobScheduler {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * The front end's part with DATABASE_URL: the same timers as the in-process bot (FEED_POLL_CRON, each
 * channel schedule, the operator's DIGEST_CRON), but each tick sends jobs instead of doing the work:
 * one `polls` job per due feed, one `llm` job per due digest slot (composed there, then delivered
 * by a `digests` job). Every send is keyed (feed and period, tenant and schedule and slot), so two
 * front ends, or one restarted, never send the same work twice.
 */
export async function startJobScheduler(options: {
  store: Store;
  config: Config;
  log: Logger;
  /** The operator's DIGEST_* destinations exist (a platform with DIGEST_*_CHANNELS is on). */
  operatorDigest: boolean;
}): Promise<JobScheduler> {
  const { store, config, log } = options;
  const boss = await startBoss(config, log, 'front end');
  const polling = startFeedPolling(store, config, {
    poll: async ({ nextRun }) => {
      log.info(await sendPolls(boss, store, config, nextRun), 'feed polls queued');
    },
  });
  const schedules = startChannelSchedules({
    store,
    config,
    log,
    // Delivered by workers: this process never posts a scheduled digest itself.
    targetFor: () => null,
    dispatch: async (due) => {
      const outcomes = [];
      for (const slot of due) {
        await sendDigest(boss, 'llm', scheduleJob(slot), config);
        outcomes.push({
          tenantId: slot.schedule.tenantId,
          scheduleId: slot.schedule.id,
          channel: slot.schedule.channel,
          slot: slot.plan.slot,
          status: 'queued' as const,
        });
      }
      log.info({ slots: due.length }, 'scheduled digests queued');
      return outcomes;
    },
  });
  void schedules.tick().catch((err: unknown) => log.error({ err }, 'scheduled digests not queued'));
  const operator = options.operatorDigest
    ? startDigestScheduler({
        tenantId: OPERATOR_TENANT_ID,
        store,
        config,
        targets: [],
        log,
        prepare: () => Promise.reject(new Error('composed by a worker')),
        dispatch: async (plan) => {
          await sendDigest(boss, 'llm', operatorJob(plan), config);
          log.info({ slot: plan.slot }, 'digest queued');
          return [];
        },
      })
    : undefined;
  if (operator) void operator.catchUp().catch((err: unknown) => log.error({ err }, 'digest not queued'));
  return {
    boss,
    async stop() {
      await Promise.all([polling.stop(), schedules.stop(STOP_GRACE_MS), operator?.stop(STOP_GRACE_MS)]);
      await boss.stop({ graceful: true, wait: true, timeout: STOP_GRACE_MS });
    },
  };
}
