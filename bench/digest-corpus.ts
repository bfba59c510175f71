import { createHash } from 'node:crypto';
import type { ArticleInput, Store } from '../src/store/index.ts';

// A synthetic news stream for the digest benchmark: stories told by several outlets (shared people,
// places, figures and event verbs, each outlet in its own words), plus off-topic items.

const PLACES = [
  'Geneva',
  'Vienna',
  'Doha',
  'Istanbul',
  'Oslo',
  'Riyadh',
  'Nairobi',
  'Jakarta',
  'Brasilia',
  'Helsinki',
];
const NOUNS = [
  'ceasefire',
  'prisoner exchange',
  'border treaty',
  'sanctions relief',
  'peace framework',
  'trade accord',
];
const VERBS = [
  'met',
  'held talks with',
  'negotiated with',
  'hosted',
  'signed an agreement with',
  'rejected a proposal from',
];
const OUTLETS = [
  'Wire One',
  'Daily Ledger',
  'Capital Post',
  'Evening Herald',
  'Global Times Desk',
  'Union Review',
];
/** Background sentences: {w} is a random word, so outlets never share whole sentences. */
const FILLER = [
  'Diplomats said the {w} negotiations would continue at the level of deputy ministers.',
  'Officials from the {w} ministry declined to comment on the details of the draft.',
  'Analysts said the talks on {w} marked a serious diplomatic effort.',
  'The delegations agreed to consult their governments about {w} before meeting again.',
  'Mediators urged both sides to respect the {w} truce while the talks continued.',
  'The statement said the parties had reaffirmed their commitment to the {w} settlement.',
  'Observers in {w} said the process could take months.',
  'A spokesperson for the {w} council said the government welcomed the dialogue.',
];
const OFF = [
  'The striker scored twice as the club won the derby in front of a record crowd at the stadium.',
  'Shares rose as investors bet on lower interest rates after the inflation figures.',
  'Forecasters expect heavy rain on Friday followed by a sunny and warm weekend.',
  'Whisk the eggs with sugar, fold in the flour and bake the sponge for twenty minutes.',
  'The coach praised the defence and said the team would rotate players before the cup tie.',
  'Oil prices slipped while the currency strengthened against the dollar in late trading.',
];

/** Deterministic pseudo-random numbers (xorshift32), so every run builds the same store. */
function random(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

export interface SyntheticDay {
  /** Article ids of the measured day, by generated story (-1 = off-topic). */
  storyOf: Map<number, number>;
  dayStart: string;
  dayEnd: string;
}

function person(rand: () => number): string {
  const syl = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tas',
    'vel',
    'or',
    'an',
    'ber',
    'dun',
    'gor',
    'hal',
    'jen',
    'kor',
    'nar',
  ];
  const word = () => {
    const w = Array.from(
      { length: 2 + Math.floor(rand() * 2) },
      () => syl[Math.floor(rand() * syl.length)],
    ).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  return `${word()} ${word()}`;
}

function storyArticle(
  rand: () => number,
  story: { a: string; b: string; place: string; noun: string; verb: string; n: number },
): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const facts = [
    `Foreign minister ${story.a} ${story.verb} envoy ${story.b} in ${story.place} on Tuesday to discuss the ${story.noun}, officials said.`,
    `${story.a} said the ${story.noun} could cover ${story.n} detainees and would be reviewed by both governments.`,
    `Envoy ${story.b} told reporters in ${story.place} that the ${story.noun} talks had made progress but that disagreements remained.`,
    `The talks in ${story.place} followed weeks of shuttle diplomacy between the two delegations, according to diplomats.`,
    `A joint statement issued after the meeting said ${story.a} and ${story.b} would meet again next month.`,
  ];
  const sentences = [...facts.sort(() => rand() - 0.5).slice(0, 4)];
  for (let i = 0; i < 10; i++)
    sentences.push(pick(FILLER).replace('{w}', person(rand).split(' ')[0]!.toLowerCase()));
  return sentences.join('\n');
}

/**
 * Fills the store through its repository: `total` articles over the 200 days before `end`, of which
 * `dayCount` fall in the last 24 hours; a fifth of everything is off-topic.
 */
export function fillSyntheticStore(store: Store, total: number, dayCount: number, end: Date): SyntheticDay {
  const rand = random(20260115);
  const dayStartMs = end.getTime() - 86_400_000;
  const storyOf = new Map<number, number>();
  const storiesToday = Math.ceil(dayCount / 8);
  const stories = Array.from({ length: Math.ceil(total / 8) }, (_, i) => ({
    a: person(rand),
    b: person(rand),
    place: PLACES[i % PLACES.length]!,
    noun: NOUNS[Math.floor(rand() * NOUNS.length)]!,
    verb: VERBS[Math.floor(rand() * VERBS.length)]!,
    n: 10 + Math.floor(rand() * 900),
  }));
  store.transaction(() => {
    for (let i = 0; i < total; i++) {
      const today = i >= total - dayCount;
      const offTopic = rand() < 0.2;
      const storyId = today
        ? Math.floor(rand() * storiesToday)
        : storiesToday + Math.floor(rand() * (stories.length - storiesToday));
      const story = stories[storyId]!;
      const text = offTopic
        ? Array.from({ length: 12 }, () => OFF[Math.floor(rand() * OFF.length)]).join('\n')
        : storyArticle(rand, story);
      const published = today
        ? new Date(dayStartMs + rand() * 86_000_000).toISOString()
        : new Date(dayStartMs - rand() * 200 * 86_400_000).toISOString();
      const input: ArticleInput = {
        origin: `url:https://bench.example/${i}`,
        kind: 'feed',
        url: `https://bench.example/${i}`,
        title: offTopic
          ? `Sport, markets and weather roundup ${i}`
          : `${story.a} and ${story.b} in ${story.place} talks on ${story.noun}`,
        source: OUTLETS[i % OUTLETS.length]!,
        published,
        publishedEstimated: false,
        dateSource: 'feed',
        text,
        removed: [],
        tags: [],
        words: text.split(/\s+/).length,
        contentHash: createHash('sha1').update(`${i}${text}`).digest('hex'),
      };
      const id = store.articles.insert(input, published);
      if (today) storyOf.set(id, offTopic ? -1 : storyId);
    }
  });
  return { storyOf, dayStart: new Date(dayStartMs).toISOString(), dayEnd: end.toISOString() };
}
