import { ActorTable, type LocalActor } from './actor-table.ts';
import { backReference, blankSpans, insideAny, pastPerfectAsides } from './asides.ts';
import { addDays, daysBetween } from './calendar.ts';
import type { ResolvedDate } from './dates.ts';
import { type EventType, eventFamily, eventType, NEW_ROUND, samePlace } from './events.ts';
import { findMentions, type Mention } from './mentions.ts';
import { type FoundRole, findRoles, type UnnamedTitle, unnamedTitles } from './roles.ts';
import { type SentenceDates, sentenceDates } from './sentence-dates.ts';
import { lowercaseVocabulary, proseSentences, type Token, tokenize } from './text.ts';
import { eventPlace } from './venue.ts';

export type { LocalActor };

export interface LocalEvent {
  type: EventType;
  family: string;
  date: ResolvedDate | null;
  uncertain: boolean;
  planned: boolean;
  place: string | null;
  actors: number[];
  sentence: string;
  /** Without a date of its own: only joins an existing event inside `window`. */
  window: { from: string; to: string } | null;
  /**
   * Too vague to stand alone ("an anticipated meeting ... this week": planned, no day, no venue): it
   * only adds a source to an event already known.
   */
  joinOnly: boolean;
}

export interface ArticleAnalysis {
  actors: LocalActor[];
  events: LocalEvent[];
}

export interface ArticleToAnalyse {
  text: string;
  /** Publication day (YYYY-MM-DD); null when nobody knows it. */
  published: string | null;
  publishedEstimated: boolean;
}

/** The day (YYYY-MM-DD) of a stored publication date, which may be a full timestamp. */
export const publicationDay = (published: string | null): string | null => published?.slice(0, 10) ?? null;

/**
 * The analysis of an article as stored: its publication day, and whether that day is only an
 * estimate (or unknown), decide how relative dates resolve. Pure, so it may run in a worker thread.
 */
export function analysisOf(article: {
  text: string;
  published: string | null;
  publishedEstimated: boolean;
}): ArticleAnalysis {
  return analyseArticle({
    text: article.text,
    published: publicationDay(article.published),
    publishedEstimated: article.publishedEstimated || !article.published,
  });
}

/** Stands in for an unknown publication date; dates computed from it are thrown away. */
const UNKNOWN_DAY = '2000-01-01';
const ANY_TIME = { from: '1900-01-01', to: '2999-12-31' };

const THAT_IS_WHEN = /^(that|this|it) (is|was) (when|the day)\b/i;
const EVENT_NOUNS =
  /^(visit|visits|meeting|meetings|talks|call|trip|summit|statement|speech|remarks|conversation)$/i;

// A name used as an attribute of its government or circle: "the Trump administration" took part,
// not necessarily Trump.
const ATTRIBUTIVE_NOUNS =
  /^(administration|administrations|government|cabinet|team|camp|campaign|family|era|presidency|aides|allies|officials|envoys?)$/i;

/**
 * Places are where, not who; "Trump's envoy" or "Trump's plan" does not make Trump take part, nor
 * does "the Trump administration".
 */
function isParticipant(m: Mention, tokens: Token[]): boolean {
  if (m.kind === 'place') return false;
  if (m.kind === 'person' && ATTRIBUTIVE_NOUNS.test(tokens[m.end]?.bare ?? '')) return false;
  if (!m.possessive) return true;
  return tokens.slice(m.end, m.end + 3).some((t) => EVENT_NOUNS.test(t.bare));
}

/** Actors shared, from which an article's statement is taken to speak of an event of the same day. */
const FOLD_SHARED = 2;

/**
 * A statement the article dates on the day of one of its events, by actors of that event, is part
 * of the event ("Dar said ... the two countries agreed to a ceasefire"): its actors join the event.
 */
function foldStatements(events: LocalEvent[]): LocalEvent[] {
  return events.filter((s) => {
    if (s.type !== 'statement' || s.date?.precision !== 'day') return true;
    const into = events.find(
      (e) =>
        e.type !== 'statement' &&
        e.date?.precision === 'day' &&
        e.date.date === s.date!.date &&
        e.actors.filter((a) => s.actors.includes(a)).length >= FOLD_SHARED,
    );
    if (!into) return true;
    into.actors = [...new Set([...into.actors, ...s.actors])];
    return false;
  });
}

const PRECISE = new Set(['day', 'range']);
const lastDay = (d: ResolvedDate) => d.endDate ?? d.date;

/** Two dates of one article that can be one event's: one day, or a day inside a span of at most a week. */
function sameWeek(a: ResolvedDate, b: ResolvedDate): boolean {
  if (!PRECISE.has(a.precision) || !PRECISE.has(b.precision)) return false;
  if (a.precision === 'day' && b.precision === 'day') return a.date === b.date;
  if (daysBetween(a.date, lastDay(a)) > 7 || daysBetween(b.date, lastDay(b)) > 7) return false;
  return a.date <= lastDay(b) && b.date <= lastDay(a);
}

/**
 * Within one article, two reports of one kind in one week with no two places are one event ("his
 * visit to Riyadh, confirmed earlier this week" and "the trip ..., reported on Wednesday"): the more
 * precise date, the place whichever names it, the actors of both.
 */
function foldSameKind(events: LocalEvent[]): LocalEvent[] {
  const kept: LocalEvent[] = [];
  for (const e of events) {
    const into =
      e.date && !e.joinOnly && e.type !== 'statement'
        ? kept.find(
            (k) =>
              k.date &&
              !k.joinOnly &&
              k.type === e.type &&
              (!k.place || !e.place || samePlace(k.place, e.place)) &&
              sameWeek(k.date, e.date!),
          )
        : undefined;
    if (!into) {
      kept.push(e);
      continue;
    }
    const keepOwn =
      daysBetween(into.date!.date, lastDay(into.date!)) <= daysBetween(e.date!.date, lastDay(e.date!));
    if (!keepOwn) Object.assign(into, { date: e.date, sentence: e.sentence, uncertain: e.uncertain });
    into.place = into.place ?? e.place;
    into.planned = into.planned && e.planned;
    into.actors = [...new Set([...into.actors, ...e.actors])];
  }
  return kept;
}

/** "RIYADH, May 14 – ...": the dateline's place is the venue only of what happened on its day. */
function datelinePlace(
  found: SentenceDates,
  date: ResolvedDate | null,
  tokens: Token[],
  mentions: Mention[],
): string | null {
  if (!found.dateline || date?.precision !== 'day' || date.date !== found.dateline.day) return null;
  const end = found.dateline.end;
  return mentions.find((m) => m.kind === 'place' && tokens[m.start]!.start < end)?.name ?? null;
}

/** "head of the group's political council": the group is one the article names, not the council. */
const GROUP_POSSESSIVE = /\bthe (?:group|movement|militia|rebels|organi[sz]ation)(?:['’]s|s['’])(?=\s)/i;
/** How far after a role the article may first name the group it speaks of (in sentences). */
const GROUP_AHEAD = 2;

interface GroupRefs {
  roles: { role: FoundRole; at: number }[];
  named: { name: string; at: number }[];
}

/** The group of "the group's ...": the organisation last named before, else the next one named soon after. */
function resolveGroups({ roles, named }: GroupRefs): void {
  for (const { role, at } of roles) {
    const before = named.filter((n) => n.at < at).pop();
    const after = named.find((n) => n.at > at && n.at - at <= GROUP_AHEAD);
    const group = before ?? after;
    if (group) role.affiliation = group.name;
  }
}

/** Actors, roles and events of one article: pure, no store access. */
export function analyseArticle(article: ArticleToAnalyse): ArticleAnalysis {
  const lowercase = lowercaseVocabulary(article.text);
  const acronyms = new Map<string, string>();
  const table = new ActorTable();
  const events: LocalEvent[] = [];
  const unnamed: UnnamedTitle[] = [];
  const groups: GroupRefs = { roles: [], named: [] };
  let anchor: ResolvedDate | null = null;
  let previousDate: ResolvedDate | null = null;
  for (const s of proseSentences(article.text)) {
    const tokens = tokenize(s.text);
    const mentions = findMentions(tokens, { lowercase, acronyms, text: s.text });
    unnamed.push(...unnamedTitles(tokens, mentions));
    const ids = mentions.map((m) => {
      const roles = m.kind === 'person' ? findRoles(s.text, tokens, m, mentions) : [];
      groups.roles.push(
        ...roles.filter((r) => GROUP_POSSESSIVE.test(r.role)).map((role) => ({ role, at: s.index })),
      );
      return table.add(m, s.text, s.index, roles);
    });
    groups.named.push(
      ...mentions.filter((m) => m.kind === 'organisation').map((m) => ({ name: m.name, at: s.index })),
    );
    if (/\?["”]?$/.test(s.text)) continue;
    // What a back-reference names (an earlier event, its place and people) is not the told event's.
    const back = backReference(s.text);
    const told = back ? blankSpans(s.text, [back]) : s.text;
    const found = sentenceDates(blankSpans(told, pastPerfectAsides(told)), {
      published: article.published ?? UNKNOWN_DAY,
      planned: false,
      anchor,
    });
    const planned = found.planned;
    let date = found.date;
    // "Last Wednesday seems long ago. That is when the draft emerged.": the date carries over.
    if (!date && previousDate && THAT_IS_WHEN.test(s.text)) date = previousDate;
    previousDate = date;
    if (date && !article.published && (date.relative || date.inferredYear)) date = null;
    const type = eventType(told);
    const windowFrom: ResolvedDate | null = anchor;
    if (date) anchor = date;
    if (!type) continue;
    const inTold = (m: Mention) => !back || !insideAny(tokens[m.start]!.start, [back]);
    const participants = [
      ...new Set(ids.filter((_, i) => inTold(mentions[i]!) && isParticipant(mentions[i]!, tokens))),
    ];
    const place =
      eventPlace(told, tokens, mentions.filter(inTold), type) ?? datelinePlace(found, date, tokens, mentions);
    const city = mentions.some((m) => m.kind === 'place' && m.name === place);
    const people = participants.filter((i) => table.actors[i]!.kind === 'person');
    const dated = (day: ResolvedDate, kind: EventType, plan: boolean): LocalEvent => ({
      type: kind,
      family: eventFamily(kind),
      date: day,
      uncertain: day.relative && article.publishedEstimated,
      planned: plan,
      place,
      actors: participants,
      sentence: s.text,
      window: null,
      joinOnly: plan && day.precision !== 'day' && !place,
    });
    // "X said on Sunday that ..." (or a dateline's report): the speaker's statement, on the day they spoke.
    const spoken = found.spoken && article.published ? found.spoken : null;
    if (spoken && people.length && spoken.date !== date?.date) events.push(dated(spoken, 'statement', false));
    if (!date) {
      if (eventFamily(type) !== 'meeting' || !city || NEW_ROUND.test(s.text)) continue;
      const around = windowFrom ?? (article.published ? { date: article.published, endDate: null } : null);
      const window = around
        ? {
            from: addDays(around.date, windowFrom ? -10 : -45),
            to: addDays(around.endDate ?? around.date, windowFrom ? 10 : 30),
          }
        : ANY_TIME;
      events.push({
        type,
        family: eventFamily(type),
        date: null,
        uncertain: false,
        planned,
        place,
        actors: participants,
        sentence: s.text,
        window,
        joinOnly: false,
      });
      continue;
    }
    if (type === 'statement' && people.length === 0) continue;
    if (participants.length === 0 && !place) continue;
    for (const day of [date, ...found.more]) events.push(dated(day, type, planned));
  }
  resolveGroups(groups);
  const remap = table.settle();
  table.resolveShortBodies();
  table.placeUnnamedTitles(unnamed);
  for (const e of events) e.actors = [...new Set(e.actors.map((i) => remap[i]!))];
  return { actors: table.actors, events: foldStatements(foldSameKind(events)) };
}
