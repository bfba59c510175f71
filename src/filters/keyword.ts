/** A letter, digit or combining mark in any script: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const SPACES = /\s+/gu;

/** Text as keywords are matched: one form per character, lower case, runs of space as one. */
export const foldText = (text: string): string => text.normalize('NFC').toLowerCase().replace(SPACES, ' ');

const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** The whole character before `at` (both halves of a surrogate pair), or undefined at the start. */
function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

const charAt = (text: string, at: number): string | undefined => {
  const code = text.codePointAt(at);
  return code === undefined ? undefined : String.fromCodePoint(code);
};

/**
 * A keyword or phrase, matched case-insensitively on word boundaries in any script: `un` finds
 * "the UN said" but not "united". A boundary is required only where the term itself begins or ends
 * with a word character, so that `c++` or `#tag` still match. Built without regular expressions, so
 * no term can make matching slow.
 */
export function keywordMatcher(term: string): (folded: string) => boolean {
  const needle = foldText(term.trim());
  const checkStart = isWordChar(charAt(needle, 0));
  const checkEnd = isWordChar(charBefore(needle, needle.length));
  return (folded) => {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (checkStart && isWordChar(charBefore(folded, at))) continue;
      if (checkEnd && isWordChar(charAt(folded, end))) continue;
      return true;
    }
    return false;
  };
}
