// Splits cleaned article text into prose sentences and tokens, leaving page furniture out.

export interface Sentence {
  text: string;
  /** Index of the sentence in the article (for first-mention order). */
  index: number;
}

export interface Token {
  text: string;
  /** Token without a trailing possessive ("Trump's" -> "Trump"). */
  bare: string;
  possessive: boolean;
  capitalised: boolean;
  /** Punctuation token (comma, dash, parenthesis, quote). */
  punct: boolean;
  start: number;
  end: number;
}

// Where reader comments or the site's footer begin, nothing after is the article.
const TAIL_MARKERS = [
  /^\s*\d+\s+comments?\s*$/i,
  /^\s*(leave a reply|leave a comment|post a comment|comments?|related( articles| posts)?|read more|more stories)\s*:?\s*$/i,
  /^\s*(©|copyright\b)/i,
];

// Sentences that talk about the page, the site or the reader rather than the news.
const FURNITURE = [
  /\bthis (article|story|page|post)\b/i,
  /\b(subscribe|sign up|log ?in|download (the|our)|follow us|share this|click here|all rights reserved)\b/i,
  /\b(cookies?|privacy policy|terms of (use|service)|newsletter|advertisement)\b/i,
  /\b(discover the latest|stay updated|listen to the article)\b/i,
  /^\s*(by|posted by|written by|author|photo|image|credit)\b[^.]{0,60}$/i,
];

/** A line is prose when it ends like a sentence or is long; short unpunctuated lines are headings. */
function isProse(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  const words = t.split(/\s+/);
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  if (!/[.!?]["”’)\]]?$/.test(t) && capitalised / words.length > 0.6) return false;
  if (/[.!?]["”’)\]]?$|[:;]$/.test(t)) return t.split(/\s+/).length >= 4;
  return t.split(/\s+/).length >= 14;
}

const ABBREV =
  /(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|No|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$/;

function splitLine(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]+["”’)\]]*\s+(?=["“‘(]?[A-Z0-9])/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const end = m.index + m[0].length;
    const before = line.slice(start, m.index + 1);
    if (ABBREV.test(before.trimEnd())) continue;
    out.push(line.slice(start, end).trim());
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Prose sentences of an article, without headings, furniture and anything after the comments. */
export function proseSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (TAIL_MARKERS.some((re) => re.test(line))) break;
    if (!isProse(line)) continue;
    for (const s of splitLine(line.trim())) {
      if (FURNITURE.some((re) => re.test(s))) continue;
      sentences.push({ text: s, index: sentences.length });
    }
  }
  return sentences;
}

const TOKEN_RE =
  /(?:[A-Z]\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*[\p{L}\p{N}\p{M}]|[\p{L}\p{N}]|[,;:()"“”—–]|\s[-–]\s/gu;

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) {
    let text = m[0].trim();
    const punct = !/[\p{L}\p{N}]/u.test(text);
    // A trailing period belongs to the sentence, not the word, unless the word is an abbreviation.
    if (!punct && text.endsWith('.') && !/^(?:[A-Z]\.)+$/.test(text)) text = text.replace(/\.+$/, '');
    const possessive = /[’']s$/.test(text);
    const bare = possessive ? text.slice(0, -2) : text.replace(/[’']$/, '');
    tokens.push({
      text,
      bare,
      possessive,
      capitalised: /^\p{Lu}/u.test(bare),
      punct,
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    });
  }
  return tokens;
}

/** Lowercase words of the whole article: a capitalised word also seen lowercase is a common word. */
export function lowercaseVocabulary(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}.])[\p{Ll}][\p{L}-]*/gu)) words.add(m[0]);
  return words;
}
