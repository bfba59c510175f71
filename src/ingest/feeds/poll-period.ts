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
