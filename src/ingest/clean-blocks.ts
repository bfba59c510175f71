import { datelineOf } from './dates.ts';
import { countWords } from './words.ts';

/** One paragraph or line of an article as the cleaner sees it. */
export interface Block {
  text: string;
  words: number;
}

const TERMINAL = /[.!?:;"”’')\]…]$/;

// Rare in clean input: one test spares the text four copying passes.
const UNUSUAL_SPACE = /[\uFEFF\r\u00a0\u2007\u202f\u200b-\u200d\u2060\t]/;

/** Normalises whitespace and invisible characters that pages leave behind. */
export function normaliseText(raw: string): string {
  if (!UNUSUAL_SPACE.test(raw)) return raw;
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .replace(/\t/g, ' ');
}

/**
 * Splits text into blocks: one per line, except that hard-wrapped lines are joined back into their
 * paragraph: a line that does not end a sentence followed by one starting in lower case, or, in a
 * text wrapped at a fixed width, a line that runs to about that width without ending a sentence
 * ("...was led by" / "Andriy Yermak, ...").
 */
export function toBlocks(text: string): Block[] {
  const lines = normaliseText(text)
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim());
  const fullLine = wrapWidth(lines) * 0.75;
  const blocks: Block[] = [];
  let prev = '';
  for (const line of lines) {
    if (!line) {
      prev = '';
      continue;
    }
    const last = blocks[blocks.length - 1];
    const continues =
      last !== undefined &&
      prev !== '' &&
      !TERMINAL.test(prev) &&
      ((last.text.length > 40 && /^[\p{Ll}(]/u.test(line)) ||
        (fullLine > 0 && prev.length >= fullLine && !LIST_ITEM.test(line) && !datelineOf(line)));
    if (continues) {
      last.text = `${last.text} ${line}`;
      last.words = countWords(last.text);
    } else {
      blocks.push({ text: line, words: countWords(line) });
    }
    prev = line;
  }
  return blocks;
}

const LIST_ITEM = /^([-*•–]|\d{1,3}[.)])\s/;

/**
 * The column a hard-wrapped text was wrapped at, or 0 when its lines are paragraphs of their own:
 * wrapped paragraphs span several lines, all but their last end near one width, mostly in the middle
 * of a sentence (lines of well over 150 characters are paragraphs, not wrapped text).
 */
function wrapWidth(lines: string[]): number {
  const lengths = lines.filter(Boolean).map((l) => l.length);
  if (lengths.length < 4) return 0;
  const width = [...lengths].sort((a, b) => a - b)[Math.floor(lengths.length * 0.9)] as number;
  if (width < 40 || width > 150) return 0;
  // Lines followed by another line of the same paragraph: in wrapped text, most run to the width.
  const inner = lines.filter((l, i) => l && lines[i + 1]);
  if (inner.length < 3) return 0;
  const full = inner.filter((l) => l.length >= width * 0.75);
  // ...and they break mid-sentence, where lines that are paragraphs end one.
  const open = full.filter((l) => !TERMINAL.test(l)).length;
  return full.length >= inner.length * 0.6 && open >= full.length / 2 ? width : 0;
}

/** A short line that reads as a heading: few words, no sentence-ending punctuation. */
export const isHeadingLike = (b: Block): boolean =>
  b.words > 0 &&
  b.words <= 20 &&
  b.text.length <= 160 &&
  !/[.!;,:]$/.test(b.text) &&
  /^[\p{Lu}\p{N}"“‘'(]/u.test(b.text);

/** A block that reads as running prose (at least one full sentence of some length). */
export const isProse = (b: Block): boolean => b.words >= 15 && /[.!?"”’'…)]$/.test(b.text);

/** A line reduced to lowercase letters and digits between single spaces, for comparing lines. */
export const lineKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a line is this one (the headline) ignoring case, punctuation and spacing, for testing every
 * block of an article. A block with more ASCII letters and digits than the headline's key has
 * characters cannot match (they map one to one into its key), so paragraphs are rejected without
 * normalising them.
 */
export function sameLineAs(line: string): (text: string) => boolean {
  const key = lineKey(line);
  if (!key) return () => false;
  const keyChars = key.length - (key.match(/ /g)?.length ?? 0);
  return (text) => !moreAsciiAlnumThan(text, keyChars) && lineKey(text) === key;
}

function moreAsciiAlnumThan(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && ++n > limit) return true;
  }
  return false;
}
