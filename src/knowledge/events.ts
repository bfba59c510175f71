import { countryOfCity } from './vocab/city-countries.ts';

export type EventType =
  | 'resignation'
  | 'appointment'
  | 'election'
  | 'decision'
  | 'attack'
  | 'summit'
  | 'talks'
  | 'meeting'
  | 'call'
  | 'visit'
  | 'agreement'
  | 'plan'
  | 'statement';

// "Lifted" is a decision only when a measure is lifted ("the ban was lifted", "lifted sanctions"), not
// when a mood or fog lifts.
const MEASURE =
  '(?:sanctions?|bans?|embargo(?:es)?|restrictions?|blockade|curfew|siege|tariffs?|freeze|suspension|moratorium|designation|listing|martial law|state of emergency|visa requirements?|caps?|limits?|controls?)';
const DETERMINER = '(?:the |a |an |its |their |his |her |all |some )?';
/** "lifted the remaining sanctions" */
const LIFTED_THEN_MEASURE = `\\blifted ${DETERMINER}(?:[\\w-]+ ){0,3}?${MEASURE}\\b`;
/** "that designation was formally lifted" */
const MEASURE_THEN_LIFTED = `\\b${MEASURE}\\b[^.]{0,40}?\\b(?:was|were|is|are|be|been)\\s+(?:\\w+ly\\s+)?lifted\\b`;
const LIFTED_MEASURE = new RegExp(`${LIFTED_THEN_MEASURE}|${MEASURE_THEN_LIFTED}`, 'i');

// Order matters: the first match names the event ("attacks ... as talks progressed" is an attack).
const TYPES: [EventType, RegExp][] = [
  [
    'resignation',
    /\b(resign(?:ed|s|ation)|stepped down|steps down|was (?:dismissed|fired|sacked|ousted))\b/i,
  ],
  [
    'attack',
    /\b(attacks?|attacked|strikes|struck|assaults?|shelling|shelled|bombard\w*|air ?raids?|(air|drone|missile) ?strikes?|invasion|invaded|offensive|(was|were) killed|took control of|seized|captured|recaptured|overran|toppled|sank|sunk)\b/i,
  ],
  ['summit', /\bsummit\b/i],
  ['talks', /\b(talks|negotiations|discussions|discussed|round of)\b/i],
  [
    'meeting',
    /\b(met|meets?|meetings?|sit-down|sat down|sitting down|hosted|hosts?|session|gathering|convened|engaged with|held in|held at)\b/i,
  ],
  [
    'call',
    /\b(phone call|call with|called|conference call|spoke (?:by phone )?(?:with|to)|phoned|conversation with)\b/i,
  ],
  [
    'visit',
    /\b(visit(?:s|ed)?|travell?ed|trip|flew|flown|arriv(?:e|ed|es)|landed in|headed to|went to|travel to|expected in|due in)\b/i,
  ],
  [
    'appointment',
    /\b(appointed|appointment|sworn in|swore in|swearing-in|inaugurated|inauguration|took office|takes office|oath of office)\b/i,
  ],
  [
    'election',
    /\b(elected|re-elected|elections?|runoff|ballots?|emerged victorious|won the (vote|race|presidency))\b/i,
  ],
  [
    'plan',
    /\b(plan|proposal|draft|framework|counter-proposal)\b.*\b(emerged|leaked|drafted|unveiled|presented|published|revised|shared|surfaced)\b/i,
  ],
  [
    'statement',
    /\b(said|told|stated|announced|posted|wrote|declared|warned|hinted|described|denied|rejected|pushed back|confirmed|statement|remarks|remarked|spoke out|replied|responded)\b/i,
  ],
  [
    'decision',
    /\b(delisted|designated|designation|sanctions? (?:were|was) (?:imposed|eased)|imposed sanctions|waiver|licen[cs]e (?:was )?(?:granted|extended|revoked)|revoked|decree)\b/i,
  ],
  ['decision', LIFTED_MEASURE],
  ['agreement', /\b(agreed|agreement|signed|accord|ceasefire|truce)\b/i],
];

/** "A and B have agreed to a ceasefire, X confirmed": a statement that reports an agreement is the agreement. */
const AGREEMENT_REPORTED =
  /\b(?:agreed (?:to|on|upon)|signed|(?:reached|struck|sealed) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:agreement|deal|ceasefire|truce|accord))\b/i;

const NO_AGREEMENT =
  /\b(without|no|not|never|failed to reach|yet to reach)\b[^.]{0,25}\b(agree\w*|deal|accord)\b|\bspeculation\b/i;

/** Events of one family can be the same real event told differently ("talks" / "met" / "visit"). */
export function eventFamily(type: EventType): string {
  return type === 'talks' || type === 'meeting' || type === 'visit' || type === 'summit' ? 'meeting' : type;
}

// Idioms that use an event verb for something else: "to meet the five-star standard" and "met with
// criticism" are no meeting; "struck a deal" is an agreement, not an attack.
const IDIOMS =
  /\b(?:meets?|met|meeting) (?:the |a |an |its |their |all |these |those )?(?:[\w-]+ ){0,3}?(?:standards?|requirements?|criteria|targets?|goals?|demands?|needs|expectations|deadlines?|obligations|costs|conditions|threshold)\b|\bmet with (?:criticism|resistance|scepticism|skepticism|opposition|protests?|approval|applause|silence|derision|outrage)\b/gi;
const STRUCK_DEAL =
  /\b(?:strikes?|struck|striking) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:deal|agreement|compromise|bargain)\b/gi;
const STRUCK_OTHER =
  /\b(?:strikes?|struck|striking) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:balance|chord|tone|note)\b/gi;

export function eventType(sentence: string): EventType | null {
  const outsideQuotes = sentence
    .replace(/“[^”]*”|"[^"]*"/g, ' ')
    .replace(IDIOMS, ' ')
    .replace(STRUCK_OTHER, ' ')
    .replace(STRUCK_DEAL, ' agreed ');
  for (const [type, re] of TYPES) {
    if (type === 'agreement' && NO_AGREEMENT.test(outsideQuotes)) continue;
    if (!re.test(outsideQuotes)) continue;
    if (type === 'statement' && AGREEMENT_REPORTED.test(outsideQuotes) && !NO_AGREEMENT.test(outsideQuotes))
      return 'agreement';
    return type;
  }
  return null;
}

const blankMatches = (text: string, re: RegExp) => text.replace(re, (m) => ' '.repeat(m.length));

/** Where in the sentence the words that name the event stand (character offsets, in order). */
export function eventTriggers(sentence: string, type: EventType): number[] {
  let text = blankMatches(sentence, /“[^”]*”|"[^"]*"/g);
  text = blankMatches(blankMatches(text, IDIOMS), STRUCK_OTHER);
  const res = TYPES.filter(([t]) => t === type).map(([, re]) => re);
  if (type === 'agreement') res.push(AGREEMENT_REPORTED, STRUCK_DEAL);
  const at = res.flatMap((re) => [...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => m.index));
  return at.sort((a, b) => a - b);
}

/** One place told at two scales: the same name, or a city and the country it lies in ("Damascus", "Syria"). */
export function samePlace(a: string, b: string): boolean {
  return a === b || countryOfCity(a) === b || countryOfCity(b) === a;
}

const LABELS: Record<EventType, string> = {
  resignation: 'Resignation',
  appointment: 'Appointment',
  election: 'Election',
  decision: 'Decision',
  attack: 'Attack',
  summit: 'Summit',
  talks: 'Talks',
  meeting: 'Meeting',
  call: 'Call',
  visit: 'Visit',
  agreement: 'Agreement',
  plan: 'Plan',
  statement: 'Statement',
};

/** "Talks in Geneva: Marco Rubio, Andriy Yermak" */
export function eventTitle(type: EventType, place: string | null, people: string[]): string {
  const where = place ? (type === 'attack' ? ` on ${place}` : ` in ${place}`) : '';
  const who = people.slice(0, 3).join(', ');
  if (type === 'statement' || type === 'resignation' || type === 'appointment')
    return `${LABELS[type]}${who ? ` by ${who}` : ''}${where}`;
  return `${LABELS[type]}${where}${who ? `: ${who}` : ''}`;
}

/** Sentences that add a further round must not be folded into an earlier event without a date. */
export const NEW_ROUND =
  /\b(again|another|returning|returned|further|new round|second round|next round|continued)\b/i;
