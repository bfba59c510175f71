import { type SplitOptions, splitFeed } from './chunk-split.ts';
import type { ParsedFeed, ParseRequest } from './types.ts';
import { DEFAULT_PARSE_TIMEOUT_MS, ParseTimeoutError, parsePool } from './worker-pool.ts';

/** Why a document could not be read as a feed. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

export interface ParseOptions extends Omit<ParseRequest, 'bytes'> {
  timeoutMs?: number;
  /** When a large document is cut into sub-documents parsed concurrently. */
  split?: SplitOptions;
}

/** The sub-documents' results as one feed: the channel from the first, the items of all in order. */
function joinParts(parts: ParsedFeed[]): ParsedFeed {
  const first = parts[0] as ParsedFeed;
  return {
    ...first,
    items: parts.flatMap((p) => p.items),
    skippedItems: parts.reduce((n, p) => n + p.skippedItems, 0),
    repairs: [...new Set(parts.flatMap((p) => p.repairs))],
  };
}

async function parseInPool(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFeed> {
  const { timeoutMs = DEFAULT_PARSE_TIMEOUT_MS, split, ...request } = options;
  const pool = parsePool();
  const whole = () => pool.parse({ ...request, bytes }, { timeoutMs });
  const cut = splitFeed(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    request.contentType,
    split,
  );
  if (!cut) return whole();
  const deadline = Date.now() + timeoutMs;
  const settled = await Promise.allSettled(
    cut.chunks.map((chunk) =>
      pool.parse({ ...request, bytes: chunk }, { timeoutMs, deadline, chunk: cut.encoding }),
    ),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (!failed) return joinParts(settled.map((s) => (s as PromiseFulfilledResult<ParsedFeed>).value));
  if (failed.reason instanceof ParseTimeoutError) throw failed.reason;
  // A sub-document that does not parse strictly: the whole document decides (repair, recovery, error).
  return whole();
}

/**
 * The one parse pipeline for polled feeds, /feeds add checks and `newsdesk feeds parse`: decoding,
 * repair, rss-parser and text conversion, all in worker threads with a time limit. A large feed is
 * cut at item boundaries and its parts parsed concurrently, with the same result as a whole parse.
 */
export async function parseFeed(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFeed> {
  try {
    return await parseInPool(bytes, options);
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
