// Sentence-level guards against page furniture. Cleaning articles is ingest's job; these checks make
// sure that whatever slips through (or arrives from a feed's summary) never becomes a digest item.

/** A line after which the rest of a page is reader comments or site boilerplate. */
const TAIL_MARKERS = [
  /^\d+\s+comments?$/i,
  /^(?:comments?|leave a (?:reply|comment)|join the (?:discussion|conversation)|add a comment)$/i,
  /^(?:related (?:articles|stories|posts)|read more|more stories|you may also like|recommended)$/i,
  /^(?:share this|share on|follow us)\b/i,
];

const FURNITURE = [
  /\b(?:all rights reserved|copyright|©)/i,
  /\b(?:subscribe|sign up|newsletter|download (?:the|our) .*app|stay updated|click here|cookie|privacy policy)\b/i,
  /\b(?:discover the latest|obtain .* insights|follow us on|listen to (?:the|this) article|read more)\b/i,
  /\b(?:verify the accuracy|fact checker|advertisement|sponsored)\b/i,
  /^(?:photo|image|video|watch|credit|caption)\s*:/i,
];

/** Text that tries to instruct a model or a bot rather than report news. */
const INJECTION = [
  /\bignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?|messages)\b/i,
  /\b(?:disregard|forget) (?:all |any |your )?(?:previous |prior )?(?:instructions|rules|guidelines)\b/i,
  /\b(?:system prompt|you are now|as an ai\b|new instructions|jailbreak)/i,
  /@(?:everyone|here)\b|<[!@#][^>]*>|\bpost (?:this )?(?:to|in) (?:the )?channel\b/i,
];

/** Drops YAML front matter and everything after a comments/boilerplate marker line. */
export function articleBody(text: string): string {
  const withoutFrontMatter = text.replace(/^\s*---\n[\s\S]*?\n---\n/, '');
  const lines = withoutFrontMatter.split('\n');
  const end = lines.findIndex((line) => TAIL_MARKERS.some((re) => re.test(line.trim())));
  return (end >= 0 ? lines.slice(0, end) : lines).join('\n');
}

export function looksLikeInjection(sentence: string): boolean {
  return INJECTION.some((re) => re.test(sentence));
}

/** Words outside quotation marks: first-person asides there mark comments, not reporting. */
function unquoted(sentence: string): string {
  return sentence.replace(/["\u201C][^"\u201D]*["\u201D]/g, ' ');
}

/**
 * Why a sentence cannot be a digest item, or null when it can. Catches furniture, fragments,
 * questions, reader-comment voice, and sentences that lean on a pronoun from a sentence we do not show.
 */
export function rejectSentence(sentence: string): string | null {
  const s = sentence.trim();
  if (looksLikeInjection(s)) return 'instruction-like text';
  if (FURNITURE.some((re) => re.test(s))) return 'page furniture';
  const words = s.split(/\s+/).length;
  if (words < 8) return 'fragment';
  if (words > 90) return 'run-on';
  if (!/[.!"\u201D\u2019')]$/.test(s)) return 'no sentence ending';
  if (/\?["\u201D\u2019]?$/.test(s)) return 'question';
  if (/(?:^|\s)(?:I|I'm|I've|I'd|my|me)(?=[\s,.!])/.test(unquoted(s))) return 'first-person comment';
  if (/^(?:It|This|That|These|Those|They|He|She|His|Her|Its|Their|But|And|Or|So)\b/.test(s)) {
    return 'depends on an earlier sentence';
  }
  if (/^\p{Ll}/u.test(s)) return 'fragment';
  if (/["\u201D],?\s+(?:he|she|they|it)\s+(?:said|says|added|told|wrote)\b/i.test(s)) {
    return 'depends on an earlier sentence';
  }
  return null;
}

/** Removes a leading dateline ("WASHINGTON – ", "KYIV, Nov 3 (Agency) -") so items read cleanly. */
export function stripDateline(sentence: string): string {
  return sentence.replace(/^[\p{Lu}][\p{Lu} .,'-]{2,40}(?:\([^)]{1,30}\))?\s*[\u2013\u2014-]\s+/u, '');
}
