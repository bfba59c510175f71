// Whose role it is when the title itself does not say: the country named after the name, the group a
// possessive pronoun points back to, the body a person heads. General grammar of news English.

import type { Mention } from './mentions.ts';
import type { Token } from './text.ts';
import { countryOfWord } from './vocab/places.ts';

const countryOf = (t: Token) => countryOfWord(t.bare);

/** "President Lee of South Korea": the country (one word or more) right after the name. */
export function countryAfterName(tokens: Token[], m: Mention, mentions: Mention[]): string | null {
  if (tokens[m.end]?.text !== 'of') return null;
  const named = mentions.find((o) => o.start === m.end + 1 && o.kind === 'country');
  if (named) return named.name;
  const next = tokens[m.end + 1];
  return next ? countryOf(next) : null;
}

/** Nouns for a group that "its" or "their" can point back to: "the opposition coalition ... its candidate". */
const GROUP_NOUNS = new Set(
  `coalition alliance party group movement rebels militia militias government council committee opposition
  bloc faction front forces army parliament assembly union federation organisation organization league
  insurgents fighters junta administration cabinet ministry`
    .split(/\s+/)
    .filter(Boolean),
);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their']);
/** How far back a pronoun's antecedent is looked for, in tokens. */
const ANTECEDENT_REACH = 12;

/**
 * The owner a possessive pronoun before a title points back to, in the same sentence: "Yemen's rebels
 * said their prime minister ..." (Yemen), "the opposition coalition ... its candidate" (opposition
 * coalition), "Iran said its foreign minister ..." (Iran). A person in between ends the search: the
 * pronoun may be theirs.
 */
export function pronounOwner(tokens: Token[], pronounAt: number, mentions: Mention[]): string | null {
  const pronoun = tokens[pronounAt]?.text.toLowerCase();
  if (pronoun !== 'its' && pronoun !== 'their') return null;
  for (let j = pronounAt - 1; j >= Math.max(0, pronounAt - ANTECEDENT_REACH); j--) {
    const named = mentions.find((o) => o.start <= j && j < o.end);
    if (named?.kind === 'person') return null;
    if (named && !(named.kind === 'place')) return ownerOfPhrase(tokens, named.start, named.end, mentions);
    const t = tokens[j]!;
    if (t.punct && t.text !== ',') return null;
    if (!t.capitalised && GROUP_NOUNS.has(t.text.toLowerCase()))
      return ownerOfPhrase(tokens, j, j + 1, mentions);
  }
  return null;
}

/**
 * What a noun phrase ending at `end` names as an owner: a country in it ("Yemen's Houthi rebels"), else a
 * named body, else its words when a modifier says which group ("opposition coalition", not "the group").
 */
function ownerOfPhrase(tokens: Token[], start: number, end: number, mentions: Mention[]): string | null {
  let from = start;
  while (from > 0 && from > start - 4) {
    const t = tokens[from - 1]!;
    if (t.punct || DETERMINERS.has(t.text.toLowerCase())) break;
    if (!t.capitalised && !t.possessive && !/^\p{Ll}+$/u.test(t.text)) break;
    from--;
  }
  const phrase = tokens.slice(from, end);
  for (const t of phrase) {
    const country = countryOf(t);
    if (country) return country;
  }
  const body = mentions.find((o) => o.start >= from && o.end <= end && o.kind !== 'person');
  if (body) return body.kind === 'country' ? body.name : body.surface;
  return phrase.length > 1 ? phrase.map((t) => t.text).join(' ') : null;
}

/** Verbs of leading a body: "X will head the Norwegian delegation", "X, who chairs the committee". */
const HEAD_VERBS = /^(head|heads|headed|heading|lead|leads|led|leading|chair|chairs|chaired|chairing)$/;
const HEAD_AUXILIARIES = new Set([
  'will',
  'would',
  'to',
  'who',
  'also',
  'now',
  'currently',
  'is',
  'was',
  'has',
  'had',
]);
/** Bodies one person heads (a verb of leading with these as object gives a role). */
const LED_BODIES = new Set(
  `delegation team committee council commission mission ministry government panel office agency party
  movement coalition alliance group army forces authority board secretariat negotiators talks-team`
    .split(/\s+/)
    .filter(Boolean),
);

export interface LedBody {
  role: string;
  affiliation: string | null;
}

/**
 * "X will head the Israeli delegation", "X, who leads the opposition coalition": the role "head of"
 * the body, and the country its demonym names.
 */
export function bodyLedBy(tokens: Token[], m: Mention, mentions: Mention[]): LedBody | null {
  let j = skipWhereFrom(tokens, m.end, mentions);
  if (tokens[j]?.text === ',') j++;
  let aux = 0;
  while (j < tokens.length && HEAD_AUXILIARIES.has(tokens[j]!.text.toLowerCase()) && aux < 3) {
    j++;
    aux++;
  }
  if (!HEAD_VERBS.test(tokens[j]?.text ?? '') || tokens[j + 1]?.text !== 'the') return null;
  const body: Token[] = [];
  for (let k = j + 2; k < tokens.length && k < j + 7; k++) {
    const t = tokens[k]!;
    if (t.punct) break;
    body.push(t);
    if (LED_BODIES.has(t.text.toLowerCase())) {
      const country = body.map(countryOf).find((c) => c !== null) ?? null;
      return { role: `head of the ${body.map((b) => b.text).join(' ')}`, affiliation: country };
    }
    if (BODY_STOPS.has(t.text.toLowerCase()) || (!t.capitalised && !/^\p{Ll}+$/u.test(t.text))) break;
  }
  return null;
}

/** Words that end a body's name before its head noun: "led the fight against the group" names no body. */
const BODY_STOPS = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'against',
  'with',
  'to',
  'on',
  'in',
  'at',
  'and',
  'by',
]);

/** "X from the National Security Council (NSC) will head ...": where the person comes from, skipped. */
function skipWhereFrom(tokens: Token[], at: number, mentions: Mention[]): number {
  let j = at;
  if (tokens[j]?.text !== 'from' && tokens[j]?.text !== 'of') return at;
  j++;
  if (tokens[j]?.text === 'the') j++;
  const body = mentions.find((o) => o.start === j && o.kind !== 'person');
  if (!body) return at;
  j = body.end;
  if (tokens[j]?.text === '(' && tokens[j + 2]?.text === ')') j += 3;
  return j;
}

/** Passive forms of heading a body: "a delegation headed by X", "the team spearheaded by X". */
const HEADED_BY = /^(headed|led|spearheaded|chaired|helmed)$/i;
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);
/** The words of a body's name before its head noun: capitalised words, demonyms, "high-level". */
const bodyWord = (t: Token) => !t.punct && (t.capitalised || countryOf(t) !== null || t.text.includes('-'));

/**
 * "A Ukrainian delegation headed by X": the role "head of the Ukrainian delegation", and the country
 * its demonym names.
 */
export function bodyHeadedBy(tokens: Token[], m: Mention): LedBody | null {
  // "led by then-presidential chief of staff X": the title between "by" and the name is skipped.
  let by = m.start - 1;
  while (by > 0 && m.start - by < 7 && tokens[by]!.text !== 'by' && !tokens[by]!.punct) by--;
  if (tokens[by]?.text !== 'by' || !HEADED_BY.test(tokens[by - 1]?.text ?? '')) return null;
  let h = by - 2;
  if (PASSIVE_AUXILIARIES.has(tokens[h]?.text.toLowerCase() ?? '')) h--;
  const head = tokens[h];
  if (!head || !LED_BODIES.has(head.text.toLowerCase())) return null;
  const body = [head];
  for (let k = h - 1; k >= 0 && h - k <= 4; k--) {
    const t = tokens[k]!;
    if (BODY_STOPS.has(t.text.toLowerCase()) || !bodyWord(t)) break;
    body.unshift(t);
  }
  const country = body.map(countryOf).find((c) => c !== null) ?? null;
  return { role: `head of the ${body.map((b) => b.text).join(' ')}`, affiliation: country };
}
