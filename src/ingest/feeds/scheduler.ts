import cron from 'node-cron';
import type { Config } from '../../config.ts';
import { log } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { type PollOptions, type PollReport, pollFeeds } from './poll.ts';

export interface FeedPolling {
  /** Stops the schedule and waits (bounded) for a poll in flight. */
  stop(): Promise<void>;
}

export interface FeedPollingOptions {
  /** Runs after each poll has stored its articles and feed health (the bot posts to channels here). */
  afterPoll?: (report: PollReport) => Promise<unknown>;
  /**
   * What each tick does instead of polling here: the front end with DATABASE_URL enqueues one `polls`
   * job per due feed for the workers (src/queue/front.ts).
   */
  poll?: (options: Pick<PollOptions, 'nextRun' | 'signal'>) => Promise<void>;
}

/**
 * Polls the due feeds once at start, then on FEED_POLL_CRON; a poll still running when the next is
 * due is not doubled.
 */
export function startFeedPolling(
  store: Store,
  config: Config,
  options: FeedPollingOptions = {},
): FeedPolling {
  if (!cron.validate(config.FEED_POLL_CRON)) {
    throw new Error(`FEED_POLL_CRON: not a valid cron expression: ${config.FEED_POLL_CRON}`);
  }
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running || controller.signal.aborted) return running;
    const poll =
      options.poll ??
      (async (o: PollOptions) => {
        const report = await pollFeeds(store, config, o);
        if (options.afterPoll && !controller.signal.aborted) await options.afterPoll(report);
      });
    running = poll({ nextRun: task.getNextRun(), signal: controller.signal })
      .catch((err) => log.error({ err }, 'feed polling failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const task = cron.schedule(config.FEED_POLL_CRON, tick, { name: 'feed-poll', noOverlap: true });
  // A bot that just started should not wait up to a whole cron period for its first news.
  void tick();
  return {
    async stop() {
      controller.abort();
      await task.stop();
      await task.destroy();
      // A fetch in flight ends within FEED_TIMEOUT_MS; do not wait longer than that for it.
      const bound = config.FEED_TIMEOUT_MS + 5_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        running,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, bound);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
