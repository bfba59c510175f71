// Name keys: one spelling-insensitive key per name, so transliteration variants, accents, nicknames,
// particles and possessives of the same name meet ("Zelenskyy" / "Zelensky", "Steve" / "Steven",
// "Ahmed al-Sharaa" / "Ahmad Al Shara", "Dagalo" / "Daglo"), while different given names stay apart.

import {
  CHINESE_FAMILY_NAMES,
  EAST_ASIAN_FAMILY_NAMES,
  EAST_SLAVIC_GIVEN_NAMES,
  NICKNAMES,
} from './vocab/given-names.ts';

/**
 * Name particles: part of a written name ("al-Sharaa", "bin Salman", "von der Leyen"), but not a word
 * that tells one name from another, so keys leave them out.
 */
export const PARTICLES = new Set(
  `al el ul ad an ar as ash at az bin ibn bint von van der den de del della la le du da di dos das do
  ter ten zu`
    .split(/\s+/)
    .filter(Boolean),
);

// Letters NFD does not decompose.
const UNDECOMPOSED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ı: 'i' };

/** Strips accents, case and punctuation: the form used for prefix search. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđı]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

/**
 * Remembers a pure string function's answers: indexing keys the same few thousand names over and
 * over, and each key takes a dozen regular-expression passes. Bounded so a long run cannot grow it.
 */
function memoised(fn: (s: string) => string, max = 50_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= max) cache.clear();
      out = fn(s);
      cache.set(s, out);
    }
    return out;
  };
}

/** One word's transliteration-insensitive key: "zelenskyy" -> "zelenski", "andrii" -> "andri". */
export const wordKey = memoised(computeWordKey);

// Transliteration rules: one sound, several romanisations ("Qaddafi" / "Gaddafi" / "Kadhafi",
// "Shibani" / "Shaibani", "Youssef" / "Yusuf", "Ivanow" / "Ivanov").
const SPELLINGS: [RegExp, string][] = [
  [/ey$/, 'ei'],
  [/(iy|yy|ii|yi|y)$/, 'i'],
  [/ij/g, 'i'],
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/gh|q|g|ck|c(?=[aou])/g, 'k'],
  [/sh/g, 's'],
  [/w/g, 'v'],
  [/ou|oo/g, 'u'],
  [/ee/g, 'i'],
  [/ai|ay(?![aeiou])/g, 'i'],
  [/(?<=[aeiou])y(?=[aeiou])/g, 'i'],
];

// Vowel classes kept in a long word's key: its first vowel, so that "Hassan" and "Hussein" differ
// while "Mohamed" and "Muhammad" meet.
const VOWEL_CLASS: Record<string, string> = { a: 'a', e: 'e', i: 'e', y: 'e', o: 'o', u: 'o' };

function computeWordKey(word: string): string {
  let w = fold(word).replace(/\s+/g, '');
  w = NICKNAMES[w] ?? EAST_SLAVIC_GIVEN_NAMES[w] ?? w;
  w = w.replace(/(.)\1+/g, '$1');
  for (const [re, to] of SPELLINGS) w = w.replace(re, to as string);
  w = w.replace(/(.)\1+/g, '$1');
  // British and American spellings of org words ("Defence" / "Defense", "Centre" / "Center").
  w = w
    .replace(/ence$/, 'ense')
    .replace(/tre$/, 'ter')
    .replace(/isation$/, 'ization');
  if (w.length < 5 || /\d/.test(w)) return w;
  // A long word keeps its first letter, its first vowel's class and its consonants: vowels are where
  // romanisations disagree most ("Dagalo" / "Daglo", "Rahawi" / "Rahwi", "Sharaa" / "Shara").
  const first = w[0]!;
  const vowel = /[aeiou]/.test(first) ? '' : (VOWEL_CLASS[w.slice(1).match(/[aeiouy]/)?.[0] ?? ''] ?? '');
  return `${first}${vowel}${w.slice(1).replace(/[aeiouy]/g, '')}`.replace(/(.)\1+/g, '$1');
}

/** Initials in a name ("J." in "Donald J. Trump", "S" in "S Jaishankar", "JD" in "JD Vance"). */
const isInitials = (word: string) => /^(\p{Lu}\.?){1,3}$/u.test(word) && !/[AEIOU]/.test(word.slice(1));

/**
 * The words of a name that identify it: no particles, no initials beside a full word, hyphenated
 * parts split ("Kim Jong-un" -> kim jong un).
 */
export function keyWords(name: string): string[] {
  const written = name
    .replace(/[’']s$/, '')
    .split(/\s+/)
    .filter(Boolean);
  const full = written.filter((w) => !isInitials(w));
  const words = (full.length ? full : written).flatMap((w) => fold(w).split(' ')).filter(Boolean);
  const named = words.filter((w, i) => !PARTICLES.has(w) || i === words.length - 1);
  return named.length ? named : words;
}

/** Key of a whole name. */
export const nameKey = memoised((name) => keyWords(name).map(wordKey).join(' '));

/** The words of a name, without a trailing possessive. */
export function nameWords(name: string): string[] {
  return name
    .replace(/[’']s$/, '')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * An East Asian name in its own order, family name first: "Kim Jong Un", "Lee Jae-myung",
 * "Park Chung Hee", "Xi Jinping".
 */
export function familyNameFirst(name: string): boolean {
  const words = nameWords(name);
  const first = fold(words[0] ?? '');
  if (!EAST_ASIAN_FAMILY_NAMES.has(first) || words.length < 2 || words.length > 3) return false;
  if (words.length === 2 && /-/.test(words[1]!)) return true;
  if (words.length === 3) return words.slice(1).every((w) => w.length <= 5);
  return CHINESE_FAMILY_NAMES.has(first);
}

/** Key of the family name: the last name word, or the first in a family-name-first name. */
export function surnameKey(name: string): string {
  const words = keyWords(name);
  if (familyNameFirst(name)) return wordKey(words[0] ?? '');
  return wordKey(words[words.length - 1] ?? '');
}

/** Small edit distance with an early exit above `max` (for suggestions). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
