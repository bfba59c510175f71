import { lazyRequire } from '../core/lazy-require.ts';
import { addDays, daysBetween, daysInMonth, mondayOf, monthRange, weekday, ymd } from './calendar.ts';
import type { Precision } from './types.ts';
import { MONTHS, WEEKDAYS } from './vocab/words.ts';

const chrono = lazyRequire<typeof import('chrono-node')>('chrono-node');

export interface ResolvedDate {
  date: string;
  endDate: string | null;
  precision: Precision;
  /** Computed from the article's publication date (weekday, "last week", "overnight"...). */
  relative: boolean;
  /** The words the date came from. */
  expression: string;
  /** The year was not written; it was taken from the publication date. */
  inferredYear?: boolean;
}

export interface DateContext {
  /** The article's publication day (YYYY-MM-DD). */
  published: string;
  /** True when the sentence talks about something still to come. */
  planned: boolean;
  /** The last date the article mentioned: "by month's end" refers to it. */
  anchor?: ResolvedDate | null;
}

const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const monthIndex = (word: string): number => {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
};

const range = (start: string, end: string, expression: string, relative: boolean): ResolvedDate =>
  start === end
    ? { date: start, endDate: null, precision: 'day', relative, expression }
    : { date: start, endDate: end, precision: 'range', relative, expression };

/** The year that puts month/day nearest the publication date, on the side the tense points to. */
function inferYear(month: number, day: number | null, ctx: DateContext): number {
  const pubYear = Number(ctx.published.slice(0, 4));
  let best = pubYear;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const year of [pubYear - 1, pubYear, pubYear + 1]) {
    const d = ymd(year, month, day ?? Math.min(15, daysInMonth(year, month)));
    const diff = daysBetween(ctx.published, d);
    const wrongSide = ctx.planned ? diff < -20 : diff > 20;
    const score = Math.abs(diff) + (wrongSide ? 400 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = year;
    }
  }
  return best;
}

type Matcher = (s: string, ctx: DateContext) => ResolvedDate | null;

const vagueMonth: Matcher = (s, ctx) => {
  const m = new RegExp(
    `\\b(early|mid|late|the (?:start|beginning|middle|end) of)[- ]${MONTH}(?:,?\\s+(\\d{4}))?\\b`,
    'i',
  ).exec(s);
  if (!m) return null;
  const month = monthIndex(m[2]!);
  const year = m[3] ? Number(m[3]) : inferYear(month, null, ctx);
  const part = m[1]!.toLowerCase();
  const last = daysInMonth(year, month);
  const [from, to] = /early|start|beginning/.test(part)
    ? [1, 10]
    : /mid|middle/.test(part)
      ? [11, 20]
      : [21, last];
  return { ...range(ymd(year, month, from), ymd(year, month, to), m[0], false), inferredYear: !m[3] };
};

const yearClose: Matcher = (s) => {
  const m =
    /\b(?:as|when) (\d{4}) (?:drew|came|was drawing|was coming) to (?:a|an) (?:close|end)\b|\b(?:the )?(?:end|close) of (\d{4})\b|\blate (\d{4})\b/i.exec(
      s,
    );
  if (!m) return null;
  const year = Number(m[1] ?? m[2] ?? m[3]);
  return range(ymd(year, 12, 15), ymd(year, 12, 31), m[0], false);
};

const explicitDay: Matcher = (s, ctx) => {
  for (const r of chrono().strict.parse(s, new Date(`${ctx.published}T12:00:00Z`))) {
    const c = r.start;
    if (!c.isCertain('day') || !c.isCertain('month')) continue;
    // Only calendar dates; "in an hour" or "Sunday" are someone else's job.
    if (!new RegExp(MONTH, 'i').test(r.text) && !/\d{1,4}[-/.]\d{1,2}/.test(r.text)) continue;
    const month = c.get('month')!;
    const day = c.get('day')!;
    const year = c.isCertain('year') ? c.get('year')! : inferYear(month, day, ctx);
    const start = ymd(year, month, day);
    if (r.end?.isCertain('day')) {
      const e = r.end;
      return range(start, ymd(e.get('year') ?? year, e.get('month') ?? month, e.get('day')!), r.text, false);
    }
    return {
      date: start,
      endDate: null,
      precision: 'day',
      relative: false,
      expression: r.text,
      inferredYear: !c.isCertain('year'),
    };
  }
  return null;
};

const monthOnly: Matcher = (s, ctx) => {
  const m = new RegExp(
    `\\b(in |since |during |by |until |from |of |this |last |next )?(${MONTHS.join('|')})\\b(?:,?\\s+(\\d{4}))?`,
    'i',
  ).exec(s);
  if (!m) return null;
  const word = m[2]!;
  // "may" is mostly a verb; month names count only when capitalised.
  if (!/^\p{Lu}/u.test(word) || (word === 'May' && !m[1] && !m[3])) return null;
  const month = monthIndex(word);
  const year = m[3] ? Number(m[3]) : inferYear(month, null, ctx);
  const { start, end } = monthRange(year, month);
  return {
    date: start,
    endDate: end,
    precision: 'month',
    relative: false,
    expression: m[0].trim(),
    inferredYear: !m[3],
  };
};

const monthEnd: Matcher = (s, ctx) => {
  const m =
    /\b(?:by|at|towards?|before) (?:the )?(?:month[’']s end|end of the month)\b|\blater this month\b/i.exec(
      s,
    );
  if (!m) return null;
  const base = ctx.anchor?.date ?? ctx.published;
  const year = Number(base.slice(0, 4));
  const month = Number(base.slice(5, 7));
  return range(ymd(year, month, 21), ymd(year, month, daysInMonth(year, month)), m[0], !ctx.anchor);
};

const relativeMonthYear: Matcher = (s, ctx) => {
  const m = /\b(earlier this|this|last|next|later this) (month|year)\b/i.exec(s);
  if (!m) return null;
  const which = m[1]!.toLowerCase();
  const pub = ctx.published;
  let year = Number(pub.slice(0, 4));
  if (m[2]!.toLowerCase() === 'year') {
    year += which === 'last' ? -1 : which === 'next' ? 1 : 0;
    return {
      date: ymd(year, 1, 1),
      endDate: ymd(year, 12, 31),
      precision: 'year',
      relative: true,
      expression: m[0],
    };
  }
  let month = Number(pub.slice(5, 7)) + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
  if (month === 0) [year, month] = [year - 1, 12];
  if (month === 13) [year, month] = [year + 1, 1];
  const { start, end } = monthRange(year, month);
  if (which === 'earlier this') return range(start, pub, m[0], true);
  return { date: start, endDate: end, precision: 'month', relative: true, expression: m[0] };
};

const weeks: Matcher = (s, ctx) => {
  const m =
    /\b(earlier this|this|last|next|later this) week\b|\b(over|at|this|last|by|during) (?:the )?weekend\b|\b(\d+|two|three|a) (days?|weeks?) ago\b/i.exec(
      s,
    );
  if (!m) return null;
  const pub = ctx.published;
  if (m[1]) {
    const which = m[1].toLowerCase();
    const monday = mondayOf(pub);
    if (which === 'last') return range(addDays(pub, -10), addDays(pub, -1), m[0], true);
    if (which === 'next') return range(addDays(monday, 7), addDays(monday, 13), m[0], true);
    if (which === 'earlier this') return range(monday, pub, m[0], true);
    return range(monday, addDays(monday, 6), m[0], true);
  }
  if (m[2]) {
    const which = m[2].toLowerCase();
    const future = ctx.planned && which !== 'last';
    // The weekend before publication, or the coming one for plans.
    let saturday = addDays(pub, -((weekday(pub) + 1) % 7));
    if (future && saturday < pub) saturday = addDays(saturday, 7);
    if (!future && saturday >= pub) saturday = addDays(saturday, -7);
    if (which === 'last' && daysBetween(saturday, pub) < 2) saturday = addDays(saturday, -7);
    return range(saturday, addDays(saturday, 1), m[0], true);
  }
  const n = { two: 2, three: 3, a: 1 }[m[3]!.toLowerCase()] ?? Number(m[3]);
  const days = /week/i.test(m[4]!) ? n * 7 : n;
  const day = addDays(pub, -days);
  return /week/i.test(m[4]!)
    ? range(addDays(day, -3), addDays(day, 3), m[0], true)
    : range(day, day, m[0], true);
};

const namedWeekday: Matcher = (s, ctx) => {
  const m = new RegExp(
    `\\b(last |next |this |on |since |until |by )?(${WEEKDAYS.join('|')})(?:[’']s)?\\b`,
    'i',
  ).exec(s);
  if (!m || !/^\p{Lu}/u.test(m[2]!)) return null;
  const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
  const which = (m[1] ?? '').trim().toLowerCase();
  const pub = ctx.published;
  const back = (weekday(pub) - target + 7) % 7;
  let day: string;
  if (which === 'next') day = addDays(pub, (target - weekday(pub) + 7) % 7 || 7);
  else if (which === 'last') day = addDays(pub, -(back === 0 ? 7 : back));
  else if (ctx.planned) day = addDays(pub, (target - weekday(pub) + 7) % 7);
  else day = addDays(pub, -back);
  return { date: day, endDate: null, precision: 'day', relative: true, expression: m[0].trim() };
};

const dayWords: Matcher = (s, ctx) => {
  const m =
    /\b(earlier today|today|this morning|this afternoon|tonight|earlier in the day|on the same day|yesterday|tomorrow|overnight|last night)\b/i.exec(
      s,
    );
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  const pub = ctx.published;
  if (w === 'yesterday') return range(addDays(pub, -1), addDays(pub, -1), m[0], true);
  if (w === 'tomorrow') return range(addDays(pub, 1), addDays(pub, 1), m[0], true);
  if (w === 'overnight' || w === 'last night') return range(addDays(pub, -1), pub, m[0], true);
  return range(pub, pub, m[0], true);
};

const bareYear: Matcher = (s) => {
  const m = /\b(?:in|into|during|by|of|throughout) (19\d{2}|20\d{2})\b/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  return {
    date: ymd(y, 1, 1),
    endDate: ymd(y, 12, 31),
    precision: 'year',
    relative: false,
    expression: m[0],
  };
};

// Most specific first: a vague range before the month it names, an explicit day before a weekday.
const MATCHERS: Matcher[] = [
  vagueMonth,
  yearClose,
  explicitDay,
  monthEnd,
  namedWeekday,
  dayWords,
  weeks,
  monthOnly,
  relativeMonthYear,
  bareYear,
];

/** The date a sentence talks about, resolved against the publication date, or null. */
export function resolveDate(sentence: string, ctx: DateContext): ResolvedDate | null {
  for (const match of MATCHERS) {
    const found = match(sentence, ctx);
    if (!found) continue;
    // "since late 2025" opens a period; it does not date an event.
    const at = sentence.indexOf(found.expression);
    if (at > 0 && /\b(since|until|till)\s+$/i.test(sentence.slice(0, at))) return null;
    return found;
  }
  return null;
}

const FUTURE =
  /\b(will|shall|'ll)\b|\b(?:is|are|was|were) (?:due|scheduled|expected|set|slated|planned|poised|going) to\b|\b(?:scheduled|slated|set) for\b|\bdue (?:in|to|at)\b|\b(?:plans|hopes|intends?|aims) to\b|\bupcoming\b|\bwould (?:take place|travel|meet|visit|hold|host)\b|\bexpected (?:in|to|at)\b|\bnext (?:week|month|year)\b|\btomorrow\b/i;
// "plan to", "hope to", "aim to": a verb ("the two sides plan to meet") or a noun ("a 28-point US
// plan to end the war first emerged"), which says nothing about the future.
const NOUN_OR_VERB = /\b(?:plan|hope|aim) to\b/gi;
const DETERMINER_BEFORE =
  /\b(?:a|an|the|its|their|this|that|his|her|our|whose|any|no)\s+(?:[\w.'’-]+\s+){0,3}$/i;

function usedAsVerb(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const previous = /([\w.'’-]+)\s+$/.exec(before)?.[1] ?? '';
  if (/^(?:I|we|they|you)$/i.test(previous) || /[a-z]s$/.test(previous)) return true;
  if (/['’]s$/.test(previous)) return false;
  return !DETERMINER_BEFORE.test(before);
}

/** True when the sentence (outside its quotes) speaks of something still to come. */
export function isPlanned(sentence: string): boolean {
  const outsideQuotes = sentence.replace(/“[^”]*”|"[^"]*"/g, ' ');
  if (FUTURE.test(outsideQuotes)) return true;
  return [...outsideQuotes.matchAll(NOUN_OR_VERB)].some((m) => usedAsVerb(outsideQuotes, m.index));
}
