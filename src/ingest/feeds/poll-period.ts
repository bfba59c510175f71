import { nextSlot } from '../../digest/slots.ts';

/** pg-boss refuses a throttling period longer than it keeps completed jobs (12 hours by default). */
const MAX_PERIOD_SECONDS = 12 * 3600;

/**
 * FEED_POLL_CRON's period: the seconds between its next two runs. The same in every process, so that
 * front ends' sends land in the same pg-boss time bucket (epoch seconds divided by the period), and
 * a feed polled within it counts as fresh.
 */
export function pollPeriodSeconds(cron: string, after = new Date()): number {
  const schedule = { cron, timezone: 'UTC' };
  const first = nextSlot(schedule, after);
  const second = first && nextSlot(schedule, first);
  if (!first || !second) return MAX_PERIOD_SECONDS;
  return Math.min(MAX_PERIOD_SECONDS, Math.max(1, Math.round((second.getTime() - first.getTime()) / 1000)));
}

/**
 * FEED_POLL_CRON's next run after `at`, read in this process's time zone as node-cron reads it: when
 * a feed polled outside the schedule (a digest's ingest) is due again, so that the
 * schedule's next tick does not fetch it a second time in the same interval.
 */
export function nextPollRun(cron: string, at = new Date()): Date | null {
  return nextSlot({ cron, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone }, at);
}
