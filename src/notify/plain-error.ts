import { redactUrlsIn } from './redact-url.ts';

/** What a feed's last error means for a reader, by what the fetcher and parser write (src/ingest/feeds). */
const MEANINGS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /timed out after (\d+) ms/i,
    (m) => `the site did not answer within ${Math.round(Number(m[1]) / 1000)} seconds`,
  ],
  [
    /HTTP (401|403)\b/,
    (m) => `the site refused access (HTTP ${m[1]}): the feed's address or its access token may have expired`,
  ],
  [
    /HTTP (404|410)\b/,
    (m) => `the feed is no longer at this address (HTTP ${m[1]}): it may have moved or ended`,
  ],
  [/HTTP 429\b/, () => 'the site asks newsdesk to come back later (HTTP 429, too many requests)'],
  [/HTTP (5\d\d)\b/, (m) => `the site had an error of its own (HTTP ${m[1]})`],
  [/HTTP (\d{3})\b/, (m) => `the site answered HTTP ${m[1]} instead of the feed`],
  [/ENOTFOUND|EAI_AGAIN|no address for/i, () => "the site's name could not be found (DNS)"],
  [/ECONNREFUSED/i, () => 'the site refused the connection'],
  [/ECONNRESET|socket hang up|other side closed/i, () => 'the connection was cut before the feed arrived'],
  [/CERT|certificate|self.signed|SSL|TLS/i, () => "the site's HTTPS certificate could not be trusted"],
  [/refused(?: [^:]+)?: /i, () => 'the address points into a private network, which newsdesk does not fetch'],
  [/exceeds \d+ bytes/i, () => 'the feed is larger than newsdesk reads (FEED_MAX_BYTES)'],
  [/redirect loop|more than \d+ redirects/i, () => 'the address redirects in a loop'],
];

/** A feed's last error in plain words, with any address in it redacted. */
export function plainFeedError(error: string | null): string {
  if (!error) return 'no error was recorded';
  for (const [pattern, say] of MEANINGS) {
    const match = error.match(pattern);
    if (match) return say(match);
  }
  return `the answer could not be read as a feed (${redactUrlsIn(error).slice(0, 200)})`;
}
