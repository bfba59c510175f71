import { describe, expect, it } from 'vitest';
import { neutraliseMentions } from '../../src/core/mentions.ts';
import { fitWithSuffix, packUnits, truncate } from '../../src/core/text.ts';

describe('neutraliseMentions', () => {
  it.each([
    '@everyone',
    '@here',
    'hi <@123456789012345678>',
    '<@!1234>',
    '<@&999>',
    '<#42>',
    '<!channel>',
    '<!here>',
    '<@U024BE7LH>',
  ])('makes %s inert', (text) => {
    const out = neutraliseMentions(text);
    expect(out).not.toMatch(/@(everyone|here)\b|<[@#!&]/);
    expect(out.replace(/\u200b/g, '')).toBe(text);
  });

  it('leaves e-mail addresses and plain text alone', () => {
    expect(neutraliseMentions('write to press@example.org, 3 < 4')).toBe('write to press@example.org, 3 < 4');
  });
});

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
