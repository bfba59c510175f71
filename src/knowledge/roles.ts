import type { Mention } from './mentions.ts';
import { bodyHeadedBy, bodyLedBy, countryAfterName, pronounOwner } from './role-owners.ts';
import type { Token } from './text.ts';
import { lookupOrg } from './vocab/orgs.ts';
import { countryOfWord, lookupPlace } from './vocab/places.ts';
import { HONORIFICS, isHonorific, isTitleWord, ROLE_HEADS, ROLE_MODIFIERS } from './vocab/titles.ts';

export interface FoundRole {
  role: string;
  /** The text says the role is over ("then-", "former", a resignation). */
  past: boolean;
  affiliation: string | null;
}

const STOP_APPOSITION = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”']);
const PRONOUNS = new Set(['his', 'her', 'their', 'its']);
/** Prepositions inside a role phrase: "special envoy for Lebanon", "ambassador in Beirut". */
const ROLE_PREPOSITIONS = new Set(['of', 'for', 'in', 'to', 'at', 'on']);
/** Lowercase adjectives before a role head: "diplomatic adviser", "powerful sister", "personal envoy". */
const ADJECTIVE = /^\p{Ll}+(al|ic|ive|ful|ent|ant|ary|ous|ian|ese|ish|ed)$/u;
/** Verbs that give a role: "X was appointed head of ...", "X, who was named envoy", "X was sworn in as". */
const ROLE_VERBS =
  /^(appointed|named|elected|sworn|installed|nominated|designated|confirmed|chosen|promoted|reappointed|re-elected|serves|served|serving)$/;
const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'was',
  'is',
  'been',
  'were',
  'be',
  'being',
  'will',
  'would',
  'who',
  'also',
  'newly',
  'later',
]);
const RESIGNATION =
  /\b(resign(?:ed|s|ation)?|stepped down|step down|was (?:dismissed|fired|sacked|ousted)|quit)\b/i;

const lower = (t: Token) => t.bare.toLowerCase();
const headWord = (w: string) => w.replace(/^(then|ex)-/, '');
const isHead = (t: Token) =>
  ROLE_HEADS.has(headWord(lower(t))) || ROLE_HEADS.has(singular(headWord(lower(t))));
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
const inMention = (mentions: Mention[], j: number, kind?: 'person') =>
  mentions.find((o) => o.start <= j && j < o.end && (kind ? o.kind === kind : o.kind !== 'person'));

function roleWord(t: Token): boolean {
  if (t.punct) return false;
  const w = lower(t).replace(/^(then|ex)-/, '');
  if (ROLE_HEADS.has(w) || ROLE_HEADS.has(singular(w)) || ROLE_MODIFIERS.has(w) || PRONOUNS.has(w))
    return true;
  if (!t.capitalised) return false;
  return (
    isTitleWord(t.bare) || !!lookupPlace(t.bare) || !!lookupOrg(t.bare) || /^[A-Z]\.?[A-Z]\.?$/.test(t.bare)
  );
}

/** "(NSA)" or "(TRNC)" between a title and what it names. */
const acronymInParens = (tokens: Token[], j: number) =>
  tokens[j]?.text === ')' &&
  tokens[j - 2]?.text === '(' &&
  /^[A-Z][A-Z.]{1,6}$/.test(tokens[j - 1]?.text ?? '');

/** The name is closed after it, as an apposition is: "the envoy, X, said", "according to the envoy, X." */
const closedAfter = (tokens: Token[], m: Mention) =>
  m.end >= tokens.length || [',', ')', ';', 'and', '—', '–'].includes(tokens[m.end]!.text);

/** Title words before the name: "U.S. Army Secretary", "Kremlin aide", "the envoy for Lebanon, X,". */
function roleBefore(tokens: Token[], m: Mention, mentions: Mention[]): Token[] {
  let j = m.start - 1;
  // "Foreign Minister Sayyid Badr ...": the honorific sits between the title and the name.
  while (j > 0 && isHonorific(tokens, j) === 1) j--;
  const comma = tokens[j]?.text === ',' && closedAfter(tokens, m);
  if (comma) j--;
  else if (acronymInParens(tokens, j)) j -= 3;
  const picked: Token[] = [];
  while (j >= 0) {
    const t = tokens[j]!;
    if (acronymInParens(tokens, j)) {
      j -= 3;
      continue;
    }
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
    // "sister of Chilean leader X": the title after "of" is X's; what comes before it is someone else's.
    const owner = lower(picked[0] ?? t) === 'the' ? picked[1] : picked[0];
    if (['of', 'to'].includes(t.text) && picked.some(isHead) && owner && countryOf(owner)) break;
    const inside = comma && (ROLE_PREPOSITIONS.has(t.text) || ADJECTIVE.test(t.text)) && picked.length > 0;
    if (!roleWord(t) && !inside) {
      // "Houthi Prime Minister X": a capitalised word before the title names whom it serves (not the
      // sentence's first word, which any word may be).
      if (qualifies(tokens, j, picked, mentions)) picked.unshift(t);
      break;
    }
    picked.unshift(t);
    j--;
  }
  while (
    picked.length &&
    ['of', 'the', 'and', 'for', 'a', 'an', 'in', 'to', 'at', 'on'].includes(lower(picked[0]!))
  )
    picked.shift();
  while (picked.length && HONORIFICS.has(lower(picked[picked.length - 1]!).replace(/\.$/, ''))) picked.pop();
  // "Foreign Minister Prince X": a rank of birth after an office is part of the name's styling.
  if (/^(prince|princess)$/.test(lower(picked.at(-1) ?? tokens[0]!)) && picked.slice(0, -1).some(isHead))
    picked.pop();
  return picked.some(isHead) ? picked : [];
}

/**
 * A role phrase from `from`: words of office up to a head ("acting prime minister"), then what it is
 * of or for ("head of the Houthi Revolutionary Committee"). Empty when no head comes soon.
 */
function rolePhraseAt(tokens: Token[], from: number, mentions: Mention[], max = 16): Token[] {
  const phrase: Token[] = [];
  let head = -1;
  for (let j = from; j < tokens.length && phrase.length < max; j++) {
    const t = tokens[j]!;
    const person = inMention(mentions, j, 'person');
    // A lone capitalised word is no one yet ("the Belgrade-Pristina Dialogue").
    if (STOP_APPOSITION.has(t.text) || (person && !(person.surnameOnly && !person.titled))) break;
    if (head < 0 && phrase.length > 6) return [];
    phrase.push(t);
    if (head < 0 && isHead(t)) head = phrase.length - 1;
  }
  // "X, officials said": an apposition to one person names one role.
  if (head < 0 || pluralHead(phrase[head]!)) return [];
  let skip = 0;
  const words = phrase.map(lower);
  if (['a', 'an', 'the'].includes(words[0] ?? '')) skip = 1;
  else if (['another', 'one'].includes(words[0] ?? '') && words[1] === 'of')
    skip = words[2] === 'the' ? 3 : 2;
  const before = phrase.slice(skip, head);
  const named = (t: Token) => !!inMention(mentions, from + phrase.indexOf(t));
  if (!before.every((t) => roleWord(t) || t.possessive || ADJECTIVE.test(t.text) || named(t))) return [];
  // After the head, keep "of/for/to <what>" while it names something; stop at a verb or a date.
  let end = head + 1;
  while (end < phrase.length) {
    const t = phrase[end]!;
    if (ROLE_PREPOSITIONS.has(t.text) || t.text === 'the' || t.text === 'and') {
      const next = phrase[end + 1];
      if (!next || (!next.capitalised && !roleWord(next) && !next.possessive && next.text !== 'the')) break;
    } else if (!t.capitalised && !roleWord(t) && !t.possessive) {
      // An adjective after the head only when it goes with a noun after it ("minister denied it" ends).
      const next = phrase[end + 1];
      if (!ADJECTIVE.test(t.text) || !next || (!next.capitalised && !roleWord(next))) break;
    } else if (/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(t.text)) break;
    end++;
  }
  while (
    end > head + 1 &&
    ['of', 'for', 'to', 'the', 'and', 'in', 'at', 'on'].includes(lower(phrase[end - 1]!))
  )
    end--;
  return phrase.slice(skip, end);
}

/** An apposition after the name: "Rustem Umerov, head of ...", "X, a senior fellow at ...". */
function roleAfter(tokens: Token[], m: Mention, mentions: Mention[]): Token[] {
  if (m.possessive || m.surnameOnly || tokens[m.end]?.text !== ',') return [];
  const first = lower(tokens[m.end + 1] ?? tokens[m.end]!);
  if (['and', 'or', 'but', 'who', 'which', 'while', 'whose'].includes(first)) return [];
  const phrase = rolePhraseAt(tokens, m.end + 1, mentions);
  // "In a call with X, the minister said": no closing comma, so the title is the subject, not X's.
  const after = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
  // "A, Turkish Foreign Minister B, and C": a title right before a name is that name's, not A's;
  // unless a preposition makes it the object ("A, the sister of leader B", "A, adviser to President B").
  const head = phrase.findIndex(isHead);
  const linked = phrase.slice(head + 1).some((t) => ROLE_PREPOSITIONS.has(t.text));
  if (inMention(mentions, after, 'person') && !linked) return [];
  return !phrase.length || closesApposition(tokens[after]) ? phrase : [];
}

const APPOSITION_GOES_ON = new Set(['and', 'who', 'whose', 'which', 'since', 'until', 'before', 'after']);
const closesApposition = (next: Token | undefined) =>
  !next || next.punct || next.capitalised || APPOSITION_GOES_ON.has(next.text);

/** A role given by a verb or "as": "X was appointed acting prime minister", "X, who was named head of". */
function roleByVerb(tokens: Token[], m: Mention, mentions: Mention[]): Token[] {
  let j = m.end;
  if (tokens[j]?.text === ',') j++;
  let verb = false;
  while (j < tokens.length && AUXILIARIES.has(lower(tokens[j]!))) j++;
  if (ROLE_VERBS.test(lower(tokens[j] ?? tokens[0]!))) {
    verb = true;
    j++;
    if (tokens[j]?.text === 'in') j++;
  }
  if (tokens[j]?.text === 'as') j++;
  else if (!verb) return [];
  return rolePhraseAt(tokens, j, mentions, 12);
}

/** The people of a list the name belongs to ("the chief negotiators of A and B, X and Y"). */
function listAround(tokens: Token[], m: Mention, mentions: Mention[]): Mention[] {
  const people = mentions.filter((o) => o.kind === 'person');
  const list = [m];
  for (let o = people.indexOf(m) - 1; o >= 0; o--) {
    const gap = tokens.slice(people[o]!.end, list[0]!.start).map((t) => t.text);
    if (!(gap.length === 1 && [',', 'and'].includes(gap[0]!)) && gap.join(' ') !== ', and') break;
    list.unshift(people[o]!);
  }
  return list;
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

const countryOf = (t: Token) => countryOfWord(t.bare);

/** An acronym before a job noun names the employer: "NOS reporter", "IMF economist". */
const ACRONYM = /^[A-Z]{2,6}$/;

/** A capitalised qualifier right before a title: a group or body the text names by one word. */
function qualifies(tokens: Token[], j: number, picked: Token[], mentions: Mention[]): boolean {
  const t = tokens[j]!;
  const first = tokens.findIndex((x) => !x.punct);
  return (
    j > first &&
    t.capitalised &&
    !t.punct &&
    !t.possessive &&
    picked.length > 0 &&
    (isTitleWord(picked[0]!.bare) || (ACRONYM.test(t.bare) && isHead(picked[0]!))) &&
    !inMention(mentions, j, 'person') &&
    !/^(The|A|An|And|But|Or|If|As|In|On|At|By)$/.test(t.text)
  );
}

function affiliationOf(tokens: Token[], mentions: Mention[], all: Token[]): string | null {
  for (const t of tokens) {
    const country = countryOf(t);
    if (country) return country;
  }
  for (const t of tokens) {
    const org = lookupOrg(t.bare) ?? inMention(mentions, all.indexOf(t))?.name;
    if (org && inMention(mentions, all.indexOf(t))?.kind !== 'place') return org;
  }
  // A one-word qualifier before the title ("Houthi Prime Minister").
  const first = tokens[0];
  return first &&
    tokens.length > 1 &&
    first.capitalised &&
    !isTitleWord(first.bare) &&
    !ROLE_MODIFIERS.has(lower(first)) &&
    (isTitleWord(tokens[1]!.bare) || ACRONYM.test(first.bare))
    ? first.bare
    : null;
}

const startsName = (next: Token | undefined) =>
  !!next && next.capitalised && !next.punct && !isTitleWord(next.bare) && !lookupPlace(next.bare);

/** Token indexes of the appositions that describe other people before `m` ("Y, the US Army Secretary,"). */
function othersAppositions(tokens: Token[], m: Mention, mentions: Mention[]): Set<number> {
  const inside = new Set<number>();
  for (const p of mentions) {
    if (p === m || p.kind !== 'person' || p.end >= m.start || tokens[p.end]?.text !== ',') continue;
    for (let i = p.end + 1; i < m.start && tokens[i]!.text !== ','; i++) inside.add(i);
  }
  return inside;
}

/**
 * The only country a sentence names before the person ("On the Indian side, Foreign Secretary X"):
 * one named after ("X met his US counterpart") is someone else's, and so is one in another person's
 * apposition ("Y, the US Army Secretary, met President X").
 */
function onlyCountry(tokens: Token[], m: Mention, mentions: Mention[]): string | null {
  const others = othersAppositions(tokens, m, mentions);
  const countries = new Set(
    tokens
      .slice(0, m.start)
      // "Sudan Tribune", "Syria Times": a country word that starts a longer name is not the country.
      .map((t, i) => (t.capitalised && !startsName(tokens[i + 1]) && !others.has(i) ? countryOf(t) : null))
      .filter((c) => c !== null),
  );
  return countries.size === 1 ? [...countries][0]! : null;
}

/** "the resignation of his chief of staff, X" or "X resigned": the role is over. */
function resignedBefore(sentence: string, tokens: Token[], m: Mention): boolean {
  if (!RESIGNATION.test(sentence)) return false;
  const near = tokens.slice(Math.max(0, m.start - 8), Math.min(tokens.length, m.end + 3));
  return near.some((t) => RESIGNATION.test(t.text) || /^(stepped|step)$/.test(t.text));
}

const singularText = (w: string) => (/ies$/i.test(w) ? w.replace(/ies$/i, 'y') : w.replace(/s$/i, ''));
const pluralHead = (t: Token) => !ROLE_HEADS.has(lower(t)) && ROLE_HEADS.has(singular(lower(t)));

/** One role from a span; "chief negotiators" given to each of a list is "chief negotiator". */
function roleFrom(span: Token[]): string {
  return render(span.map((t) => (pluralHead(t) ? { ...t, text: singularText(t.text) } : t)));
}

/** Roles the sentence gives this person, from titles before and appositions after the name. */
export function findRoles(sentence: string, tokens: Token[], m: Mention, mentions: Mention[]): FoundRole[] {
  const found: FoundRole[] = [];
  const resigned = resignedBefore(sentence, tokens, m);
  const list = listAround(tokens, m, mentions);
  const shared = roleBefore(tokens, list[0]!, mentions);
  // A title before a list is everyone's only when it is plural ("the chief negotiators, X and Y").
  const before = list[0] === m || shared.some(pluralHead) ? shared : [];
  const spans: [Token[], boolean][] = [
    [before, list.length > 1 && before.some(pluralHead)],
    [roleAfter(tokens, m, mentions), false],
    [roleByVerb(tokens, m, mentions), false],
  ];
  const fallback = countryAfterName(tokens, m, mentions) ?? onlyCountry(tokens, m, mentions);
  for (const [span, fromList] of spans) {
    if (!span.length) continue;
    let role = roleFrom(span);
    if (!role || HONORIFICS.has(role.toLowerCase())) continue;
    const past = span.some((t) => /^(then|ex)-|^former$/i.test(t.text)) || resigned;
    if (past && !/^former\b/i.test(role)) role = `former ${role}`;
    // "the chief negotiators of Serbia and Kosovo, X and Y": each their own country, in order.
    const countries = span.map(countryOf).filter((c) => c !== null);
    const respective = fromList && countries.length === list.length ? countries[list.indexOf(m)]! : null;
    const owner = pronounOwner(tokens, tokens.indexOf(span[0]!), mentions);
    found.push({
      role,
      past,
      affiliation: respective ?? owner ?? affiliationOf(span, mentions, tokens) ?? fallback,
    });
  }
  const led = bodyLedBy(tokens, m, mentions) ?? bodyHeadedBy(tokens, m);
  if (led) found.push({ role: led.role, past: resigned, affiliation: led.affiliation ?? fallback });
  return found;
}

/** A title the text gives without a name: "the U.S. special envoy to Sudan revealed ...". */
export interface UnnamedTitle {
  /** The title's words up to its head, lowercase: "special envoy". */
  title: string;
  country: string;
}

/**
 * Titles of a sentence that name no one: "the <country> <title>" not followed by a name. A later
 * "Special Envoy X" with no country of their own is the same office ("the envoy" is a definite
 * description of one person). Only compound titles: one-word ones ("president") fit too many.
 */
export function unnamedTitles(tokens: Token[], mentions: Mention[]): UnnamedTitle[] {
  const out: UnnamedTitle[] = [];
  tokens.forEach((t, j) => {
    const country = tokens[j + 1] ? countryOf(tokens[j + 1]!) : null;
    if (lower(t) !== 'the' || !country) return;
    const phrase = rolePhraseAt(tokens, j + 1, mentions);
    const head = phrase.findIndex(isHead);
    if (head < 0) return;
    let after = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
    if (tokens[after]?.text === ',') after++;
    if (inMention(mentions, after, 'person')) return;
    const words = phrase.slice(0, head + 1).filter((w) => !countryOf(w));
    // "the US president": a bare title is every country's, and many holders meet in one story.
    if (words.length >= 2) out.push({ title: words.map(lower).join(' '), country });
  });
  return out;
}
