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
 * Splits text into blocks: one per line, except that hard-wrapped lines (a line that does not end a
 * sentence followed by one starting in lower case) are joined back into their paragraph.
 */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let prevBlank = true;
  for (const rawLine of normaliseText(text).split('\n')) {
    const line = rawLine.replace(/ {2,}/g, ' ').trim();
    if (!line) {
      prevBlank = true;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (
      last &&
      !prevBlank &&
      last.text.length > 40 &&
      !TERMINAL.test(last.text) &&
      /^[\p{Ll}(]/u.test(line)
    ) {
      last.text = `${last.text} ${line}`;
      last.words = countWords(last.text);
    } else {
      blocks.push({ text: line, words: countWords(line) });
    }
    prevBlank = false;
  }
  return blocks;
}

/** A short line that reads as a heading: few words, no sentence-ending punctuation. */
export const isHeadingLike = (b: Block): boolean =>
  b.words > 0 &&
  b.words <= 20 &&
  b.text.length <= 160 &&
  !/[.!;,:]$/.test(b.text) &&
  /^[\p{Lu}\p{N}"“‘']/u.test(b.text);

/** A block that reads as running prose (at least one full sentence of some length). */
export const isProse = (b: Block): boolean => b.words >= 15 && /[.!?"”’'…)]$/.test(b.text);

const lineKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Compares lines ignoring case, punctuation and spacing. */
export const sameLine = (a: string, b: string): boolean => sameLineAs(b)(a);

/**
 * sameLine against one fixed line (the headline), for testing every block of an article. A block
 * with more ASCII letters and digits than the headline's key has characters cannot match (they map
 * one to one into its key), so paragraphs are rejected without normalising them.
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
