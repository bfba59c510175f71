import type { Token } from './text.ts';
import { lookupOrg, OF_HEADS, ORG_SUFFIXES } from './vocab/orgs.ts';
import { isDemonym, lookupPlace } from './vocab/places.ts';
import { HONORIFICS, isTitleWord, ROLE_HEADS } from './vocab/titles.ts';
import {
  JOB_NOUNS,
  MONTHS,
  NON_NAME_WORDS,
  NOT_PERSON_FIRST,
  NOT_PERSON_LAST,
  PARTY_WORDS,
  WEEKDAYS,
} from './vocab/words.ts';

export type ActorKind = 'person' | 'organisation' | 'country' | 'place';

/** One name found in a sentence, before it is tied to an actor. */
export interface Mention {
  kind: ActorKind;
  /** The name as written, without titles or possessive. */
  surface: string;
  /** Canonical form where a vocabulary knows it ("EU" -> "European Union"). */
  name: string;
  /** Token span [start, end) in the sentence. */
  start: number;
  end: number;
  /** A single word that is a person only if it matches a known full name or follows a title. */
  surnameOnly: boolean;
  titled: boolean;
  possessive: boolean;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&']);
const NAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'la',
  'le',
  'du',
  'da',
  'di',
  'al',
  'bin',
  'ibn',
]);
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);

export interface SentenceContext {
  /** Lowercase words seen in the article: a capitalised word also used lowercase is a common word. */
  lowercase: Set<string>;
}

function nameLike(t: Token, first: boolean, ctx: SentenceContext): boolean {
  if (t.punct || !t.capitalised || t.bare.length < 2) return false;
  const lower = t.bare.toLowerCase();
  if (NON_NAME_WORDS.has(lower) || CALENDAR.has(lower) || PARTY_WORDS.has(lower) || isTitleWord(t.bare))
    return false;
  if (ORG_SUFFIXES.has(t.bare) || HONORIFICS.has(lower.replace(/\.$/, ''))) return false;
  if (/^[\p{Lu}.]+$/u.test(t.bare)) return false; // acronyms and shouted words are not person names
  if (/\d/.test(t.bare) || /-$/.test(t.bare) || /^(then|ex)-/i.test(t.bare)) return false;
  if (t.bare.includes('-') && t.bare.split('-').some((p) => lookupPlace(p) || isDemonym(p))) return false;
  if (first && ctx.lowercase.has(lower)) return false;
  if (lookupPlace(t.bare) || isDemonym(t.bare) || isDemonym(t.bare.replace(/s$/, ''))) return false;
  return true;
}

const wordsOf = (tokens: Token[], a: number, b: number): string =>
  tokens
    .slice(a, b)
    .map((t, i, all) => (i === all.length - 1 ? t.bare : t.text))
    .join(' ');

/** Longest known org or place starting at i (capitalised words only). */
function knownAt(tokens: Token[], i: number): { kind: ActorKind; name: string; len: number } | null {
  for (let len = Math.min(5, tokens.length - i); len >= 1; len--) {
    const span = tokens.slice(i, i + len);
    if (span.some((t) => t.punct) || !span[0]!.capitalised) continue;
    if (span.slice(0, -1).some((t) => t.possessive)) continue;
    const surface = wordsOf(tokens, i, i + len);
    const org = lookupOrg(surface);
    if (org) return { kind: 'organisation', name: org, len };
    const place = lookupPlace(surface);
    if (place && !isDemonym(surface)) return { kind: place.kind, name: place.name, len };
  }
  return null;
}

/** Span of an organisation name starting at i that ends in an organisation word, or null. */
function orgSpanAt(tokens: Token[], i: number): number | null {
  const first = tokens[i]!;
  if (!first.capitalised || first.punct || ROLE_HEADS.has(first.bare.toLowerCase())) return null;
  let end: number | null = null;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.punct) break;
    if (!t.capitalised) {
      if (!CONNECTORS.has(t.text) || t.text === 'the' || !tokens[j + 1]?.capitalised) break;
      continue;
    }
    if (ORG_SUFFIXES.has(t.bare) && j > i) end = j + 1;
    if (t.possessive) break;
  }
  if (end === null) return null;
  const head = tokens[end - 1]!;
  // "Coalition of the Willing", "Ministry of Defence"
  if (OF_HEADS.has(head.bare) && !head.possessive && tokens[end]?.text === 'of') {
    let j = end + 1;
    if (tokens[j]?.text === 'the') j++;
    while (tokens[j]?.capitalised && !tokens[j]!.punct) {
      j++;
      if (tokens[j - 1]!.possessive) break;
    }
    if (j > end + 1 && tokens[j - 1]!.capitalised) end = j;
  }
  return end;
}

function ofHeadAt(tokens: Token[], i: number): number | null {
  const t = tokens[i]!;
  if (!OF_HEADS.has(t.bare) || tokens[i + 1]?.text !== 'of') return null;
  let j = i + 2;
  if (tokens[j]?.text === 'the') j++;
  const start = j;
  while (tokens[j]?.capitalised && !tokens[j]!.punct && !lookupPlace(tokens[j]!.bare)) {
    j++;
    if (tokens[j - 1]!.possessive) break;
  }
  return j > start ? j : null;
}

/** Names of people, organisations, countries and places in one tokenised sentence. */
export function findMentions(tokens: Token[], ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  let titled = false;
  let i = 0;
  // A sentence may open with a quote mark; the first word after it is still sentence-initial.
  const firstWord = tokens.findIndex((t) => !t.punct);
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.punct || !t.capitalised) {
      titled = titled && !t.punct && CONNECTORS.has(t.text);
      i++;
      continue;
    }
    const orgEnd = orgSpanAt(tokens, i) ?? ofHeadAt(tokens, i);
    const known = knownAt(tokens, i);
    if (orgEnd !== null && (!known || orgEnd - i > known.len)) {
      const surface = wordsOf(tokens, i, orgEnd).replace(/^The /, '');
      const name = lookupOrg(surface) ?? surface;
      out.push(mention('organisation', surface, name, i, orgEnd, tokens, false, false));
      titled = false;
      i = orgEnd;
      continue;
    }
    if (known) {
      out.push(
        mention(
          known.kind,
          wordsOf(tokens, i, i + known.len),
          known.name,
          i,
          i + known.len,
          tokens,
          false,
          false,
        ),
      );
      titled = false;
      i += known.len;
      continue;
    }
    if (isTitleWord(t.bare) || HONORIFICS.has(t.bare.toLowerCase().replace(/\.$/, ''))) {
      titled = !t.possessive;
      i++;
      continue;
    }
    if (!nameLike(t, i === firstWord, ctx)) {
      titled = false;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && !tokens[j - 1]!.possessive) {
      const n = tokens[j]!;
      if (nameLike(n, false, ctx)) j++;
      else if (NAME_PARTICLES.has(n.text) && tokens[j + 1] && nameLike(tokens[j + 1]!, false, ctx)) j += 2;
      else break;
    }
    const len = j - i;
    if (len <= 4 && !notAPerson(tokens, i, j)) {
      const surface = wordsOf(tokens, i, j);
      out.push(mention('person', surface, surface, i, j, tokens, len === 1, titled));
    }
    titled = false;
    i = j;
  }
  return out;
}

/**
 * A run of capitalised words that names something other than a person: a place or team by its last
 * word, a storm or operation by its first, one ended by a party word ("New Jersey Democrat"), one
 * that follows a number ("21st Century Fox"), or a job noun alone ("Editor").
 */
function notAPerson(tokens: Token[], i: number, j: number): boolean {
  const last = tokens[j - 1]!.bare.toLowerCase();
  const next = tokens[j]?.bare.toLowerCase() ?? '';
  if (j - i > 1 ? NOT_PERSON_LAST.has(last) : JOB_NOUNS.has(last)) return true;
  if (NOT_PERSON_FIRST.has(tokens[i]!.bare.toLowerCase())) return true;
  if (PARTY_WORDS.has(next) && !tokens[j]!.punct) return true;
  const before = tokens[i - 1];
  return Boolean(before && !before.punct && /\d/.test(before.bare));
}

function mention(
  kind: ActorKind,
  surface: string,
  name: string,
  start: number,
  end: number,
  tokens: Token[],
  surnameOnly: boolean,
  titled: boolean,
): Mention {
  return { kind, surface, name, start, end, surnameOnly, titled, possessive: tokens[end - 1]!.possessive };
}
