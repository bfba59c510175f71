import { addDays } from './calendar.ts';
import { isPlanned, type ResolvedDate, resolveDate } from './dates.ts';
import { type EventType, eventFamily, eventPlace, eventType, NEW_ROUND } from './events.ts';
import { type ActorKind, findMentions, type Mention } from './mentions.ts';
import { nameKey, surnameKey } from './names.ts';
import { type FoundRole, findRoles } from './roles.ts';
import { lowercaseVocabulary, proseSentences, type Token, tokenize } from './text.ts';

/** An actor as one article names it, before it is tied to the store. */
export interface LocalActor {
  kind: ActorKind;
  name: string;
  key: string;
  surnameKey: string;
  aliases: Set<string>;
  count: number;
  /** A sentence about the actor, for the profile (one with a role if there is one). */
  sentence: string;
  roles: FoundRole[];
  /** Only a surname was seen and no full name in this article matched it. */
  surnameOnly: boolean;
  titled: boolean;
  firstSentence: number;
}

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

class ActorTable {
  readonly actors: LocalActor[] = [];
  private readonly byKey = new Map<string, number>();

  add(m: Mention, sentence: string, index: number, roles: FoundRole[]): number {
    const key = `${m.kind}:${nameKey(m.name)}`;
    let id = this.byKey.get(key);
    if (m.kind === 'person' && m.surnameOnly) id = this.fullNameFor(m.name) ?? id;
    if (id === undefined) {
      id = this.actors.length;
      this.byKey.set(key, id);
      this.actors.push({
        kind: m.kind,
        name: m.name,
        key: nameKey(m.name),
        surnameKey: surnameKey(m.name),
        aliases: new Set(),
        count: 0,
        sentence,
        roles: [],
        surnameOnly: m.kind === 'person' && m.surnameOnly,
        titled: m.titled,
        firstSentence: index,
      });
    }
    const actor = this.actors[id]!;
    actor.count++;
    actor.aliases.add(m.surface);
    actor.titled ||= m.titled;
    if (roles.length && !actor.roles.length) actor.sentence = sentence;
    actor.roles.push(...roles);
    return id;
  }

  /** The full-name person a bare surname refers to: the latest one mentioned with that surname. */
  private fullNameFor(surname: string): number | undefined {
    const key = surnameKey(surname);
    let found: number | undefined;
    this.actors.forEach((a, i) => {
      if (a.kind === 'person' && !a.surnameOnly && a.surnameKey === key) found = i;
    });
    return found;
  }

  /** Surnames seen before their full name ("Witkoff ... Steve Witkoff") join it afterwards. */
  settle(): number[] {
    const remap = this.actors.map((_, i) => i);
    this.actors.forEach((a, i) => {
      if (!a.surnameOnly) return;
      const full = this.fullNameFor(a.name);
      if (full === undefined) return;
      const target = this.actors[full]!;
      target.count += a.count;
      for (const alias of a.aliases) target.aliases.add(alias);
      target.roles.push(...a.roles);
      target.titled ||= a.titled;
      target.firstSentence = Math.min(target.firstSentence, a.firstSentence);
      remap[i] = full;
      a.count = 0;
    });
    return remap;
  }
}

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

/** Actors, roles and events of one article: pure, no store access. */
export function analyseArticle(article: ArticleToAnalyse): ArticleAnalysis {
  const lowercase = lowercaseVocabulary(article.text);
  const table = new ActorTable();
  const events: LocalEvent[] = [];
  let anchor: ResolvedDate | null = null;
  let previousDate: ResolvedDate | null = null;
  for (const s of proseSentences(article.text)) {
    const tokens = tokenize(s.text);
    const mentions = findMentions(tokens, { lowercase });
    const ids = mentions.map((m) =>
      table.add(m, s.text, s.index, m.kind === 'person' ? findRoles(s.text, tokens, m, mentions) : []),
    );
    if (/\?["”]?$/.test(s.text)) continue;
    const planned = isPlanned(s.text);
    let date = resolveDate(s.text, { published: article.published ?? UNKNOWN_DAY, planned, anchor });
    // "Last Wednesday seems long ago. That is when the draft emerged.": the date carries over.
    if (!date && previousDate && THAT_IS_WHEN.test(s.text)) date = previousDate;
    previousDate = date;
    if (date && !article.published && (date.relative || date.inferredYear)) date = null;
    const type = eventType(s.text);
    const windowFrom: ResolvedDate | null = anchor;
    if (date) anchor = date;
    if (!type) continue;
    const participants = [...new Set(ids.filter((_, i) => isParticipant(mentions[i]!, tokens)))];
    const place = eventPlace(tokens, mentions);
    const city = mentions.some((m) => m.kind === 'place' && m.name === place);
    const people = participants.filter((i) => table.actors[i]!.kind === 'person');
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
      });
      continue;
    }
    if (type === 'statement' && people.length === 0) continue;
    if (participants.length === 0 && !place) continue;
    events.push({
      type,
      family: eventFamily(type),
      date,
      uncertain: date.relative && article.publishedEstimated,
      planned,
      place,
      actors: participants,
      sentence: s.text,
      window: null,
    });
  }
  const remap = table.settle();
  for (const e of events) e.actors = [...new Set(e.actors.map((i) => remap[i]!))];
  return { actors: table.actors, events };
}
