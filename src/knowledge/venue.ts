import { type EventType, eventFamily, eventTriggers } from './events.ts';
import type { Mention } from './mentions.ts';
import type { Token } from './text.ts';
import { countryOfCity } from './vocab/city-countries.ts';
import { lookupPlace } from './vocab/places.ts';
import { ROLE_HEADS } from './vocab/titles.ts';

// Where an event happened: a place the sentence puts it in ("in Geneva", "at the Kremlin", a visit
// "to Ankara", a "Vilnius-hosted" summit). A place named for another reason (a participant's
// country, a source "from X's ministry", a posting "envoy to X", a topic "the war in X", a place in
// a quote) is no venue: the place stays empty rather than wrong.

/** Prepositions of position: the event is there. */
const AT = new Set(['in', 'at', 'near', 'outside', 'inside']);
/** Words before a destination: where a visit or journey goes is where it happens. */
const TOWARDS = new Set(['to', 'into', 'visited', 'visiting', 'reached', 'toured']);
/** "to" names a destination only after a journey: "flew to Ankara", "a visit to Kyiv", not "sent to X". */
const JOURNEY =
  /^(?:travell?(?:ed|ing|s)?|trips?|flew|flown|fly|flying|went|go|goes|going|head(?:ed|ing|s)?|visits?|journey(?:ed)?|came|come|comes|coming|return(?:ed|ing|s)?|arriv(?:e|ed|es|ing|al))$/i;
/** An attack falls on its target. */
const ONTO = new Set(['on', 'against']);
/** A place after these words is the event's earlier history ("a previous gathering in Geneva"). */
const EARLIER = new Set(['previous', 'earlier', 'prior', 'last', 'former']);
/** A posting, not a venue: "the envoy in Cyprus", "the UN spokesperson in Nicosia". */
const POSTINGS = new Set([
  'envoy',
  'envoys',
  'ambassador',
  'ambassadors',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'representative',
  'correspondent',
  'coordinator',
  'consul',
  'mission',
  'embassy',
]);
/**
 * What goes on in a place rather than where the event is: "a truce in Sudan", "the war in Gaza",
 * "Americans detained in Venezuela". An attack's own "fighting in X" is its venue, so attacks keep it.
 */
const TOPIC_NOUNS = new Set(
  `war wars conflict conflicts crisis truce ceasefire cease-fire peace situation violence unrest fighting
  stability security detained jailed imprisoned hostages prisoners interests policy presence
  investments operations positions elections`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words near which a statement's place is where it was made: "said in Ankara", "a press conference in X". */
const SPEECH_WORDS =
  /^(?:said|says|told|tells|spoke|speaking|speech|address|addressed|conference|briefing|interview|remarks|statement|announced|declared|reporters|journalists)$/i;
/** Seats of government stand for their city when an event happens "at the Kremlin". */
const SEATS: Record<string, string> = {
  Kremlin: 'Moscow',
  'White House': 'Washington',
  Pentagon: 'Washington',
  'Downing Street': 'London',
  Elysee: 'Paris',
};
const QUOTED = /“[^”]*”|"[^"]*"/g;
/** Words that start a relative aside about someone or something. */
const RELATIVE = '\\b(?:who|whom|whose|which)\\s+\\S+';
/** Where the aside ends: punctuation, another aside, or the main clause resuming ("... were freed after ..."). */
const ASIDE_END =
  '(?=[,;:—–()]|\\b(?:who|whom|whose|which|were|was|is|are|after|before|when|while|and)\\b|$)';
/** "who had been detained in X": an aside about someone, up to where the sentence resumes. */
const RELATIVE_CLAUSE = new RegExp(`${RELATIVE}.*?${ASIDE_END}`, 'gi');
/** "a Vilnius-hosted summit", "Abu Dhabi-hosted talks" */
const HOSTED = /^(.+)-hosted$/i;

interface Candidate {
  name: string;
  kind: 'place' | 'country';
  /** Character offset of the place in the sentence. */
  at: number;
}

function linkWord(tokens: Token[], at: number): { word: string; index: number } {
  const before = tokens[at - 1]?.text.toLowerCase() ?? '';
  if (before === 'the' && at >= 2) return { word: tokens[at - 2]!.text.toLowerCase(), index: at - 2 };
  return { word: before, index: at - 1 };
}

/** True when the place's link word makes it this event's venue. */
function isVenue(tokens: Token[], at: number, type: EventType): boolean {
  if (tokens.slice(Math.max(0, at - 4), at).some((t) => EARLIER.has(t.text.toLowerCase()))) return false;
  const link = linkWord(tokens, at);
  const owner = tokens[link.index - 1]?.text.toLowerCase() ?? '';
  const journey = link.word !== 'to' && link.word !== 'into';
  const towards =
    TOWARDS.has(link.word) &&
    !ROLE_HEADS.has(owner) &&
    (journey || tokens.slice(Math.max(0, link.index - 3), link.index).some((t) => JOURNEY.test(t.text)));
  if (AT.has(link.word)) {
    if (POSTINGS.has(owner)) return false;
    if (type !== 'attack' && TOPIC_NOUNS.has(owner)) return false;
  } else if (!(towards && eventFamily(type) === 'meeting') && !(ONTO.has(link.word) && type === 'attack'))
    return false;
  if (type !== 'statement') return true;
  // A statement is rarely told with its venue; only a place right by the speech counts.
  return tokens.slice(Math.max(0, link.index - 4), link.index).some((t) => SPEECH_WORDS.test(t.text));
}

function hostedPlaces(tokens: Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((t, i) => {
    const head = HOSTED.exec(t.text)?.[1];
    if (!head) return;
    const two = i > 0 ? lookupPlace(`${tokens[i - 1]!.text} ${head}`) : undefined;
    const place = two ?? lookupPlace(head);
    if (place) found.push({ name: place.name, kind: place.kind, at: t.start });
  });
  return found;
}

/** Where the sentence says the event happened, or null. */
export function eventPlace(
  sentence: string,
  tokens: Token[],
  mentions: Mention[],
  type: EventType,
): string | null {
  const spans = (re: RegExp) =>
    [...sentence.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const);
  const quoted = spans(QUOTED);
  // A place inside an aside about someone is theirs, unless the event is told in that aside too.
  const clauses = spans(RELATIVE_CLAUSE);
  const triggers = eventTriggers(sentence, type);
  const inClause = (at: number) => clauses.some(([from, to]) => at >= from && at < to);
  const trigger = triggers.find((t) => !inClause(t)) ?? triggers[0] ?? -1;
  const asides = clauses.filter(([from, to]) => trigger < from || trigger >= to);
  const inside = (ranges: (readonly [number, number])[], at: number) =>
    ranges.some(([from, to]) => tokens[at]!.start >= from && tokens[at]!.start < to);
  const candidates: Candidate[] = [
    ...hostedPlaces(tokens),
    ...mentions
      .filter((m) => !inside(quoted, m.start) && !inside(asides, m.start) && isVenue(tokens, m.start, type))
      .flatMap((m): Candidate[] => {
        const at = tokens[m.start]!.start;
        if (m.kind === 'place' || m.kind === 'country') return [{ name: m.name, kind: m.kind, at }];
        const seat = m.kind === 'organisation' ? SEATS[m.name] : undefined;
        return seat ? [{ name: seat, kind: 'place', at }] : [];
      }),
  ];
  return nearest(candidates, trigger);
}

/**
 * With several venues in one sentence ("announced in Damascus his visit to Riyadh"), the one that
 * follows the event's word is the event's; a country gives way to a city of its own named there.
 */
function nearest(candidates: Candidate[], trigger: number): string | null {
  const byPosition = [...candidates].sort((a, b) => a.at - b.at);
  const pick = byPosition.find((c) => c.at > trigger) ?? byPosition[byPosition.length - 1];
  if (!pick) return null;
  if (pick.kind !== 'country') return pick.name;
  return candidates.find((c) => c.kind === 'place' && countryOfCity(c.name) === pick.name)?.name ?? pick.name;
}
