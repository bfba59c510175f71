import { type DateContext, isPlanned, type ResolvedDate, resolveDate } from './dates.ts';
import { MONTHS, WEEKDAYS } from './vocab/words.ts';

// Where a sentence's dates belong: to the report (a dateline), to the speaker (a speech verb and the
// quotes it introduces), or to the event told; and lists of days ("on May 3, 10 and 17").

const MONTH_WORD = `(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const DAY_OF_MONTH = `\\d{1,2}(?:st|nd|rd|th)?`;
/** "May 14", "May 14, 2025", "14 May 2025" */
const CALENDAR_DAY = `(?:${MONTH_WORD}\\s+${DAY_OF_MONTH}(?:,?\\s+\\d{4})?|${DAY_OF_MONTH}\\s+${MONTH_WORD}(?:,?\\s+\\d{4})?)`;
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;

/**
 * A dateline opening the sentence dates the report, not what it tells: "RIYADH, May 14, U.S. ...",
 * "August 31, 2025 (NYALA) – ...", "Outlet (11/11/2025): ...".
 */
const DATELINE = new RegExp(
  [
    // CITY, Month D[, YYYY] followed by a comma, colon or dash
    `^\\p{Lu}[\\p{Lu}\\p{Ll} .'’/-]{1,40},\\s*(${CALENDAR_DAY})\\s*[,:\\u2013\\u2014-]\\s+`,
    // Month D, YYYY (CITY) – or Month D, YYYY –
    `^(${CALENDAR_DAY})\\s*(?:\\([^)]{1,30}\\))?\\s*[:\\u2013\\u2014-]\\s+`,
    // Name (MM/DD/YYYY):
    `^[\\p{L}. ]{2,30}\\((\\d{1,2}/\\d{1,2}/\\d{4})\\)\\s*:\\s+`,
  ].join('|'),
  'iu',
);

/** The reporting verb right before a date: "said on Sunday", "announced Tuesday", "told reporters on May 3". */
const SPEECH = new RegExp(
  `\\b(?:said|says|told (?:\\w+ ){0,2}|announced|stated|confirmed|added|wrote|declared|warned|reported|posted)\\s+(?:late |early )?(?:on )?(${WEEKDAY}|${CALENDAR_DAY}|today|yesterday|earlier today|last night)\\b`,
  'i',
);

/** "on May 3, 10 and 17": one month, several days. */
const DAY_LIST = new RegExp(
  `\\b(${MONTH_WORD})\\s+(${DAY_OF_MONTH}(?:\\s*,\\s*${DAY_OF_MONTH})*\\s*,?\\s+and\\s+${DAY_OF_MONTH})(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);

const QUOTED = /“[^”]*”|"[^"]*"/g;
const blank = (text: string): string => ' '.repeat(text.length);

export interface SentenceDates {
  /** When the told event happened or will happen. */
  date: ResolvedDate | null;
  planned: boolean;
  /** When the speaker spoke, if the sentence says it apart from the event's own date. */
  spoken: ResolvedDate | null;
  /** Further days of a list ("May 3, 10 and 17"), after `date`. */
  more: ResolvedDate[];
  /** The dateline opening the sentence: the day it states and where it ends (a character offset). */
  dateline?: { day: string; end: number };
}

/** A date inside quotes that only makes sense from the speaker's day ("today", "on Monday"). */
function resolveOutsideQuotes(sentence: string, ctx: DateContext): ResolvedDate | null {
  const outside = sentence.replace(QUOTED, blank);
  const found = resolveDate(outside, ctx);
  if (found) return found;
  const inside = resolveDate(sentence, ctx);
  return inside && !inside.relative ? inside : null;
}

/** The days of a list, in the year the first one resolves to. */
function listedDays(sentence: string, first: ResolvedDate | null): ResolvedDate[] {
  const m = DAY_LIST.exec(sentence);
  if (!m || !first || first.precision !== 'day') return [];
  const days = m[2]!.match(/\d{1,2}/g)!.map(Number);
  const [year, month] = first.date.split('-');
  return days.slice(1).map((d) => ({
    ...first,
    date: `${year}-${month}-${String(d).padStart(2, '0')}`,
    endDate: null,
    expression: m[0],
  }));
}

/**
 * The dates of one sentence: a dateline only sets the day the rest is read from; a speech verb's
 * date is when the speaker spoke, and the other date of the sentence (reckoned from that day) is the
 * event's; dates inside quotes count from the speaker's day.
 */
export function sentenceDates(sentence: string, ctx: DateContext): SentenceDates {
  let text = sentence;
  let day = ctx.published;
  const dateline = DATELINE.exec(text);
  let stated: ResolvedDate | null = null;
  if (dateline) {
    stated = resolveDate(dateline[0], { ...ctx, planned: false });
    if (stated?.precision === 'day') day = stated.date;
    text = blank(dateline[0]) + text.slice(dateline[0].length);
  }
  const line =
    dateline && stated?.precision === 'day' ? { day: stated.date, end: dateline[0].length } : undefined;
  const planned = isPlanned(text);
  const speech = SPEECH.exec(text);
  const spoken = speech ? resolveDate(speech[1]!, { ...ctx, published: day, planned: false }) : null;
  if (speech && spoken) {
    const rest = text.slice(0, speech.index) + blank(speech[0]) + text.slice(speech.index + speech[0].length);
    const restPlanned = isPlanned(rest);
    // A plan counts from the day it was announced; a past event from the day of the report.
    const from = restPlanned ? spoken.date : day;
    const told = resolveOutsideQuotes(rest, { ...ctx, published: from, planned: restPlanned });
    if (told)
      return { date: told, planned: restPlanned, spoken, more: listedDays(rest, told), dateline: line };
    return { date: spoken, planned, spoken: null, more: [], dateline: line };
  }
  const date = resolveOutsideQuotes(text, { ...ctx, published: day, planned });
  // With no date of its own, what the report tells was at least said on the dateline's day.
  const reported = !date && dateline ? resolveDate(dateline[0], { ...ctx, planned: false }) : null;
  return { date, planned, spoken: reported, more: listedDays(text, date), dateline: line };
}
