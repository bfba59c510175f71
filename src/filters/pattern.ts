import { RE2JS, RE2JSException } from 're2js';
import { FilterPatternError } from './errors.ts';
import type { RawTerm } from './terms.ts';

/** The flags a `/pattern/flags` term may carry, as RE2 flags. */
const FLAGS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
};

/**
 * What RE2 cannot do (it promises linear time instead), each with a clear name for the user. Found by
 * looking at the pattern text, because RE2's own errors for them read as unrelated syntax errors.
 */
const UNSUPPORTED: { what: string; found: RegExp }[] = [
  // \1..\9 or \k<name>, after an even run of backslashes (so `\\1` is a backslash and a 1).
  { what: 'backreferences (\\1, \\k<name>)', found: /(?<!\\)(?:\\\\)*\\(?:[1-9]|k<)/ },
  { what: 'lookahead ((?=…), (?!…))', found: /\(\?[=!]/ },
  { what: 'lookbehind ((?<=…), (?<!…))', found: /\(\?<[=!]/ },
];

/** JavaScript's named groups `(?<name>…)` in RE2's spelling `(?P<name>…)`. */
const JS_NAMED_GROUP = /\(\?<(?=[A-Za-z_])/g;

/**
 * A `/pattern/flags` term compiled by RE2 (re2js): matching takes time linear in the text whatever
 * the pattern, so a user's `(a+)+$` cannot stall the bot. Anything RE2 refuses is a
 * FilterPatternError naming the term.
 */
export function patternMatcher(
  term: Extract<RawTerm, { kind: 'pattern' }>,
  option: string,
): (text: string) => boolean {
  const refuse = (why: string, cause?: unknown): never => {
    throw new FilterPatternError(`${option}: the pattern ${term.source} ${why}`, { cause });
  };
  if (!term.body) refuse('is empty.');
  let flags = 0;
  for (const letter of new Set(term.flags)) {
    const flag = FLAGS[letter];
    if (flag === undefined) refuse(`has the flag ${letter}; the flags understood are i, m and s.`);
    flags |= flag ?? 0;
  }
  const unsupported = UNSUPPORTED.find((u) => u.found.test(term.body));
  if (unsupported) refuse(`uses ${unsupported.what}, which the linear-time engine does not support.`);
  try {
    const re = RE2JS.compile(term.body.replace(JS_NAMED_GROUP, '(?P<'), flags);
    return (text) => re.test(text);
  } catch (err) {
    const detail =
      err instanceof RE2JSException ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    return refuse(`is not a valid regular expression: ${detail}.`, err);
  }
}
