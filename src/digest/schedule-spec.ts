import { UserError } from '../core/errors.ts';
import { compileFilter, describeFilter } from '../filters/index.ts';
import type { ScheduleRow } from '../store/index.ts';
import { type DigestSchedule, nextSlot } from './slots.ts';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const EVERY_DAY = '*';
const DAY_WORDS: Record<string, string> = {
  '': EVERY_DAY,
  '*': EVERY_DAY,
  daily: EVERY_DAY,
  'every day': EVERY_DAY,
  weekdays: '1,2,3,4,5',
  weekends: '0,6',
};
export const MAX_TOPIC_LENGTH = 100;

/** HH:MM on a 24-hour clock: 8:00, 08:00 and 17:30 are times; 24:00 and 8.30 are not. */
export function parseTime(text: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m)
    throw new UserError(`time: ${text} is not a time of day; write HH:MM on a 24-hour clock, e.g. 08:00.`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** An IANA time zone name as the runtime knows it (Europe/Kyiv, America/New_York, UTC). */
export function parseZone(text: string): string {
  const zone = text.trim();
  const named = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone);
  try {
    // Kept as the user spelled it: the runtime may resolve it to an older name (Europe/Kyiv -> Europe/Kiev).
    if (named && new Intl.DateTimeFormat('en-US', { timeZone: zone })) return zone;
  } catch {}
  throw new UserError(
    `timezone: ${text} is not an IANA time zone; write e.g. Europe/Berlin, Asia/Tokyo or UTC.`,
  );
}

const FULL_DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const badDays = (text: string) =>
  new UserError(`days: ${text} is not a list of days; write e.g. mon-fri, mon,wed,fri or every day.`);

/** A day by its name or a start of it of three letters or more (mon, tues, wednesday); 0 is Sunday. */
function dayNumber(word: string, text: string): number {
  const day = FULL_DAY_NAMES.findIndex((name) => word.length >= 3 && name.startsWith(word));
  if (day < 0) throw badDays(text);
  return day;
}

/** A days list (mon-fri, mon,wed,fri, sat-sun, weekdays, every day) as a cron day-of-week field. */
export function parseDays(text: string): string {
  const words = text.trim().toLowerCase();
  const word = DAY_WORDS[words];
  if (word !== undefined) return word;
  const days = new Set<number>();
  for (const part of words.split(',').map((p) => p.trim())) {
    const [from, to, ...extra] = part.split('-').map((p) => p.trim());
    if (extra.length || !from) throw badDays(text);
    const start = dayNumber(from!, text);
    const end = to === undefined ? start : dayNumber(to, text);
    // A range may wrap the week's end: fri-mon is Friday to Monday.
    for (let d = start; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === end) break;
    }
  }
  return days.size === 7 ? EVERY_DAY : [...days].sort((a, b) => a - b).join(',');
}

/** The days field for people: 'every day' or 'mon,wed,fri'. */
export const describeDays = (days: string): string =>
  days === EVERY_DAY
    ? 'every day'
    : days
        .split(',')
        .map((d) => DAY_NAMES[Number(d)])
        .join(',');

export function parseTopic(text: string | undefined): string | null {
  const topic = text?.trim();
  if (!topic) return null;
  if (topic.length > MAX_TOPIC_LENGTH)
    throw new UserError(`topic: at most ${MAX_TOPIC_LENGTH} characters (this one has ${topic.length}).`);
  return topic;
}

/** The schedule's slots for the slot planner: its minute and hour on its days, in its zone. */
export function scheduleCron(row: Pick<ScheduleRow, 'time' | 'days' | 'timezone'>): DigestSchedule {
  const [hour, minute] = row.time.split(':').map(Number);
  return { cron: `${minute} ${hour} * * ${row.days}`, timezone: row.timezone };
}

/** The schedule's filter, compiled; its terms were checked when it was saved. */
export const scheduleFilter = (row: Pick<ScheduleRow, 'include' | 'exclude'>) =>
  compileFilter({ include: row.include, exclude: row.exclude });

/** One line about a schedule for /digest list and /settings. */
export function describeSchedule(row: ScheduleRow, now: Date): string {
  const filter = describeFilter(scheduleFilter(row));
  const next = nextSlot(scheduleCron(row), now);
  return [
    `#${row.id} in ${row.channel}: ${row.time} ${row.timezone}, ${describeDays(row.days)}`,
    row.topic ? `, topic: ${row.topic}` : '',
    filter ? `, ${filter}` : '',
    next ? ` (next ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '',
  ].join('');
}
