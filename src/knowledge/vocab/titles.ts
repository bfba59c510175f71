// General vocabulary of titles, honorifics and role words used in news writing.

/** Words that head a role: "special envoy", "foreign minister", "son-in-law". */
export const ROLE_HEADS = new Set(
  `president vice-president secretary minister chancellor envoy adviser advisor aide spokesman spokeswoman
  spokesperson chief head ambassador fellow fellows director commander general governor mayor senator
  representative diplomat negotiator leader premier king queen prince princess son-in-law daughter-in-law
  son daughter wife husband brother sister chairman chairwoman chair ceo founder analyst expert lawyer
  judge prosecutor reporter correspondent editor commissioner speaker deputy ombudsman admiral colonel
  general lieutenant officer official mediator pope cardinal sheikh emir prime-minister secretary-general
  coordinator strategist economist professor researcher scholar chancellor attorney treasurer marshal
  emissary liaison counsel counsellor counselor chairperson justice secretary-general
  representative spokesman seal veteran candidate contender`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lowercase words that may sit inside a role phrase before its head. */
export const ROLE_MODIFIERS = new Set(
  `special senior top former first second third deputy vice assistant acting interim foreign policy national
  security military intelligence defence defense army navy presidential prime chief of staff state delegation
  lead non-resident executive economic finance trade justice interior energy health affairs general press
  communications peace longtime long-time close key veteran retired outgoing incoming current sitting
  opposition party cabinet government armed forces foreign-policy national-security white house principal
  political spy deputy-head climate development nuclear commerce treasury homeland legal public domestic
  international regional the and for european eurasian now new crown personal diplomatic external
  unification homeland chief-of special-missions missions department deputy-department field navy`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that are titles or honorifics when they precede a name. */
export const TITLE_WORDS = new Set(
  `President Vice Secretary Minister Chancellor Envoy Special Ambassador Sir Dame Lord Lady Mr Mr. Mrs Mrs. Ms
  Ms. Dr Dr. Prof Prof. Professor Gen Gen. General Adm Adm. Admiral Col Col. Colonel Lt Lt. Maj Maj. Capt
  Capt. Sgt Sen Sen. Senator Rep Rep. Representative Gov Gov. Governor Mayor Speaker King Queen Prince
  Princess Pope Sheikh Emir Premier Prime Foreign Deputy First Chief Head Director Commissioner Chairman
  Chairwoman Chair Spokesman Spokeswoman Spokesperson Adviser Advisor Aide Army Defence Defense Interior
  Justice Finance Trade Energy Health State Staff Senior Assistant Acting Interim Former Judge Justice Leader
  Marshal Commander Security National Intelligence Military Presidential Delegation Press Secretary-General
  Vice-President Deputy-Head Top Counsellor Counselor Attorney Treasurer Mr.President Then Author Counsel
  Sheriff Detective Officer Pastor Rev Rev. Reverend Rabbi Imam Bishop Archbishop Coach Dean Councilman
  Councilwoman Councillor Councilor Congressman Congresswoman Assemblyman Assemblywoman Delegate Del.
  Crown Field Minister-President Chief-of-Staff PM FM VP DPM EAM NSA COAS MP MEP CEO`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics are dropped from names and are not roles by themselves. */
export const HONORIFICS = new Set(
  `sir dame lord lady mr mrs ms dr prof sheikh sheikha shaikh sayyid sayyed seyyed sayed syed sayyida emir
  amir his her majesty highness excellency royal h.e hrh datuk dato datin seri tun haji hajji hajja
  ayatollah hojatoleslam maulana mullah`
    .split(/\s+/)
    .filter(Boolean),
);

/** Pairs that are honorifics together, though each word alone may be a name: "Tan Sri", "H E". */
const HONORIFIC_PAIRS = new Set(['tan sri', 'dato sri', 'datuk sri', 'h e', 'his majesty', 'his highness']);

/** Number of tokens an honorific at i takes ("Sheikh" 1, "Tan Sri" 2, "Dato' Seri" 2), or 0. */
export function isHonorific(tokens: { text: string; bare: string; punct: boolean }[], i: number): number {
  const t = tokens[i];
  if (!t || t.punct) return 0;
  const word = t.bare.toLowerCase().replace(/['’.]$/, '');
  const next = tokens[i + 1];
  if (next && !next.punct && HONORIFIC_PAIRS.has(`${word} ${next.bare.toLowerCase()}`)) return 2;
  if (!/^\p{Lu}/u.test(t.bare) || !HONORIFICS.has(word)) return 0;
  // "his" and "her" only open "His Majesty", "Her Excellency".
  return word === 'his' || word === 'her' ? 0 : 1;
}

/**
 * Title words that are adjectives of office: before a single word they make it no person's name
 * ("Presidential Palace", "National Museum", "Military Operations").
 */
export const TITLE_ADJECTIVES = new Set(
  `Presidential National Security Military Intelligence Public Foreign Special Senior Interim Acting Former
  Top First Prime Vice Army Defence Defense Interior Justice Finance Trade Energy Health State Press
  Delegation Staff Then Deputy Crown Field Assistant Royal`
    .split(/\s+/)
    .filter(Boolean),
);

export function isTitleWord(token: string): boolean {
  // "Gov.-elect", "Minister-designate": the title of someone about to take office.
  const base = token.replace(/-(elect|designate)$/i, '');
  return TITLE_WORDS.has(base) || TITLE_WORDS.has(base.replace(/\.$/, ''));
}
