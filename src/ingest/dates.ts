const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

// Capitalised month names only: "may" and "march" are also ordinary words.
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g');
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g');
const ISO_DATE = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!,?\\s+(?:19|20)\\d{2})(?![\\d:])`, 'g');
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b(?!,?\\s+(?:19|20)\\d{2})`, 'g');
const YEAR_MENTION = /\b((?:19|20)\d{2})\b/g;

const pad = (n: number): string => String(n).padStart(2, '0');
const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date found in text: where it stands, and the ISO day it means. */
interface Found {
  index: number;
  length: number;
  date: string;
}

function fullDates(text: string): Found[] {
  const out: Found[] = [];
  const push = (m: RegExpExecArray, date: string | null) => {
    if (date) out.push({ index: m.index, length: m[0].length, date });
  };
  for (const m of text.matchAll(MONTH_DAY_YEAR)) push(m, ymd(+m[3]!, monthIndex(m[1]!), +m[2]!));
  for (const m of text.matchAll(DAY_MONTH_YEAR)) push(m, ymd(+m[3]!, monthIndex(m[2]!), +m[1]!));
  for (const m of text.matchAll(ISO_DATE)) push(m, ymd(+m[1]!, +m[2]!, +m[3]!));
  return out;
}

/**
 * Normalises a metadata date (front matter, feed, page meta) to ISO 8601: 'YYYY-MM-DD' when only the
 * day is known, else a UTC timestamp. Zone-less timestamps are taken as UTC. Null when unreadable.
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number')
    return value > 0 ? normaliseDate(new Date(value < 1e11 ? value * 1000 : value)) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  const day = /^((?:19|20)\d{2})-(\d{2})-(\d{2})$/.exec(s);
  if (day) return ymd(+day[1]!, +day[2]!, +day[3]!);
  const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
  const ms = Date.parse(zoneless ? `${s.replace(' ', 'T')}Z` : s);
  if (!Number.isNaN(ms)) {
    const year = new Date(ms).getUTCFullYear();
    if (year >= 1900 && year <= 2100) return new Date(ms).toISOString();
  }
  const found = fullDates(s)[0];
  return found ? found.date : null;
}

const DATELINE_NOISE =
  /\b(published|updated|posted|last|modified|on|at|am|pm|gmt|utc|bst|cet|cest|est|edt|et|pt|pst|ist|msk|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?)\b|\d{1,2}:\d{2}(:\d{2})?|[|,:.·•–—-]/gi;

/** The day a short line states, when the line is essentially a date ("Dec 1, 2025", "Updated: 1 December 2025 10:02 GMT"). */
export function datelineOf(line: string): string | null {
  if (line.length > 80) return null;
  const found = fullDates(line);
  if (found.length !== 1) return null;
  const f = found[0]!;
  const rest = (line.slice(0, f.index) + line.slice(f.index + f.length)).replace(DATELINE_NOISE, ' ');
  return rest.trim().split(/\s+/).filter(Boolean).length <= 2 ? f.date : null;
}

/**
 * Best guess of when an undated text was written: the latest day it mentions. Days given without a
 * year ("January 23") take the nearest year mentioned before them (else after them) in the text.
 */
export function estimateDateFromText(text: string): string | null {
  const dates = fullDates(text).map((f) => f.date);
  const years = [...text.matchAll(YEAR_MENTION)].map((m) => ({ index: m.index, year: +m[1]! }));
  const yearNear = (index: number): number | undefined =>
    years.filter((y) => y.index < index).pop()?.year ?? years.find((y) => y.index > index)?.year;
  const partial = (m: RegExpExecArray, month: number, day: number) => {
    const year = yearNear(m.index);
    const d = year ? ymd(year, month, day) : null;
    if (d) dates.push(d);
  };
  for (const m of text.matchAll(MONTH_DAY)) partial(m, monthIndex(m[1]!), +m[2]!);
  for (const m of text.matchAll(DAY_MONTH)) partial(m, monthIndex(m[2]!), +m[1]!);
  return dates.length ? dates.sort().at(-1)! : null;
}
