// Capitalised words that are not names: calendar words, function words that start sentences, and
// common nouns that appear capitalised in headings and proper phrases.

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
export const MONTH_ABBR = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/**
 * Party words: "Republican Ed Gillespie", "New Jersey Democrat". They qualify a name (and are no
 * part of it) or, at its end, make the phrase a description of someone rather than a name.
 */
export const PARTY_WORDS = new Set(
  `democrat democrats democratic republican republicans gop conservative conservatives tory tories labour
  liberal liberals socialist socialists communist communists libertarian`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Last words that make a capitalised phrase a place or venue: "Jefferson City", "Cook County", "Opera
 * House", "Presidential Palace". Words that are also common surnames (Hall, Park, Church, Bay) are not
 * among them.
 */
export const VENUE_WORDS = new Set(
  `city county house street avenue square airport station stadium arena museum theatre theater hospital
  school college cathedral mosque synagogue palace island islands river mountains valley beach province
  state region district township library strait canal sea seas peninsula resort hotel centre center
  headquarters compound`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Last words that make a capitalised phrase a place, venue, document, body or team rather than a
 * person: "Jefferson City", "Opera House", "Abraham Accords", "Dundee United".
 */
export const NOT_PERSON_LAST = new Set([
  ...VENUE_WORDS,
  ...`services control index united rovers wanderers athletic hotspur declaration accords accord memorandum
  agreement treaty protocol charter communique waters brotherhood affairs offices persons resistance images
  aggression social media team republic kingdom emirate emirates sultanate people peoples`
    .split(/\s+/)
    .filter(Boolean),
]);

/**
 * Lowercase nouns that class the name next to them as a group or a place, never a person: "the criminal
 * organisation X", "X members", "the X strait". Nouns used of a person's followers ("X supporters",
 * "X fighters") are not among them.
 */
export const BODY_NOUNS_BEFORE = new Set(
  `organization organisation group gang cartel militia movement faction network company firm outlet newspaper
  broadcaster channel coalition alliance agency party`
    .split(/\s+/)
    .filter(Boolean),
);
export const BODY_NOUNS_AFTER = new Set('members gang cartel militia strait canal'.split(' '));
/** Heads of a body: what follows "leader of" is a group or a place ("the leader of X"). */
export const LEADS_A_BODY = new Set(
  'leader leaders head member members founder founders commander chairman chairwoman'.split(' '),
);

/** Job nouns that, alone and capitalised ("Editor's note"), are no one's name. */
export const JOB_NOUNS = new Set(
  `editor editors reporter correspondent analyst expert lawyer official officials officer spokesman spokeswoman
  spokesperson aide adviser advisor director economist professor researcher scholar negotiator mediator
  diplomat senator governor mayor minister president secretary ambassador envoy`
    .split(/\s+/)
    .filter(Boolean),
);

/** First words that make a capitalised phrase a storm or an operation: "Hurricane Katrina". */
export const NOT_PERSON_FIRST = new Set('hurricane typhoon cyclone storm tropical operation'.split(' '));

/** Words that never make a person's name, whatever their case. */
export const NON_NAME_WORDS = new Set(
  `the a an this that these those there their they them then than when where what which who whom whose why how
  it its is are was were be been being has have had do does did will would shall should can could may might
  must and or but nor so yet for of in on at by to from with without within into onto over under after before
  during since until while as if because although though despite amid amidst following according given
  meanwhile however still even also only just already separately notably initially earlier later recently
  today yesterday tomorrow tonight all any some many much more most several few each every both either
  neither no not none one two three four five six seven eight nine ten first second third last next new old
  other another such same own our ours we us you your he she his her him i me my mine
  north south east west northern southern eastern western central atlantic pacific arctic sea ocean gulf
  treaty accord plan peace deal war day week month year news world economic business personal finance app
  article section chapter page comments comment reply share listen watch read more video photo image
  breaking live update updates analysis opinion editorial subscribe newsletter sign login register menu
  home search privacy policy terms cookies contact about company copyright rights reserved advertisement
  fact checker verify source sources independent line contact big high-stakes stakes diplomacy path forward
  hope uncertainty challenges vision key elements territory security guarantees response details
  minority majority
  people supreme republic kingdom emirate declaration memorandum accords
  christmas easter thanksgiving eid new year's holiday spring summer autumn fall winter
  god lord allah internet facebook twitter instagram telegram youtube tiktok x`
    .split(/\s+/)
    .filter(Boolean),
);
