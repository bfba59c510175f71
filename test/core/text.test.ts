import { describe, expect, it } from 'vitest';
import { fitWithSuffix, packUnits, truncate } from '../../src/core/text.ts';

describe('text fitting', () => {
  it('truncates at a word boundary and marks the cut', () => {
    const out = truncate('one two three four five six', 14);
    expect(out.length).toBeLessThanOrEqual(14);
    expect(out).toBe('one two three…');
  });

  it('packs whole units without splitting any', () => {
    const units = ['aaaa', 'bbbb', 'cccc', 'dddd'];
    expect(packUnits(units, 9)).toEqual(['aaaa\nbbbb', 'cccc\ndddd']);
  });

  it('shortens the body and keeps a citation suffix whole', () => {
    const suffix = ' [Wire](https://news.example/1)';
    const out = fitWithSuffix('word '.repeat(100), suffix, 80);
    expect(out.length).toBeLessThanOrEqual(80);
    expect(out.endsWith(suffix)).toBe(true);
  });
});
