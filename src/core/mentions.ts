// Zero-width and joiner characters, bidi embeddings/overrides/isolates, the BOM, soft hyphen and
// Unicode tag characters (U+E0000-E007F, used to smuggle hidden instructions).
const INVISIBLE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

/** Removes characters a reader cannot see but a model (or a mention parser) would still read. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const ZWSP = '\u200B';

/**
 * Makes text unable to mention anyone on Discord or Slack: @everyone/@here/@user forms get a
 * zero-width space after the @, and Slack/Discord control sequences (<!channel>, <@U1>, <#C1>,
 * <@&role>, <!subteam^...>) lose their opening bracket. Each platform's door (discordText,
 * slackText, consoleText) applies it to every text that came from outside.
 */
export function neutraliseMentions(text: string): string {
  return stripInvisible(text)
    .replace(/<(?=[@!#])/g, '\u2039')
    .replace(/[@\uFF20](?=[\p{L}\p{N}_&!])/gu, `@${ZWSP}`);
}

/**
 * Breaks every written-out web address (`https://…`, `www.…`) with a zero-width space, so that no
 * platform turns text from an article or a model into a link: links come only from stored article
 * URLs, which renderers add themselves.
 */
export const breakLinks = (text: string): string =>
  text.replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, `$1${ZWSP}://`).replace(/\b(www)\.(?=\S)/gi, `$1${ZWSP}.`);
