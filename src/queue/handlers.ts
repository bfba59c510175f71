import type PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import { deliverDueSlot, schedulePrepare } from '../digest/channel-schedules.ts';
import { composeSlot, DELIVERED, deliverSlot } from '../digest/deliver.ts';
import { slotDigest } from '../digest/run.ts';
import type { Limiter } from '../ingest/feeds/map-limit.ts';
import { storePageItem } from '../ingest/feeds/page-items.ts';
import { pollFeed } from '../ingest/feeds/poll.ts';
import type { Logger } from '../log.ts';
import { notifyChannels } from '../notify/index.ts';
import type { Store } from '../store/index.ts';
import { JobIncompleteError } from './errors.ts';
import type { FeedLocks } from './feed-lock.ts';
import {
  type DigestJob,
  digestJobInsert,
  type JobAttempt,
  jobLease,
  type PageJob,
  type PollJob,
  sendDigest,
  sendPages,
} from './jobs.ts';
import type { WorkerPlatforms } from './platforms.ts';

export interface HandlerContext {
  boss: PgBoss;
  store: Store;
  config: Config;
  log: Logger;
  /** The worker's requests: FEED_CONCURRENCY at once in all its jobs, FEED_HOST_CONCURRENCY per host everywhere. */
  network: Limiter;
  platforms: WorkerPlatforms;
  /** One poll of a feed at a time across workers. */
  feedLocks: FeedLocks;
}

/**
 * Posting new items and feed health after polls, one run at a time per worker, for the tenants
 * following the feeds polled (only their articles and health can have changed): polls that end
 * while a run is going get one more run after it, for their feeds (the store's item-post claims
 * keep workers from doubling a post, so this only saves work).
 */
function notifier(ctx: HandlerContext): (feedId: number) => Promise<void> {
  let running: Promise<void> | undefined;
  const waiting = new Set<number>();
  const run = async () => {
    while (waiting.size) {
      const feeds = [...waiting];
      waiting.clear();
      await notifyChannels(ctx.store, ctx.config, {
        targets: ctx.platforms.channels,
        log: ctx.log,
        now: () => new Date(),
        feeds,
      });
    }
  };
  // A feed added as a run ends (after its last look at `waiting`) starts the next one.
  const start = (): Promise<void> =>
    run().finally(() => {
      running = waiting.size ? start() : undefined;
    });
  return (feedId) => {
    waiting.add(feedId);
    running ??= start();
    return running;
  };
}

/** The work of each queue's jobs. A handler that throws leaves its job to pg-boss's retries. */
export function jobHandlers(ctx: HandlerContext) {
  const { store, config, log } = ctx;
  const notify = notifier(ctx);
  const scheduleOf = (job: DigestJob) =>
    job.scheduleId === undefined ? undefined : store.schedules.get(job.tenantId, job.scheduleId);

  return {
    /** Items that want their page are handed to `pages` jobs; the poll does not wait for them. */
    async polls(job: PollJob) {
      let pages = 0;
      // Unless another worker polls the feed now: that poll gets what this one would.
      const report = await ctx.feedLocks.whileHeld(job.feedId, () =>
        pollFeed(store, config, job.feedId, {
          nextRun: job.nextRun ? new Date(job.nextRun) : null,
          network: ctx.network,
          pages: async (items) => {
            await sendPages(ctx.boss, items, config);
            pages += items.length;
          },
        }),
      );
      if (!report) return { skipped: 'feed being polled' };
      if (ctx.platforms.any && report.feeds.polled) await notify(job.feedId);
      return { polled: report.feeds.polled, failed: report.feeds.failed, new: report.new, pages };
    },

    /**
     * Composes the slot (the LLM's part) once and hands its delivery to the `digests` queue: the job
     * is inserted in the transaction that saves the slot, so a crash leaves both or neither.
     */
    async llm(job: DigestJob) {
      const schedule = scheduleOf(job);
      if (job.scheduleId !== undefined && !schedule) return { skipped: 'schedule removed' };
      const prepare = schedule ? schedulePrepare(store, config, schedule) : slotDigest(store, config);
      const enqueue = await digestJobInsert(ctx.boss, store, job, config);
      await composeSlot(store, job.tenantId, job.plan, prepare, enqueue ?? undefined);
      // A store apart from the queue's database (a SQLite file): sent after the save, and again by
      // this job's retry should it die in between.
      if (!enqueue) await sendDigest(ctx.boss, 'digests', job, config);
      return { composed: job.plan.slot };
    },

    /** Delivers the slot to its channel (or the operator's destinations), each exactly once. */
    async digests(job: DigestJob, attempt?: JobAttempt) {
      const schedule = scheduleOf(job);
      if (job.scheduleId !== undefined && !schedule) return { skipped: 'schedule removed' };
      // Posts only while pg-boss still gives this attempt the job (see jobLease).
      const lease = attempt ? jobLease(store, config, 'digests', attempt) : undefined;
      const statuses = schedule
        ? [
            (
              await deliverDueSlot(
                {
                  store,
                  config,
                  log,
                  targetFor: (s) => ctx.platforms.channels(s.tenantId, s.channel) ?? null,
                  ...(lease ? { lease } : {}),
                },
                { schedule, plan: job.plan },
              )
            ).status,
          ]
        : (
            await deliverSlot(store, job.plan, ctx.platforms.operator, {
              tenantId: job.tenantId,
              log,
              prepare: slotDigest(store, config),
              postTimeoutMs: config.POST_TIMEOUT_MS,
              ...(lease ? { lease } : {}),
            })
          ).map((o) => o.status);
      const left = statuses.filter((s) => !DELIVERED.has(s));
      if (left.length)
        throw new JobIncompleteError(`digest ${job.plan.slot} not delivered everywhere: ${left.join(', ')}`);
      return { delivered: statuses };
    },

    /**
     * One item's page fetched (under the worker's limits, FEED_HOST_CONCURRENCY across workers) and
     * its article stored, then posted as a poll's new items are. A page that cannot be fetched gives
     * the article from the item's summary.
     */
    async pages(job: PageJob) {
      const saved = await storePageItem(store, config, job, { network: ctx.network });
      if (typeof saved === 'string') return { skipped: saved };
      if (!saved.articles.length)
        throw new JobIncompleteError(`page item ${job.origin} not stored: ${saved.failed[0]?.error}`);
      if (ctx.platforms.any && saved.new) await notify(job.feed.id);
      return { new: saved.new, updated: saved.updated, duplicates: saved.duplicates, failed: saved.failed };
    },
  };
}
