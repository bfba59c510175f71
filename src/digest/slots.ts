import { type CronExpression, CronExpressionParser } from 'cron-parser';

export interface DigestSchedule {
  cron: string;
  timezone: string;
}

const MINUTE = 60_000;

/** Why `cron` is not a usable schedule (5 fields, or 6 with seconds first), or null when it is. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) return `expected 5 fields (or 6 with seconds first), got ${fields}`;
  try {
    CronExpressionParser.parse(cron);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const occurrences = (schedule: DigestSchedule, from: Date): CronExpression =>
  CronExpressionParser.parse(schedule.cron, { currentDate: from, tz: schedule.timezone });

/** Steps back one occurrence, or null when the schedule has none earlier. */
function back(it: CronExpression): Date | null {
  try {
    return it.prev().toDate();
  } catch {
    return null;
  }
}

/** The latest time at or before `at` that the schedule fires (in its zone, DST applied), or null. */
export function previousSlot(schedule: DigestSchedule, at: Date): Date | null {
  return back(occurrences(schedule, new Date(at.getTime() + 1)));
}

/**
 * The first slot strictly after `at`, or null. A wall-clock time that a DST change skips that day
 * (02:30 on the spring-forward night) is no slot: looking forward, the library would move it to
 * 03:30, looking back it skips it; a slot must be the same both ways, so that the run it fires plans
 * itself, so such a candidate is passed over.
 */
export function nextSlot(schedule: DigestSchedule, at: Date): Date | null {
  const ahead = occurrences(schedule, at);
  for (let tries = 0; tries < 3 && ahead.hasNext(); tries++) {
    const candidate = ahead.next().toDate();
    if (previousSlot(schedule, candidate)?.getTime() === candidate.getTime()) return candidate;
  }
  return null;
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

/**
 * The slot at or before `at`, however long ago, with its true period: from the occurrence before
 * it (a month for a monthly schedule, 23 or 25 hours across a DST change), or null.
 */
export function planSlot(schedule: DigestSchedule, at: Date): SlotPlan | null {
  const past = occurrences(schedule, new Date(at.getTime() + 1));
  const slot = back(past);
  if (!slot) return null;
  // A schedule with a single occurrence ever has nothing before it: its digest covers a day.
  const since = back(past) ?? new Date(slot.getTime() - 24 * 60 * MINUTE);
  return { slot: slotId(slot, schedule.timezone), since: since.toISOString(), until: slot.toISOString() };
}
