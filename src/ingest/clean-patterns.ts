import type { Block } from './clean-blocks.ts';

// Page furniture in the style of many outlets. Each pattern names why a block goes.

const PLAYER =
  /^(listen( to)?( this| the)? (article|story|podcast|audio)|play( audio| article)?|pause|audio( version)?|\d+ min(ute)?s? (read|listen)|(\d{1,2}:)?\d{1,2}:\d{2}( ?\/ ?(\d{1,2}:)?\d{1,2}:\d{2})?|\d+(\.\d+)?x)$/i;
const SHARE =
  /^((share|tweet|email|print|copy link|save|bookmark)( (this|the) (article|story|page))?|share on \w+( share on \w+)*|follow us( on \w+)?|advertisement|sponsored( content)?|skip (to|ad).*)$/i;
const RELATED =
  /^(related( articles?| stories| coverage| news)?|(also )?read (more|also|next)|also read|see also|more from [\w ]+|recommended( for you)?|you (may|might) also like|most (read|popular)|trending( now)?)\b[: ]?.{0,120}$|^(also )?read\s*[:|]\s*\S.{0,120}$/i;
const COMMENT_HEADER =
  /^(\d+|no|one|two|three)\s+(comments?|replies|responses|thoughts on .*)$|^(comments?( \(\d+\))?|leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)|what do you think\??|reader comments|discussion|cancel reply)$/i;
const COMMENT_FORM =
  /^(leave a (reply|comment)|post a comment|add a comment|cancel reply|your email address will not be published.*)$/i;
/** "Jane Doe on", "— Jane Doe on 3 May 2025", "2. Jane Doe says:" */
const COMMENTER =
  /^(\d+\.\s*)?[-–—•]?\s*(\d+\.\s*)?\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+(on|says:?|said:|wrote:|replied:?)(\s+.{0,40}\d.{0,20})?$/u;
const COPYRIGHT = /(^|\s)(©|\(c\)|copyright\b)\s*(\d{4})?|all rights reserved/i;
const ADDRESS =
  /^(\d+[\w-]*\s+([\p{L}.]+\s+){0,4}(st|street|ave|avenue|rd|road|blvd|boulevard|lane|ln|way|drive|dr|suite|ste|floor)\b.*|.*\b[A-Z]{2}\s+\d{5}(-\d{4})?|p\.?o\.? box \d+.*|(usa|united states|united kingdom|uk)|(tel|phone|fax|email)[:.]?\s*\S+.*)$/iu;
const FOOTER_WORD =
  /^(company|about( us)?|contact( us)?|privacy( policy)?|terms( of (service|use))?|cookie (policy|settings)|careers|advertise( with us)?|newsletter|sitemap|faq|help|legal|imprint|disclaimer)$/i;
const ORG_LINE = /^[\p{Lu}][\p{L}&.,' -]{1,60}\b(llc|ltd|inc|gmbh|plc|corp|limited|s\.a\.|pvt)\.?$/iu;
const PROMO_CUES = [
  /\bdownload\b/i,
  /\binstall\b/i,
  /\bsubscribe\b/i,
  /\bsign up\b/i,
  /\bnewsletters?\b/i,
  /\bapp\b/i,
  /\bstay (updated|tuned|informed)\b/i,
  /\bfollow us\b/i,
  /\b(discover|get|read) the latest\b/i,
  /\bclick here\b/i,
  /\bnotifications?\b/i,
  /\bjoin (us|our)\b/i,
  /\b(this|the) (article|story|page)\b/i,
  /\breal-time\b/i,
  /^(verify|check|discover|download|subscribe|follow|sign up|get|read|join|support|try)\b/i,
];

/** Reading-interface lines that outlets put between and under paragraphs. */
const WIDGET =
  /^(skip (past|to) .{2,40}|after .{2,30} promotion|story continues (below|after) .{0,30}|continue reading( the main story| below)?|(advertisement )?scroll (down )?to continue.{0,30}|(click|tap) here( to .{2,40})?|open in (the )?app|enable (push )?notifications|turn on notifications|keep reading|show (more |all )?comments|report an? (error|typo|correction)|reuse this content|most (viewed|shared|commented|popular)( .{0,20})?|more on this (story|topic)|explore more on (these|this) topics?|topics|tags|newsletters?|support (our|independent|quality) journalism|list of \d+ items|end of list|watch\s*:.{0,80}|listen( · [\d:]+ min(utes)?)?)$/i;
/** Labels of icons and buttons saved as text: "Down Arrow Button Icon", "Short Url", "Video", "-", "+". */
const ICON_LABEL =
  /^((down|up) arrow( button)?( icon)?|button icon|send (a link )?to a friend|short ur[li]|follow|video|image|photo|bigphoto|logo|print|close|[-+])$/i;
const NETWORK =
  '(x|facebook|twitter|instagram|youtube|tiktok|whatsapp|linkedin|telegram|pinterest|kakao|naver|band|threads|reddit|email)';
/** Share buttons and social links: "X Instagram Youtube", a network name written twice ("facebookfacebook"). */
const SOCIAL_LINKS = new RegExp(
  `^((close )?newsletters?\\s*)*(${NETWORK}\\s*)+$|^(?<net>${NETWORK})\\k<net>$`,
  'i',
);
/** Time stamps of the page: "Published: 10:21, May 7, 2025 | Updated: 16:32, May 7, 2025", "Oct. 29, 2025Updated 11:17 a.m. ET". */
const STAMP_LABEL = /(published|updated|written|posted|modified)(?=\s*:|\s*on\b|\s*\d|\s*$)/i;
const STAMP_NOISE =
  /(published|updated|written|posted|modified)|\b(last|first|on|at|a\.?m|p\.?m|gmt|utc|et|est|edt|ist|bst|cet|cest|pst|msk|kst)\b|\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\d+|[|,:./·•–—-]/gi;
/** A navigation menu entry or share button of a bulleted list: "• Home", "• Fortune 500". */
const MENU_ITEM = /^[•·▪]\s*\S+(\s+\S+){0,2}$/;
/** Wire-service notes to editors and story slugs: "(ATTN: UPDATES ...)", "(2nd LD) NK leader-parliamentary meeting". */
const WIRE_NOTE =
  /^\((attn|editors?['’]? note|eds)\s*:[^)]*\)$|^\((\d+(st|nd|rd|th) )?(ld|lead|urgent|update|wrap)\)\s*.{0,60}$/i;
/** A contact line under a byline: an e-mail address, or the placeholder pages print for a hidden one. */
const CONTACT = /^[-–—]?\s*(\[email[^\]]*protected\]|\S+@\S+\.\w+)$/i;

/** News and photo agencies as pages credit them under pictures. */
const AGENCY =
  '(AP|AFP|Reuters|REUTERS|EPA(-EFE)?|Getty Images|Bloomberg|Shutterstock|Sputnik|TASS|Anadolu|Xinhua|ANI|PTI|IANS|Yonhap|KCNA|SANA|UPI|dpa|WAFA|IRNA)';
/** Credits that end a photo caption. */
const CAPTION_CREDIT = [
  // "(photo credit: REUTERS/KHALED ABDULLAH)", "(credit: Government Press Office/AFP via Getty Images)"
  /\((photo |image )?credits?\s*:[^()]{2,120}\)$/i,
  // "(AFP Photo)", "(PHOTO / AFP)"
  new RegExp(
    `\\(\\s*(photo|file)\\s*[/:]?\\s*${AGENCY}\\s*\\)$|\\(\\s*${AGENCY}\\s*(photo|/\\s*file)\\s*\\)$`,
    'i',
  ),
  // "(For Use Only in the Republic of Korea. No Redistribution)"
  /\(for use only in [^)]*\)$/i,
  // "...to protest Mr. Trump’s visit.CreditCredit...Haiyun Jiang/The New York Times"
  /Credit(Credit)?\s*\.{3}.{2,80}$/,
  // "... visits Riyadh / Photo: Reuters / Reuters"
  /\s[/|]\s*(photo|image|picture)s?\s*:.{2,60}$/i,
  // "...on March 26. File Photo by Jane Doe/Agency | License Photo"
  /(?<=[.!])\s*(file )?photo by .{2,120}$/i,
];
/** Shorter captions end with the agency or photographer alone: "(ANI)", ". AFP", "[JANE DOE]". */
const SHORT_CAPTION_CREDIT = [
  new RegExp(`\\(\\s*${AGENCY}\\s*\\)(\\s*\\([A-Z_]{2,20}\\))?$`),
  new RegExp(`(?<=[.!])\\s+${AGENCY}$`),
  /(?<=[.!])\s*\[\p{Lu}[\p{Lu} .,'’/-]{2,40}\]$/u,
];
/** Where the people in a photo stand, as only captions say it: "Nawaf Salam (R) meeting with ...". */
const PHOTO_POSITION =
  /\s\((L|R|C|left|right|centre|center|(\d(st|nd|rd|th)|second|third) (from )?(L|R|left|right))\)\s/;
/** A mark that opens a caption ("▲ This photo ..."), and a markdown image with its caption. */
const CAPTION_MARK = /^[▲▼►]\s*/;
const MARKDOWN_IMAGE = /^!\[([^\]]*)\]\(([^)]*)\)$/;
const SHORT_CAPTION_WORDS = 20;

/**
 * A photo caption's credit and markers, cut off its description: `{ kept, credit }`, or null when the
 * block is no caption. The credit is furniture; the description is the page's own statement, often
 * the only place it dates what it shows, and stays (the cleaner drops its repeats).
 */
export function captionCredit(b: Block): { kept: string; credit: string } | null {
  if (b.words > 70) return null;
  let kept = b.text;
  const credits: string[] = [];
  const cut = (m: RegExpExecArray | null, keepAfter = false): boolean => {
    if (!m) return false;
    credits.push(m[0].trim());
    kept = `${kept.slice(0, m.index)}${keepAfter ? ' ' : ''}${kept.slice(m.index + m[0].length)}`.trim();
    return true;
  };
  const image = MARKDOWN_IMAGE.exec(kept);
  if (image) {
    credits.push(image[2]!);
    kept = image[1]!.trim();
  }
  cut(CAPTION_MARK.exec(kept));
  cut(PHOTO_POSITION.exec(kept), true);
  const credited = () =>
    cut(PHOTO_CREDIT.exec(kept)) ||
    CAPTION_CREDIT.some((credit) => cut(credit.exec(kept))) ||
    ((b.words <= SHORT_CAPTION_WORDS || credits.length > 0) &&
      SHORT_CAPTION_CREDIT.some((credit) => cut(credit.exec(kept))));
  while (kept && credited());
  return credits.length ? { kept, credit: credits.join(' ') } : null;
}

const COOKIES =
  /\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b/i;
/** Republishing notes: "The post X appeared first on Y.", "This article was originally published on Z." */
const REPUBLISHED =
  /^(the post .{3,200} appeared first on .{2,80}|this (article|story|piece) (was )?(originally|first) (published|appeared) (on|in|at|by) .{2,80})$/i;
/** "Updated 3 hours ago", "2 days ago": relative timestamps say nothing once the page is stored. */
const RELATIVE_TIMESTAMP =
  /^((last )?(updated|published|posted|modified)\s*:?\s*)?(\d+|an?|one|two|three|a few) (sec(ond)?s?|min(ute)?s?|h(ou)?rs?|days?|weeks?|months?) ago$/i;
/** Tag or section lists: "Ukraine | Russia | War in Ukraine". */
const TAG_LIST = /^[^|.!?]{2,40}( \| [^|.!?]{2,40}){2,}$/;

/** "Photograph: Jane Doe/AP", "Image caption: ...", and captions ending in a credit "(AP Photo/Jane Doe)". */
const PHOTO_LABEL =
  /^(file )?(photo(graph)?|image|picture|illustration|video|caption|credit)s?( caption| credit| source)?( by)?\s*[:|]|^(image|photo|video) (caption|source|credit),/i;
const PHOTO_CREDIT =
  /\((?=[^()]*\b(photo|photograph|image|picture)\b|[^()]*\/\s*(AP|AFP|Reuters|EPA(-EFE)?|Getty Images|Bloomberg|Shutterstock|Sputnik|TASS|Anadolu|Xinhua)\b)[^()]{3,80}\)$|\bvia Getty Images\)?$/i;
/** Wire-service credits under the story: "Reporting by ...; Editing by ...", "... contributed to this report." */
const WIRE_CREDITS =
  /^\(?(additional )?(reporting|writing|research)( and [a-z]+)? by [^;]{2,80}; *(additional reporting|editing|writing)( and [a-z]+)? by|^\(?(editing|additional reporting) by\b|^\(with inputs from [^)]{2,60}\)$|\bcontributed (reporting )?to this (report|story|article)\.?\)?$/i;

// One cheap test before the individual promo cues.
const PROMO_HINT =
  /download|install|subscribe|sign up|newsletter|\bapp\b|stay (updated|tuned|informed)|follow us|latest|click here|notification|join (us|our)/i;

/** A social-media post embedded in the page: "... pic.twitter.com/x — Name (@handle) July 18, 2025". */
const EMBEDDED_POST =
  /\bpic\.twitter\.com\/\w+|[\u2014-]\s*[^()]{2,60}\(@\w{1,30}\)\s+\p{L}+\.? \d{1,2}, \d{4}$/u;

/** Reason to drop a block wherever it stands, or null. */
export function furnitureReason(b: Block): string | null {
  const t = b.text;
  if (b.words > 60) return null;
  if (b.words <= 8 && PLAYER.test(t)) return 'audio player';
  if (/^\d{1,2}:\d{2}$/.test(t)) return 'audio player';
  if (b.words <= 8 && SHARE.test(t)) return 'share/ad widget';
  if ((b.words <= 6 && ICON_LABEL.test(t)) || (b.words <= 8 && SOCIAL_LINKS.test(t)))
    return 'share/ad widget';
  if (b.words <= 3 && MENU_ITEM.test(t)) return 'menu item';
  if (b.words <= 16 && isTimeStamp(t)) return 'time stamp';
  if (b.words <= 30 && WIRE_NOTE.test(t)) return 'wire note';
  if (b.words <= 3 && CONTACT.test(t)) return 'byline';
  if (b.words <= 25 && RELATED.test(t) && !/[.!?]$/.test(t)) return 'related-links teaser';
  if (b.words <= 10 && COMMENTER.test(t)) return 'commenter name';
  if (b.words <= 12 && (WIDGET.test(t) || TAG_LIST.test(t))) return 'reading widget';
  if (b.words <= 6 && RELATIVE_TIMESTAMP.test(t)) return 'relative timestamp';
  if (b.words <= 30 && COOKIES.test(t)) return 'cookie notice';
  if (b.words <= 50 && REPUBLISHED.test(t)) return 'republishing note';
  if (b.words <= 40 && PHOTO_LABEL.test(t)) return 'photo caption or credit';
  if (b.words <= 40 && WIRE_CREDITS.test(t)) return 'wire credits';
  if (EMBEDDED_POST.test(t)) return 'embedded social-media post';
  if (b.words <= 30 && COPYRIGHT.test(t)) return 'copyright footer';
  if ((b.words <= 30 || PROMO_HINT.test(t)) && promoCues(t) >= 3)
    return 'promo (app/newsletter/fact-checker)';
  return null;
}

/** A line that only stamps the page's publication or update time. */
function isTimeStamp(t: string): boolean {
  if (!STAMP_LABEL.test(t) || !/\d/.test(t)) return false;
  return t.replace(STAMP_NOISE, ' ').trim().split(/\s+/).filter(Boolean).length <= 1;
}

/** Count of distinct promotional cues in a block. */
export const promoCues = (t: string): number => PROMO_CUES.filter((p) => p.test(t)).length;

/** Blocks that open the page's tail: after them comes no more story. */
export function tailMarkerReason(b: Block): string | null {
  if (b.words > 30) return null;
  if (b.words <= 8 && COMMENT_HEADER.test(b.text)) return 'comment thread';
  if (b.words <= 10 && COMMENTER.test(b.text)) return 'comment thread';
  if (b.words <= 30 && COPYRIGHT.test(b.text)) return 'copyright footer';
  return null;
}

/**
 * Why a block inside the tail goes (everything there goes; the reason is for diagnosis). Prose
 * after the comment form belongs to the publisher's footer rather than to a commenter.
 */
export function tailReason(b: Block, afterForm: boolean): string {
  const t = b.text;
  if (COMMENT_FORM.test(t)) return 'comment form';
  if (b.words <= 8 && COMMENT_HEADER.test(t)) return 'comment count header';
  if (b.words <= 10 && COMMENTER.test(t)) return 'commenter name';
  if (COPYRIGHT.test(t) && b.words <= 30) return 'copyright footer';
  if (b.words <= 10 && (ADDRESS.test(t) || ORG_LINE.test(t))) return 'publisher address';
  if (b.words <= 3 && FOOTER_WORD.test(t)) return 'footer navigation';
  if (promoCues(t) >= 3) return 'promo (app/newsletter/fact-checker)';
  if (!afterForm && (/^\d+\.\s/.test(t) || b.words >= 8)) return 'reader comment';
  return 'footer';
}

// "CHICAGO (AP) — ", "KYIV, Dec 1 (Reuters) - ": the agency in brackets tells it from a sentence
// that opens with an acronym ("NATO — the alliance...").
const WIRE_DATELINE =
  /^\p{Lu}[\p{Lu} .'-]{1,30}(,[^()\n]{2,30})?\s*\([^()\n]{1,25}\)\s*[\u2013\u2014-]{1,2}\s+(?=\S)/u;
/** An agency alone in brackets before the first sentence: "(MENAFN) UN Secretary-General ...". */
const AGENCY_PREFIX = /^\(\p{Lu}[\p{L}-]{1,15}\)\s*([\u2013\u2014-]{1,2}\s*)?(?=\p{Lu})/u;

/** The wire-service dateline that opens a first paragraph, or null. */
export const wireDatelineOf = (text: string): string | null =>
  (WIRE_DATELINE.exec(text) ?? AGENCY_PREFIX.exec(text))?.[0] ?? null;

const ROLE_BYLINE =
  /^(by\s+)?(admin|administrator|editor|editors|editorial (team|staff|desk)|staff( writer| reporter)?|news ?desk|newsroom|web ?desk|team|guest( author)?|contributor|webmaster)$/i;
const BYLINE = /^(by|written by|posted by|reporting by|words by)\s*:?\s*(.{2,80})$/i;
/** "Monday, October 13, 2025 by Ava Castillo": the date, then the author. */
const DATED_BYLINE = /^.{0,30}\b(?:19|20)\d{2},?\s+by\s+(\p{Lu}.{2,60})$/iu;
/** A byline written as a list entry in capitals: "- SARAH KIM". */
const CAPITALS_BYLINE = /^[-–—]\s*(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+){1,3})$/u;
/** A staff byline, its date often glued on: "By bnl editorial staff September 22, 2025". */
const STAFF_BYLINE = /^by\s+[\p{L} ]{0,30}\b(staff|desk|team|bureau|editors?|newsroom)\b/iu;
/** A line that is only a personal name (two or three capitalised words): an author above the story. */
export const NAME_LINE = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
/** A name written twice with nothing between, as screen-reader labels leave it: "Jane DoeJane Doe". */
const DOUBLED_NAME = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})\1$/u;

/** Returns {author} for a byline ("By Jane Doe"), {author: undefined} for a role byline ("Admin"). */
export function bylineOf(b: Block): { author?: string } | null {
  if (b.words > 12) return null;
  if (ROLE_BYLINE.test(b.text) || STAFF_BYLINE.test(b.text)) return {};
  const other = DATED_BYLINE.exec(b.text) ?? CAPITALS_BYLINE.exec(b.text) ?? DOUBLED_NAME.exec(b.text);
  if (other) return { author: other[1]!.trim() };
  const m = BYLINE.exec(b.text);
  if (m?.[2] && /^\p{Lu}/u.test(m[2])) return { author: m[2].replace(/[,|].*$/, '').trim() };
  return null;
}
