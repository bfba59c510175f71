import { stripInvisible } from './sanitize.ts';

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself said
says say told according would could may might must shall one two new last week year years month day days
since still many much even like well yet whether however though although already around among per via
amid mr ms mrs`.split(/\s+/),
);

/** Light suffix stripping so that "negotiations"/"negotiated"/"negotiating" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ed', 'es', 's']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Lower-cased, stemmed content words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOPWORDS.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

/** Normalises an article body before any sentence work: invisible characters, quotes, spacing. */
export function normaliseText(text: string): string {
  return stripInvisible(text)
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ');
}

const ABBREVIATIONS =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|U\.S|U\.K|U\.N|E\.U|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/** Splits one paragraph into sentences, keeping quotes and common abbreviations intact. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[.!?]+["'\u201D\u2019)]*(?=\s+["'\u201C\u2018(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const end = m.index + m[0].length;
    const piece = paragraph.slice(start, end);
    if (ABBREVIATIONS.test(piece.trimEnd()) || /\b\p{Lu}\.$/u.test(piece.trimEnd())) continue;
    if (insideQuote(piece, paragraph, end)) continue;
    out.push(piece.trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/**
 * A quotation is open at the end of `piece` and closes later in the paragraph (after `end`): a full
 * stop inside a quoted passage ("...love their country. They love...") is not where a reader's
 * sentence ends.
 */
function insideQuote(piece: string, paragraph: string, end: number): boolean {
  const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
  if (count(piece, /\u201C/g) > count(piece, /\u201D/g)) return paragraph.includes('\u201D', end);
  return count(piece, /"/g) % 2 === 1 && paragraph.includes('"', end);
}

/** Shortens text to at most max characters, at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
