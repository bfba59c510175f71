import type { Block } from './clean-blocks.ts';
import { contentWords, contentWordsOf, isStopWord, withoutPossessive } from './words.ts';

const NAME = /\b\p{Lu}[\p{L}'’-]+/gu;
// In ASCII text with General Punctuation (curly quotes, dashes), which holds no letters, the same
// pattern without Unicode property escapes: several times faster.
const NAME_ASCII = /\b[A-Z][A-Za-z'’-]+/g;
const BEYOND_ASCII = /[\u0080-\u1fff\u2070-\uffff]/;

/** Capitalised words other than function words: the names a paragraph talks about. */
function names(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(BEYOND_ASCII.test(text) ? NAME : NAME_ASCII)) {
    const w = withoutPossessive(m[0].toLowerCase());
    if (!isStopWord(w)) out.add(w);
  }
  return out;
}

function countIn(sets: Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sets) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

const MIN_CONTENT_WORDS = 12;
/** Fewer paragraphs than this give no reliable picture of what the article is about. */
const MIN_PARAGRAPHS = 5;
/** ...and the paragraph must also stand far below the article's typical overlap. */
const MAX_SHARE_OF_MEDIAN = 0.4;
/** Share of a paragraph's content words found elsewhere in the article below which it is off-topic. */
export const MAX_STRAY_OVERLAP = 0.15;

/**
 * Share of each paragraph's distinct content words that also occur in the title or another paragraph,
 * and how many distinct content words it has. One map from word to the last paragraph that used it
 * counts in how many paragraphs each word occurs, without a set per paragraph.
 */
function overlapShares(words: string[][], title: string): { shares: number[]; distinct: number[] } {
  const seen = new Map<string, { last: number; paragraphs: number; mark: number }>();
  words.forEach((own, i) => {
    for (const w of own) {
      const s = seen.get(w);
      if (!s) seen.set(w, { last: i, paragraphs: 1, mark: -1 });
      else if (s.last !== i) {
        s.last = i;
        s.paragraphs++;
      }
    }
  });
  const titleWords = new Set(contentWords(title));
  const shares: number[] = [];
  const distinct: number[] = [];
  words.forEach((own, i) => {
    let size = 0;
    let shared = 0;
    for (const w of own) {
      const s = seen.get(w)!;
      if (s.mark === i) continue;
      s.mark = i;
      size++;
      if (s.paragraphs > 1 || titleWords.has(w)) shared++;
    }
    shares.push(size === 0 ? 1 : shared / size);
    distinct.push(size);
  });
  return { shares, distinct };
}

// Words that point back to what the article already said: a third-person pronoun, a continuation
// ("also", "once again"), a speaker or owner named by a bare common noun ("the minister said",
// "the statement said", "the country's bonds"). A paragraph that leans on them continues the story.
const POINTS_BACK =
  /\b(he|she|they|him|her|his|their|them|also|again|meanwhile|moreover|furthermore)\b|\bthe [a-z]+ (said|says|added|noted|stated|announced|told|wrote|warned)\b|\bthe [a-z]+['’]s\b/;
const QUOTED = /“[^”]*”|"[^"]*"/g;

/** Whether the paragraph's first sentence (outside quotes) refers back to the rest of the article. */
function pointsBack(text: string): boolean {
  const first = /^.*?[.!?]["”’]?(?=\s+["“]?\p{Lu}|$)/u.exec(text)?.[0] ?? text;
  return POINTS_BACK.test(first.replace(QUOTED, ' '));
}

/**
 * Indexes of paragraphs that belong to another story: a paragraph sharing almost no content words
 * and no names with the title and the rest of the article (a stray item pasted in by the page).
 * Short paragraphs are never judged: too little evidence. `tokens` are the blocks' wordsOf.
 */
export function strayParagraphs(blocks: Block[], title: string, tokens: string[][]): number[] {
  if (blocks.filter((b) => b.words >= 15).length < MIN_PARAGRAPHS) return [];
  const { shares, distinct } = overlapShares(tokens.map(contentWordsOf), title);
  const median = [...shares].sort((a, b) => a - b)[Math.floor(shares.length / 2)]!;
  const candidates = blocks
    .map((_, i) => i)
    .filter((i) => shares[i]! < MAX_STRAY_OVERLAP && shares[i]! < median * MAX_SHARE_OF_MEDIAN)
    .filter((i) => distinct[i]! >= MIN_CONTENT_WORDS && !pointsBack(blocks[i]!.text));
  if (!candidates.length) return [];
  const nameSets = blocks.map((b) => names(b.text));
  const nameCounts = countIn(nameSets);
  const titleWords = new Set(contentWords(title));
  const stray: number[] = [];
  candidates.forEach((i) => {
    // A name the rest of the article (or its title) also names ties the paragraph to the story.
    const sharesName = [...nameSets[i]!].some((n) => (nameCounts.get(n) ?? 0) > 1 || titleWords.has(n));
    if (!sharesName) stray.push(i);
  });
  return stray;
}
