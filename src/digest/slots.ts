import cron from 'node-cron';

export interface DigestSchedule {
  cron: string;
  timezone: string;
}

const MINUTE = 60_000;
/** How far back a previous occurrence is looked for: a weekly schedule still finds its last run. */
const LOOKBACK_MINUTES = 8 * 24 * 60;

/**
 * The latest time at or before `at` that the schedule fires, or null when there is none within
 * about a week. node-cron only looks forward, so this steps back minute by minute and asks the
 * cron matcher (which applies the time zone and DST) about each candidate second.
 */
export function previousSlot(schedule: DigestSchedule, at: Date): Date | null {
  const seconds = [...cron.parse(schedule.cron).second].sort((a, b) => b - a);
  const task = cron.createTask(schedule.cron, () => {}, { timezone: schedule.timezone });
  try {
    const start = Math.floor(at.getTime() / MINUTE) * MINUTE;
    for (let i = 0; i <= LOOKBACK_MINUTES; i++) {
      const minute = start - i * MINUTE;
      for (const s of seconds) {
        const candidate = new Date(minute + s * 1000);
        if (candidate.getTime() <= at.getTime() && task.match(candidate)) return candidate;
      }
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/** The slot's id: its wall-clock time in the schedule's zone with the offset, e.g. 2026-11-22T08:00:00+02:00. */
export function slotId(date: Date, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMin = Math.round((Date.parse(`${local}Z`) - Math.floor(date.getTime() / 1000) * 1000) / MINUTE);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface SlotPlan {
  /** The slot id (see slotId). */
  slot: string;
  /** ISO start of the period the slot's digest covers: the schedule's previous occurrence. */
  since: string;
  /** ISO end of the period: the slot's own time. */
  until: string;
}

/** The slot at or before `at` with its true period (from the occurrence before it), or null. */
export function planSlot(schedule: DigestSchedule, at: Date): SlotPlan | null {
  const slot = previousSlot(schedule, at);
  if (!slot) return null;
  const before = previousSlot(schedule, new Date(slot.getTime() - 1000));
  const since = before ?? new Date(slot.getTime() - 24 * 60 * MINUTE);
  return { slot: slotId(slot, schedule.timezone), since: since.toISOString(), until: slot.toISOString() };
}
