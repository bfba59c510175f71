import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import {
  compileFilter,
  describeFilter,
  FilterPatternError,
  MAX_TERM_LENGTH,
  MAX_TERMS,
} from '../../src/filters/index.ts';

const article = (title: string, text = '') => ({ title, text });

/** The error a spec throws, for asserting on its class, code and message. */
function errorOf(spec: { include?: string; exclude?: string }): FilterPatternError {
  try {
    compileFilter(spec);
  } catch (err) {
    return err as FilterPatternError;
  }
  throw new Error(`expected ${JSON.stringify(spec)} to be refused`);
}

describe('keyword terms', () => {
  it('match a keyword in the title or the text, in any case', () => {
    const filter = compileFilter({ include: 'ceasefire' });
    expect(filter.test(article('Talks resume', 'A CEASEFIRE was agreed.'))).toBe(true);
    expect(filter.test(article('Ceasefire holds'))).toBe(true);
    expect(filter.test(article('Talks resume', 'Fighting went on.'))).toBe(false);
  });

  it('match whole words only', () => {
    const filter = compileFilter({ include: 'un' });
    expect(filter.test(article('The UN said so'))).toBe(true);
    expect(filter.test(article('(UN) statement'))).toBe(true);
    expect(filter.test(article('United front'))).toBe(false);
    expect(filter.test(article('A fun run'))).toBe(false);
  });

  it('match a phrase across any run of spaces and line breaks', () => {
    const filter = compileFilter({ include: 'security council' });
    expect(filter.test(article('The Security\n  Council met'))).toBe(true);
    expect(filter.test(article('Security services and a council'))).toBe(false);
  });

  it('match words in non-Latin scripts on their own boundaries', () => {
    const filter = compileFilter({ include: 'кит, 外交' });
    expect(filter.test(article('Большой КИТ плывёт'))).toBe(true);
    expect(filter.test(article('Китай и Индия'))).toBe(false);
    expect(filter.test(article('日本 外交 政策'))).toBe(true);
    expect(compileFilter({ include: 'Ελλάδα' }).test(article('ΕΛΛΆΔΑ και Κύπρος'))).toBe(true);
  });

  it('match terms that begin or end with punctuation', () => {
    expect(compileFilter({ include: 'c++' }).test(article('Why C++ still matters'))).toBe(true);
    expect(compileFilter({ include: '#g20' }).test(article('Leaders at #G20 today'))).toBe(true);
  });
});

describe('include and exclude together', () => {
  const filter = compileFilter({ include: 'election, vote', exclude: 'poll, /opinion/i' });

  it('passes an article with an include term and no exclude term', () => {
    expect(filter.test(article('Election day', 'Turnout was high.'))).toBe(true);
    expect(filter.test(article('Parliament to vote on budget'))).toBe(true);
  });

  it('refuses an article with no include term', () => {
    expect(filter.test(article('Budget approved'))).toBe(false);
  });

  it('refuses an article with an exclude term, keyword or pattern', () => {
    expect(filter.test(article('Election poll shows a tie'))).toBe(false);
    expect(filter.test(article('OPINION: the election we need'))).toBe(false);
  });

  it('with only exclude terms, passes everything else', () => {
    const only = compileFilter({ exclude: 'sport' });
    expect(only.test(article('Summit ends'))).toBe(true);
    expect(only.test(article('Sport: the final'))).toBe(false);
  });

  it('with no terms, passes every article and says it is empty', () => {
    const none = compileFilter({ include: '', exclude: ' , ' });
    expect(none.empty).toBe(true);
    expect(none.test(article('Anything'))).toBe(true);
  });

  it('keeps the terms as written, for listing', () => {
    expect(filter.include).toEqual(['election', 'vote']);
    expect(filter.exclude).toEqual(['poll', '/opinion/i']);
    expect(describeFilter(filter)).toBe('include: election, vote; exclude: poll, /opinion/i');
  });
});

describe('pattern terms', () => {
  it('run a regular expression, case-sensitive unless flagged i', () => {
    expect(compileFilter({ include: '/G(7|20)\\b/' }).test(article('The G20 summit'))).toBe(true);
    expect(compileFilter({ include: '/G(7|20)\\b/' }).test(article('the g20 summit'))).toBe(false);
    expect(compileFilter({ include: '/G(7|20)\\b/i' }).test(article('the g20 summit'))).toBe(true);
  });

  it('keep commas and slashes that belong to the pattern', () => {
    const filter = compileFilter({ include: '/\\d{2,4} dead/, /a[/]b/, war' });
    expect(filter.include).toEqual(['/\\d{2,4} dead/', '/a[/]b/', 'war']);
    expect(filter.test(article('At least 120 dead'))).toBe(true);
    expect(filter.test(article('a/b testing'))).toBe(true);
  });

  it('accept JavaScript named groups', () => {
    expect(compileFilter({ include: '/(?<num>\\d+) killed/' }).test(article('12 killed'))).toBe(true);
  });

  it('return the right answer for (a+)+$ on 100,000 letters and a bang', () => {
    // Catastrophic for a backtracking engine; linear for RE2. No time is asserted (see bench/filters.ts).
    const long = `${'a'.repeat(100_000)}!`;
    expect(compileFilter({ include: '/(a+)+$/' }).test(article('x', long))).toBe(false);
    expect(compileFilter({ include: '/(a+)+!$/' }).test(article('x', long))).toBe(true);
    expect(compileFilter({ exclude: '/(a+)+$/' }).test(article('x', long))).toBe(true);
  });
});

describe('bad terms', () => {
  it.each([
    ['/(unclosed/', 'is not a valid regular expression'],
    ['/*a/', 'is not a valid regular expression'],
    ['/a)/', 'is not a valid regular expression'],
    ['/(a)\\1/', 'backreferences'],
    ['/(?<n>a)\\k<n>/', 'backreferences'],
    ['/foo(?=bar)/', 'lookahead'],
    ['/foo(?!bar)/', 'lookahead'],
    ['/(?<=foo)bar/', 'lookbehind'],
    ['/(?<!foo)bar/', 'lookbehind'],
    ['/a{5000}/', 'is not a valid regular expression'],
    ['/abc/g', 'the flags understood are i, m and s'],
    ['//', 'is empty'],
    ['/abc', 'has no closing slash'],
    ['/abc/ def', 'separate terms with commas'],
  ])('%s is refused with a clear error naming it', (term, why) => {
    const err = errorOf({ include: `ok, ${term}` });
    expect(err).toBeInstanceOf(FilterPatternError);
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('ERR_FILTER_PATTERN');
    expect(err.message).toContain('include:');
    expect(err.message).toContain(term.split(' ')[0]!);
    expect(err.message).toContain(why);
  });

  it('names the exclude list when the bad term is there', () => {
    expect(errorOf({ exclude: '/(?=x)/' }).message).toMatch(
      /^exclude: the pattern \/\(\?=x\)\/ uses lookahead/,
    );
  });

  it('keeps an escaped backslash before a digit as a backslash and a digit', () => {
    expect(compileFilter({ include: '/a\\\\1/' }).test(article('a\\1'))).toBe(true);
  });

  it('limits how many terms a list holds and how long a term is', () => {
    const many = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `t${i}`).join(',');
    expect(errorOf({ include: many }).message).toContain(`the most is ${MAX_TERMS}`);
    expect(compileFilter({ include: many.split(',').slice(0, MAX_TERMS).join(',') }).include).toHaveLength(
      MAX_TERMS,
    );
    expect(errorOf({ exclude: 'x'.repeat(MAX_TERM_LENGTH + 1) }).message).toContain(
      `the most is ${MAX_TERM_LENGTH}`,
    );
  });
});
