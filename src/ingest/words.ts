/** Words as the cleaner, dater and fingerprints see them: letters and digits, lowercased. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

// Letters without Unicode property escapes (several times faster): ASCII, Latin-1 and every script
// above, except the General Punctuation block (quotes, dashes, ellipsis).
const WORD =
  /[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\uffff][a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\uffff'’-]*/g;

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 0xc0 && (c < 0x2000 || c > 0x206f));

/** Whitespace-separated tokens holding a letter or digit (a plain loop: this runs per paragraph). */
export function countWords(text: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) counted = false;
    else if (!counted && isWordChar(c)) {
      words++;
      counted = true;
    }
  }
  return words;
}

// Function words and reporting verbs: they say nothing about what a paragraph is about.
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having he
  her here hers herself him himself his how i if in into is it its itself just me more most my no nor not now
  of off on once only or other our ours out over own same she should so some such than that the their theirs
  them then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours said says say told tell according added noted stated
  would could might may must shall one two three new also last next week weeks year years month day days
  time however since still even well many much mr mrs ms it's that's there's don't can't won't`.split(/\s+/),
);

export const isStopWord = (w: string): boolean => STOP.has(w);

/** Content words reduced to a crude stem, so "talks" and "talk" meet. */
export const contentWords = (text: string): string[] => contentWordsOf(wordsOf(text));

/** contentWords of text already split by wordsOf. */
export function contentWordsOf(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 3 || STOP.has(w) || isDigits(w)) continue;
    out.push(stem(w));
  }
  return out;
}

// Plain loops: these run for every word of every paragraph at ingest.
function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "minister's" -> "minister" (straight or curly apostrophe). */
export function withoutPossessive(w: string): string {
  const apostrophe = w.length >= 2 && w.endsWith('s') ? w.charCodeAt(w.length - 2) : 0;
  return apostrophe === 39 || apostrophe === 0x2019 ? w.slice(0, -2) : w;
}

function stem(w: string): string {
  const base = withoutPossessive(w);
  if (base.length > 5 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  if (base.length > 4 && base.endsWith('s') && !base.endsWith('ss')) return base.slice(0, -1);
  return base;
}
