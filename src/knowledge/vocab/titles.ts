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
  emissary liaison counsel counsellor counselor`
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
  international regional the and for european eurasian now new`
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
  Councilwoman Councillor Councilor Congressman Congresswoman Assemblyman Assemblywoman Delegate Del.`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics are dropped from names and are not roles by themselves. */
export const HONORIFICS = new Set('sir dame lord lady mr mrs ms dr prof'.split(' '));

export function isTitleWord(token: string): boolean {
  // "Gov.-elect", "Minister-designate": the title of someone about to take office.
  const base = token.replace(/-(elect|designate)$/i, '');
  return TITLE_WORDS.has(base) || TITLE_WORDS.has(base.replace(/\.$/, ''));
}
