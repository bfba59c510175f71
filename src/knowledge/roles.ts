import type { Mention } from './mentions.ts';
import type { Token } from './text.ts';
import { lookupOrg } from './vocab/orgs.ts';
import { lookupPlace } from './vocab/places.ts';
import { HONORIFICS, isTitleWord, ROLE_HEADS, ROLE_MODIFIERS } from './vocab/titles.ts';

export interface FoundRole {
  role: string;
  /** The text says the role is over ("then-", "former", a resignation). */
  past: boolean;
  affiliation: string | null;
}

const STOP_APPOSITION = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”']);
const PRONOUNS = new Set(['his', 'her', 'their', 'its']);
const RESIGNATION =
  /\b(resign(?:ed|s|ation)?|stepped down|step down|was (?:dismissed|fired|sacked|ousted)|quit)\b/i;

const lower = (t: Token) => t.bare.toLowerCase();
const isHead = (t: Token) => ROLE_HEADS.has(lower(t)) || ROLE_HEADS.has(lower(t).replace(/^then-/, ''));

function roleWord(t: Token): boolean {
  if (t.punct) return false;
  const w = lower(t).replace(/^(then|ex)-/, '');
  if (ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w) || PRONOUNS.has(w)) return true;
  if (!t.capitalised) return false;
  return (
    isTitleWord(t.bare) || !!lookupPlace(t.bare) || !!lookupOrg(t.bare) || /^[A-Z]\.?[A-Z]\.?$/.test(t.bare)
  );
}

/** Title words before the name: "U.S. Army Secretary", "Kremlin aide", "Trump's son-in-law,". */
function roleBefore(tokens: Token[], m: Mention, mentions: Mention[]): Token[] {
  let j = m.start - 1;
  if (tokens[j]?.text === ',' && tokens[j - 1] && roleWord(tokens[j - 1]!)) j--;
  const picked: Token[] = [];
  while (j >= 0) {
    const t = tokens[j]!;
    if (t.possessive && t.capitalised) {
      // A possessor ("Putin's", "Ukraine's", "White House's") closes the role phrase.
      const owner = mentions.find((o) => o.end === j + 1);
      const from = owner ? owner.start : j;
      picked.unshift(...tokens.slice(from, j + 1));
      break;
    }
    const multi = mentions.find((o) => o.end === j + 1 && o.kind !== 'person' && o.start < j);
    if (multi) {
      picked.unshift(...tokens.slice(multi.start, j + 1));
      j = multi.start - 1;
      continue;
    }
    if (!roleWord(t)) break;
    picked.unshift(t);
    j--;
  }
  while (picked.length && ['of', 'the', 'and', 'for', 'a', 'an'].includes(picked[0]!.text.toLowerCase()))
    picked.shift();
  while (picked.length && HONORIFICS.has(lower(picked[picked.length - 1]!).replace(/\.$/, ''))) picked.pop();
  return picked.some(isHead) ? picked : [];
}

/** An apposition after the name: "Rustem Umerov, head of ...", "X, a senior fellow at ...". */
function roleAfter(tokens: Token[], m: Mention, mentions: Mention[]): Token[] {
  if (m.possessive || m.surnameOnly || tokens[m.end]?.text !== ',') return [];
  const phrase: Token[] = [];
  const named = new Set<Token>();
  for (let j = m.end + 1; j < tokens.length && phrase.length < 16; j++) {
    if (STOP_APPOSITION.has(tokens[j]!.text)) break;
    if (mentions.some((o) => o.kind === 'person' && o.start === j)) return [];
    if (mentions.some((o) => o.kind !== 'person' && o.start <= j && j < o.end)) named.add(tokens[j]!);
    phrase.push(tokens[j]!);
  }
  const words = phrase.map(lower);
  if (['and', 'or', 'but', 'who', 'which', 'while', 'whose'].includes(words[0] ?? '')) return [];
  let skip = 0;
  if (['a', 'an', 'the'].includes(words[0] ?? '')) skip = 1;
  else if (['another', 'one'].includes(words[0] ?? '') && words[1] === 'of')
    skip = words[2] === 'the' ? 3 : 2;
  const head = phrase.findIndex((t, i) => i >= skip && isHead(t));
  if (head < 0 || head > skip + 5) return [];
  if (!phrase.slice(skip, head).every((t) => roleWord(t) || t.possessive || named.has(t))) return [];
  return phrase.slice(skip);
}

function render(tokens: Token[]): string {
  return tokens
    .map((t) => t.text.replace(/’/g, "'").replace(/^then-/i, ''))
    .filter((w) => !PRONOUNS.has(w.toLowerCase()))
    .join(' ')
    .replace(/\bfellows\b/, 'fellow')
    .replace(/^now /i, '')
    .trim();
}

function affiliationOf(tokens: Token[]): string | null {
  for (const t of tokens) {
    const place = lookupPlace(t.bare);
    if (place?.kind === 'country') return place.name;
  }
  for (const t of tokens) {
    const org = lookupOrg(t.bare);
    if (org) return org;
  }
  return null;
}

/** "the resignation of his chief of staff, X" or "X resigned": the role is over. */
function resignedBefore(sentence: string, tokens: Token[], m: Mention): boolean {
  if (!RESIGNATION.test(sentence)) return false;
  const near = tokens.slice(Math.max(0, m.start - 8), Math.min(tokens.length, m.end + 3));
  return near.some((t) => RESIGNATION.test(t.text) || /^(stepped|step)$/.test(t.text));
}

/** Roles the sentence gives this person, from titles before and appositions after the name. */
export function findRoles(sentence: string, tokens: Token[], m: Mention, mentions: Mention[]): FoundRole[] {
  const found: FoundRole[] = [];
  const resigned = resignedBefore(sentence, tokens, m);
  for (const span of [roleBefore(tokens, m, mentions), roleAfter(tokens, m, mentions)]) {
    if (!span.length) continue;
    let role = render(span);
    if (!role || HONORIFICS.has(role.toLowerCase())) continue;
    const past = span.some((t) => /^(then|ex)-|^former$/i.test(t.text)) || resigned;
    if (past && !/^former\b/i.test(role)) role = `former ${role}`;
    found.push({ role, past, affiliation: affiliationOf(span) });
  }
  return found;
}
