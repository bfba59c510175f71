// When two written names are one person: the rules shared by one article's actor table and the store.

import { familyNameFirst, keyWords, wordKey } from './names.ts';

const keyed = (name: string) => keyWords(name).map(wordKey);

/** `short` appears in `long` in order (not necessarily next to each other). */
function inOrder(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (w === short[i]) i++;
  return i === short.length;
}

/**
 * Two full names of one person: one's words are the other's with words added (a middle name, a
 * second surname, a patronymic: "Asaad Al Shaibani" / "Asaad Hassan Al-Shibani", "Maria Angela
 * Holguin" / "Maria Angela Holguin Cuellar"), with the same first word. Equal keys are handled by the
 * key itself; different given names ("Lucas Thompson" / "Emma Thompson") never match.
 */
export function fullNamesMatch(a: string, b: string): boolean {
  const ka = keyed(a);
  const kb = keyed(b);
  if (ka.length < 2 || kb.length < 2 || ka[0] !== kb[0]) return false;
  if (familyNameFirst(a) !== familyNameFirst(b)) return false;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return short.length < long.length && inOrder(short, long);
}

/**
 * How a single written word relates to a full name: 'family' when it is the family name, 'other' when
 * it is another of its words (a given name alone, as Thai and Pakistani news write "Shehbaz", or one
 * of two surnames, "Cuellar" for "Maria Angela Holguin Cuellar"), else null.
 */
export function wordOfName(word: string, fullName: string): 'family' | 'other' | null {
  const w = wordKey(keyWords(word)[0] ?? word);
  const words = keyed(fullName);
  const family = familyNameFirst(fullName) ? words[0] : words[words.length - 1];
  if (w === family) return 'family';
  return words.includes(w) && w.length >= 3 ? 'other' : null;
}
