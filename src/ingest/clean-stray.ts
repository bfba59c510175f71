import type { Block } from './clean-blocks.ts';
import { contentWords, isStopWord } from './words.ts';

/** Capitalised words other than function words: the names a paragraph talks about. */
function names(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}'’-]+/gu)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
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

/** Share of each paragraph's content words that also occur in the title or another paragraph. */
export function overlapShares(
  blocks: Block[],
  title: string,
  words = blocks.map((b) => new Set(contentWords(b.text))),
): number[] {
  const counts = countIn(words);
  const titleWords = new Set(contentWords(title));
  return words.map((own) => {
    if (own.size === 0) return 1;
    let shared = 0;
    for (const w of own) if ((counts.get(w) ?? 0) > 1 || titleWords.has(w)) shared++;
    return shared / own.size;
  });
}

/**
 * Indexes of paragraphs that belong to another story: a paragraph sharing almost no content words
 * and no names with the title and the rest of the article (a stray item pasted in by the page).
 * Short paragraphs are never judged: too little evidence.
 */
export function strayParagraphs(blocks: Block[], title: string): number[] {
  if (blocks.filter((b) => b.words >= 15).length < MIN_PARAGRAPHS) return [];
  const words = blocks.map((b) => new Set(contentWords(b.text)));
  const shares = overlapShares(blocks, title, words);
  const median = [...shares].sort((a, b) => a - b)[Math.floor(shares.length / 2)]!;
  const candidates = blocks
    .map((_, i) => i)
    .filter((i) => shares[i]! < MAX_STRAY_OVERLAP && shares[i]! < median * MAX_SHARE_OF_MEDIAN)
    .filter((i) => words[i]!.size >= MIN_CONTENT_WORDS);
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
