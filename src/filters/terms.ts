import { FilterPatternError } from './errors.ts';

/** How many terms one include or exclude list may hold, and how long one term may be. */
export const MAX_TERMS = 20;
export const MAX_TERM_LENGTH = 200;

/** One term as the user wrote it: a keyword or phrase, or a `/pattern/flags` regular expression. */
export type RawTerm =
  | { kind: 'keyword'; source: string }
  | { kind: 'pattern'; source: string; body: string; flags: string };

/**
 * Where a `/pattern/` term's closing slash is: the first unescaped `/` outside a character class,
 * so that `/a[/]b/` and `/a\/b/` keep their slashes. -1 when there is none.
 */
function closingSlash(list: string, open: number): number {
  let inClass = false;
  for (let i = open + 1; i < list.length; i++) {
    const c = list[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
  }
  return -1;
}

const FLAG_LETTERS = /^[a-z]*/i;

function checkLength(source: string, option: string): void {
  if (source.length > MAX_TERM_LENGTH)
    throw new FilterPatternError(
      `${option}: the term ${source.slice(0, 40)}… is ${source.length} characters long; the most is ${MAX_TERM_LENGTH}.`,
    );
}

/**
 * The terms of a comma-separated list. A term that starts with `/` runs to its closing slash and
 * flags (commas inside it belong to the pattern, as in `/a{1,3}/`); any other term runs to the next
 * comma. Empty terms are skipped.
 */
export function splitTerms(list: string, option: string): RawTerm[] {
  const terms: RawTerm[] = [];
  let i = 0;
  while (i < list.length) {
    while (i < list.length && /[\s,]/.test(list[i]!)) i++;
    if (i >= list.length) break;
    if (list[i] === '/') {
      const close = closingSlash(list, i);
      if (close < 0)
        throw new FilterPatternError(
          `${option}: the pattern ${list.slice(i)} has no closing slash (write /pattern/).`,
        );
      const flags = FLAG_LETTERS.exec(list.slice(close + 1))![0];
      const end = close + 1 + flags.length;
      const source = list.slice(i, end);
      const rest = list.slice(end).match(/^\s*(,|$)/);
      if (!rest)
        throw new FilterPatternError(
          `${option}: after the pattern ${source} comes ${list.slice(end, end + 20)}; separate terms with commas.`,
        );
      checkLength(source, option);
      terms.push({ kind: 'pattern', source, body: list.slice(i + 1, close), flags });
      i = end;
    } else {
      const comma = list.indexOf(',', i);
      const end = comma < 0 ? list.length : comma;
      const source = list.slice(i, end).trim();
      checkLength(source, option);
      if (source) terms.push({ kind: 'keyword', source });
      i = end;
    }
  }
  if (terms.length > MAX_TERMS)
    throw new FilterPatternError(`${option}: ${terms.length} terms; the most is ${MAX_TERMS}.`);
  return terms;
}
