import { describe, expect, it } from 'vitest';
import { editDistance, fold, nameKey, surnameKey } from '../../src/knowledge/names.ts';

describe('name keys', () => {
  it('merges transliteration variants of surnames', () => {
    expect(nameKey('Zelenskyy')).toBe(nameKey('Zelensky'));
    expect(nameKey('Zelenskiy')).toBe(nameKey('Zelensky'));
  });

  it('merges transliteration variants of first names', () => {
    expect(nameKey('Andriy Yermak')).toBe(nameKey('Andrii Yermak'));
    expect(nameKey('Sergei Lavrov')).toBe(nameKey('Sergey Lavrov'));
    expect(nameKey('Yuri Ushakov')).toBe(nameKey('Yury Ushakov'));
  });

  it('folds common nicknames onto the full first name', () => {
    expect(nameKey('Steve Witkoff')).toBe(nameKey('Steven Witkoff'));
    expect(nameKey('Mike Pence')).toBe(nameKey('Michael Pence'));
  });

  it('ignores accents, case and possessives', () => {
    expect(fold("Dvořák's")).toBe('dvorak');
    expect(nameKey('ERDOĞAN')).toBe(nameKey('Erdogan'));
  });

  it('keeps different first names apart', () => {
    expect(nameKey('Lucas Thompson')).not.toBe(nameKey('Emma Thompson'));
    expect(surnameKey('Lucas Thompson')).toBe(surnameKey('Emma Thompson'));
  });

  it('measures small edit distances and gives up past the limit', () => {
    expect(editDistance('witkof', 'witkov', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
