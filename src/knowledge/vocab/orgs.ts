// General vocabulary of organisation names and name endings: international institutions, seats of
// government, news agencies. Not specific to any article.

/** Well-known institutions with their common short forms: [canonical, ...aliases]. */
const KNOWN_ORGS: string[][] = [
  ['NATO', 'Nato', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'],
  ['European Union', 'EU', 'E.U.'],
  ['European Commission'],
  ['European Council'],
  ['European Parliament'],
  ['United Nations', 'UN', 'U.N.'],
  ['UN Security Council', 'Security Council'],
  ['Kremlin'],
  ['White House'],
  ['Pentagon'],
  ['State Department'],
  ['Downing Street'],
  ['Elysee', 'Élysée', 'Elysee Palace'],
  ['G7', 'G-7'],
  ['G20', 'G-20'],
  ['OSCE'],
  ['IAEA'],
  ['IMF', 'International Monetary Fund'],
  ['World Bank'],
  ['WHO', 'World Health Organization'],
  ['OPEC'],
  ['African Union'],
  ['Arab League'],
  ['ASEAN'],
  ['International Criminal Court', 'ICC'],
  ['Red Cross', 'ICRC'],
  ['CIA'],
  ['FBI'],
  ['FSB'],
  ['SBU'],
  ['Hamas'],
  ['Hezbollah'],
  ['Taliban'],
  ['Reuters'],
  ['Associated Press', 'AP'],
  ['AFP', 'Agence France-Presse'],
  ['Bloomberg'],
  ['CNN'],
  ['BBC'],
  ['Axios'],
  ['Politico'],
  ['ABC News'],
  ['NBC News'],
  ['CBS News'],
  ['Fox News'],
  ['Al Jazeera'],
  ['TASS'],
  ['RIA Novosti'],
  ['Interfax'],
  ['Ukrinform'],
  ['The New York Times', 'New York Times'],
  ['The Washington Post', 'Washington Post'],
  ['The Wall Street Journal', 'Wall Street Journal'],
  ['Financial Times'],
  ['The Guardian'],
  ['The Economist'],
];

/** Last words that make a capitalised phrase an organisation: "Atlantic Council", "Space Force". */
export const ORG_SUFFIXES = new Set(
  `Council Ministry Agency Forum Coalition Party Commission Center Centre Institute Union Office Department
  Force Forces Parliament Assembly Bank Fund Group Committee Organization Organisation Foundation University
  Service Court Government Administration Alliance Association Federation Corporation Company Inc Ltd LLC
  Corp Network Times Post News Journal Tribune Herald Press Guard Navy Duma Rada Senate Congress Cabinet
  Secretariat Board Bureau Authority Directorate Movement Front Society Club League Conference Summit
  Initiative Program Programme Mission Brigade Battalion Regiment Command Caucus Desk Republic Kingdom
  Emirate Emirates Sultanate Principality Caliphate Team Images
  Operations`
    .split(/\s+/)
    .filter(Boolean),
);

/** Suffixes that can head "X of (the) Y" names: "Coalition of the Willing", "Ministry of Defence". */
export const OF_HEADS = new Set(
  'Coalition Ministry Council Department Office Union League Bank Court Commission Committee Federation Republic Kingdom Emirate Sultanate'.split(
    ' ',
  ),
);

const orgByKey = new Map<string, { name: string; acronym: boolean }>();
for (const [name, ...aliases] of KNOWN_ORGS) {
  for (const a of [name!, ...aliases]) {
    orgByKey.set(a.toLowerCase().replace(/\./g, ''), {
      name: name!,
      acronym: /^[A-Z0-9.-]+$/.test(a) && a.length <= 6,
    });
  }
}

/** Canonical name of a known organisation; acronyms match only in capitals ("WHO", not "Who"). */
export function lookupOrg(surface: string): string | undefined {
  const hit = orgByKey.get(surface.toLowerCase().replace(/\./g, ''));
  if (!hit) return undefined;
  if (hit.acronym && surface !== surface.toUpperCase() && surface !== 'Nato') return undefined;
  return hit.name;
}

export const MAX_ORG_WORDS = 5;

/** Known news agencies, broadcasters and papers (the media entries of the list above). */
const MEDIA_NAMES = new Set(
  `Reuters|Associated Press|AFP|Bloomberg|CNN|BBC|Axios|Politico|ABC News|NBC News|CBS News|Fox News|Al Jazeera|TASS|RIA Novosti|Interfax|Ukrinform|The New York Times|The Washington Post|The Wall Street Journal|Financial Times|The Guardian|The Economist`.split(
    '|',
  ),
);

/** Last words of media names: "Dunya News", "Kashmir Media Service", "Getty Images". */
const MEDIA_ENDINGS =
  /\b(News|Times|Post|Journal|Tribune|Herald|Gazette|Telegraph|Chronicle|Images|Television|TV|Radio|Broadcasting|Media|Media Service|News Agency|Press Agency|Newswire|Wire)$/;

/** A news agency, paper, broadcaster or photo agency: a source of the news, not an actor in it. */
export function isMedia(name: string): boolean {
  return MEDIA_NAMES.has(name) || MEDIA_ENDINGS.test(name);
}
