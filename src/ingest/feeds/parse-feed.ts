import type { ParsedFeed, ParseRequest } from './types.ts';
import { DEFAULT_PARSE_TIMEOUT_MS, parsePool } from './worker-pool.ts';

/** Why a document could not be read as a feed. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

/**
 * The one parse pipeline for polled feeds, /feeds add checks and `newsdesk feeds parse`: decoding,
 * repair, rss-parser and text conversion, all in a worker thread with a time limit.
 */
export async function parseFeed(
  bytes: Uint8Array,
  options: Omit<ParseRequest, 'bytes'> & { timeoutMs?: number },
): Promise<ParsedFeed> {
  const { timeoutMs = DEFAULT_PARSE_TIMEOUT_MS, ...rest } = options;
  try {
    return await parsePool().parse({ bytes, ...rest }, timeoutMs);
  } catch (err) {
    throw new FeedParseError(err instanceof Error ? err.message : String(err));
  }
}

/** The public JSON shape of one feed (`feeds parse`), text fields as plain text. */
export const feedJson = (feed: ParsedFeed) => ({
  title: feed.title,
  link: feed.link,
  description: feed.description,
  language: feed.language,
  items: feed.items.map(({ title, link, id, published, author, summary, content }) => ({
    title,
    link,
    id,
    published,
    author,
    summary,
    content,
  })),
});
