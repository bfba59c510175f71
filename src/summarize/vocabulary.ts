import { terms } from './text.ts';

// General vocabularies (no names from any particular story). A topic phrase pulls in the lexicons
// whose trigger words it contains; corpus statistics add the rest (see topic.ts).

const DIPLOMACY = `diplomacy diplomat diplomatic negotiation negotiator negotiate talks summit envoy ambassador
embassy minister ministry foreign secretary president presidential prime chancellor premier kremlin
delegation delegate mediator mediation mediate treaty accord agreement deal ceasefire truce armistice peace
peacekeeping plan proposal draft framework sanctions sanction alliance allies ally coalition bilateral
trilateral multilateral united nations nato council security guarantee guarantees sovereignty territory
territorial border borders concession concessions recognition recognise recognize annexation occupation
occupied withdrawal withdraw reconstruction war conflict invasion offensive military troops forces army
missile drone strike strikes attack attacks front frontline hostilities escalation de-escalation prisoner
prisoners exchange humanitarian refugees spokesman spokesperson adviser advisor aide communique statement
memorandum resolution vote veto referendum election government regime opposition parliament
international relations geopolitics geopolitical bloc union commission summit meeting met host hosted`;

const CONFLICT = `war conflict fighting battle battlefield troops soldiers army military forces offensive
counteroffensive shelling missile missiles drone drones airstrike airstrikes strike strikes attack attacks
casualties killed wounded invasion occupation front frontline ceasefire truce hostilities insurgents rebels
militia weapons arms ammunition air defence defense`;

const ECONOMY = `economy economic market markets stocks shares bonds inflation interest rates central bank
gdp growth recession trade tariffs exports imports investors earnings prices currency budget fiscal`;

const LEXICONS: { triggers: string[]; words: string }[] = [
  {
    triggers: [
      'diplomacy',
      'diplomatic',
      'negotiations',
      'international',
      'relations',
      'peace',
      'foreign',
      'talks',
      'geopolitics',
    ],
    words: DIPLOMACY,
  },
  {
    triggers: ['conflict', 'conflicts', 'war', 'wars', 'military', 'security', 'defence', 'defense'],
    words: CONFLICT,
  },
  { triggers: ['economy', 'economic', 'markets', 'finance', 'trade'], words: ECONOMY },
];

/** Countries and demonyms: a weak signal for international affairs (sport mentions them too). */
const PLACES = `afghanistan albania algeria america american armenia armenian australia austria azerbaijan
belarus belarusian belgium brazil britain british bulgaria canada china chinese croatia cuba cyprus czech
denmark egypt egyptian estonia estonian europe european finland france french georgia georgian germany german
greece hungary india indian indonesia iran iranian iraq iraqi ireland israel israeli italy italian japan
japanese jordan kazakhstan korea korean kosovo latvia lebanon libya lithuania moldova netherlands norway
pakistan palestinian poland polish qatar romania russia russian saudi serbia slovakia spain sweden
switzerland swiss syria syrian taiwan turkey turkish ukraine ukrainian emirates uae uk us usa venezuela
yemen africa asia middle east western eastern`;

const CAPITALS = `moscow kyiv kiev washington beijing brussels london paris berlin geneva istanbul ankara tehran`;

const COUNTRY_WORDS = new Set(PLACES.split(/\s+/));

/** Countries, demonyms and regions: present in nearly every international story, so never specific. */
export const isCountryWord = (word: string): boolean => COUNTRY_WORDS.has(word.toLowerCase());

export interface TopicVocabulary {
  /** Stemmed term -> weight in [0, 1]. */
  weights: Map<string, number>;
  /** The topic's own stemmed words. */
  seeds: Set<string>;
}

export function topicVocabulary(topic: string): TopicVocabulary {
  const weights = new Map<string, number>();
  const put = (words: string, w: number) => {
    for (const t of terms(words)) weights.set(t, Math.max(weights.get(t) ?? 0, w));
  };
  const lowered = topic.toLowerCase();
  for (const lexicon of LEXICONS) {
    if (lexicon.triggers.some((t) => lowered.includes(t))) put(lexicon.words, 0.6);
  }
  if (weights.size > 0) put(`${PLACES} ${CAPITALS}`, 0.25);
  const seeds = new Set(terms(topic));
  for (const s of seeds) weights.set(s, 1);
  return { weights, seeds };
}

const TITLES = new Set(
  `president presidential vice prime minister ministry secretary deputy chief chancellor foreign defence defense
  interior state army navy general special envoy senior adviser advisor aide spokesman spokesperson ambassador
  king queen prince sir lord dr mr mrs ms first former acting head director chairman chair leader governor
  mayor senator representative commander officer official national council committee`.split(/\s+/),
);

/** Job titles and honorifics are capitalised like names but say nothing about who. */
export const isTitleWord = (word: string): boolean => TITLES.has(word.toLowerCase());
