/** What stands in for a secret in a URL shown in a channel. */
const HIDDEN = '…';

/**
 * A path segment that looks like a key rather than a word: long, with both letters and digits, or
 * a long run of hex (feed services put per-user tokens there, e.g. /feeds/u/3f9a0c…/rss).
 */
const TOKEN_SEGMENT = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_~=+%-]{20,}$|^[0-9a-f]{16,}$/i;

/** A URL written in running text, less the punctuation that ends the sentence around it. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]*[^\s"'<>.,;:!?)\]]/gi;

/**
 * A feed URL as a channel may see it: no user name or password, no query values (feed URLs carry
 * private tokens in them: ?token=, ?key=, ?auth=...), and no token-like path segments. The host, the
 * path's words and the query's parameter names stay, so the reader still knows which feed it is.
 * Text that is not a URL is not shown at all.
 */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return HIDDEN;
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? HIDDEN : segment))
    .join('/');
  const names = [...new Set(url.searchParams.keys())];
  const query = names.map((name) => `${encodeURIComponent(name)}=${HIDDEN}`).join('&');
  return `${url.protocol}//${url.host}${path === '/' && !query ? '' : path}${query ? `?${query}` : ''}`;
}

/** Every URL written in a text (an error message naming the feed's address), redacted. */
export const redactUrlsIn = (text: string): string => text.replace(URL_IN_TEXT, (url) => redactUrl(url));
