const MINUTE = 60_000;
const FIRST_DELAY_MS = 5 * MINUTE;
const MAX_DELAY_MS = 6 * 60 * MINUTE;

/** When a feed that failed `failures` times in a row may be tried again: 5 min, doubling, at most 6 h. */
export function nextPollAfterFailure(failures: number, now: Date): string {
  const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + delay).toISOString();
}

/** The feed now waits the longest delay between tries: back-off can grow no further. */
export const isFullyBackedOff = (failures: number): boolean =>
  failures > 0 && FIRST_DELAY_MS * 2 ** (failures - 1) >= MAX_DELAY_MS;
