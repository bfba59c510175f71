// Name keys: one spelling-insensitive key per name, so transliteration variants, accents, nicknames and
// possessives of the same name meet ("Zelenskyy" / "Zelensky" / "Zelenskiy", "Steve" / "Steven").

/** Common English nickname pairs, folded onto one form. General vocabulary, not a list of people. */
const NICKNAMES: Record<string, string> = {
  steve: 'steven',
  stephen: 'steven',
  mike: 'michael',
  mick: 'michael',
  bill: 'william',
  will: 'william',
  billy: 'william',
  bob: 'robert',
  rob: 'robert',
  bobby: 'robert',
  jim: 'james',
  jimmy: 'james',
  joe: 'joseph',
  tom: 'thomas',
  tommy: 'thomas',
  dan: 'daniel',
  danny: 'daniel',
  dave: 'david',
  alex: 'alexander',
  aleksandr: 'alexander',
  alexandr: 'alexander',
  oleksandr: 'alexander',
  tony: 'anthony',
  nick: 'nicholas',
  chris: 'christopher',
  ben: 'benjamin',
  sam: 'samuel',
  kate: 'katherine',
  catherine: 'katherine',
  liz: 'elizabeth',
  andy: 'andrew',
  matt: 'matthew',
  pete: 'peter',
  ed: 'edward',
  ted: 'edward',
  jon: 'jonathan',
  nate: 'nathan',
  pat: 'patrick',
  rick: 'richard',
  dick: 'richard',
  rich: 'richard',
  greg: 'gregory',
  jeff: 'jeffrey',
  geoff: 'jeffrey',
  ken: 'kenneth',
  larry: 'lawrence',
  ron: 'ronald',
  don: 'donald',
  fred: 'frederick',
  jerry: 'gerald',
  jack: 'john',
  johnny: 'john',
  sue: 'susan',
  jen: 'jennifer',
  jenny: 'jennifer',
  vicky: 'victoria',
};

/** Strips accents, case and punctuation: the form used for prefix search. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
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

function computeWordKey(word: string): string {
  let w = fold(word).replace(/\s+/g, '');
  w = NICKNAMES[w] ?? w;
  w = w
    .replace(/ey$/, 'ei')
    .replace(/(iy|yy|ii|yi|y)$/, 'i')
    .replace(/ij/g, 'i')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/(?<=[aeiou])y(?=[aeiou])/g, 'i')
    .replace(/(.)\1+/g, '$1');
  // British and American spellings of org words ("Defence" / "Defense", "Centre" / "Center").
  w = w
    .replace(/ence$/, 'ense')
    .replace(/tre$/, 'ter')
    .replace(/isation$/, 'ization');
  return w;
}

/** Key of a whole name. */
export const nameKey = memoised((name) => fold(name).split(' ').filter(Boolean).map(wordKey).join(' '));

/** The words of a name, without a trailing possessive. */
export function nameWords(name: string): string[] {
  return name
    .replace(/[’']s$/, '')
    .split(/\s+/)
    .filter(Boolean);
}

export function surnameKey(name: string): string {
  const words = nameWords(name);
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
