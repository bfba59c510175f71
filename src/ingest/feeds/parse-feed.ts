import { CodedError, ErrorCode } from '../../core/errors.ts';
import { type SplitOptions, splitFeed } from './chunk-split.ts';
import type { FeedItem, ParsedFeed, ParseRequest } from './types.ts';
import { DEFAULT_PARSE_TIMEOUT_MS, ParseTimeoutError, parsePool } from './worker-pool.ts';

/** Why a document could not be read as a feed. */
export class FeedParseError extends CodedError {
  override name = 'FeedParseError';
  readonly code = ErrorCode.FeedParse;
}

export interface ParseOptions extends Omit<ParseRequest, 'bytes'> {
  timeoutMs?: number;
  /** When a large document is cut into sub-documents parsed concurrently. */
  split?: SplitOptions;
}

const asParseError = (err: unknown): never => {
  throw err instanceof FeedParseError
    ? err
    : new FeedParseError(err instanceof Error ? err.message : String(err), { cause: err });
};

/** The sub-documents' results as one feed: the channel from the first, the items of all in order. */
function joinParts(parts: ParsedFeed[]): ParsedFeed {
  const first = parts[0] as ParsedFeed;
  return {
    ...first,
    items: parts.flatMap((p) => p.items),
    prepared: first.prepared && parts.flatMap((p) => p.prepared ?? []),
    skippedItems: parts.reduce((n, p) => n + p.skippedItems, 0),
    repairs: [...new Set(parts.flatMap((p) => p.repairs))],
  };
}

/** The jobs of one document: its parts when it was cut, and the whole-document parse to fall back on. */
function startParse(bytes: Uint8Array, options: ParseOptions) {
  const { timeoutMs = DEFAULT_PARSE_TIMEOUT_MS, split, ...request } = options;
  const pool = parsePool();
  const whole = () => pool.parse({ ...request, bytes }, { timeoutMs });
  const cut = splitFeed(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    request.contentType,
    split,
  );
  const deadline = Date.now() + timeoutMs;
  const parts = cut?.chunks.map((chunk) => {
    const job = pool.parse({ ...request, bytes: chunk }, { timeoutMs, deadline, chunk: cut.encoding });
    job.catch(() => {}); // awaited in order later; a rejection before then is not unhandled
    return job;
  });
  return { parts, whole };
}

/** A part failed: a timeout stands for the feed; anything else means the whole document decides. */
function wholeAfter(err: unknown, whole: () => Promise<ParsedFeed>): Promise<ParsedFeed> {
  if (err instanceof ParseTimeoutError) throw err;
  return whole();
}

async function parseInPool(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFeed> {
  const { parts, whole } = startParse(bytes, options);
  if (!parts) return whole();
  const settled = await Promise.allSettled(parts);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) return wholeAfter(failed.reason, whole);
  return joinParts(settled.map((s) => (s as PromiseFulfilledResult<ParsedFeed>).value));
}

/**
 * The one parse pipeline for polled feeds, /feeds add checks and `newsdesk feeds parse`: decoding,
 * repair, rss-parser and text conversion, all in worker threads with a time limit. A large feed is
 * cut at item boundaries and its parts parsed concurrently, with the same result as a whole parse.
 */
export async function parseFeed(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFeed> {
  return parseInPool(bytes, options).catch(asParseError);
}

const sameItems = (a: FeedItem[], b: FeedItem[]) =>
  a.length <= b.length && a.every((item, i) => JSON.stringify(item) === JSON.stringify(b[i]));

/**
 * parseFeed for a consumer that stores as it goes: each part is handed over, in order, as soon as it
 * and those before it are parsed (and prepared), while the workers carry on with the next ones. When
 * a later part fails and the whole document has to decide, the items already handed over are not
 * handed over again if the whole parse reads them the same; otherwise it hands over the whole feed,
 * which a consumer that recognises unchanged items (saveArticles) takes in its stride.
 */
export async function parseFeedInParts(
  bytes: Uint8Array,
  options: ParseOptions,
  onPart: (part: ParsedFeed) => Promise<void> | void,
): Promise<void> {
  const { parts, whole } = startParse(bytes, options);
  if (!parts) return onPart(await whole().catch(asParseError));
  const handed: FeedItem[] = [];
  for (const job of parts) {
    const part = await job.catch(() => undefined);
    if (!part) {
      const full = await job.catch((err) => wholeAfter(err, whole)).catch(asParseError);
      if (!sameItems(handed, full.items)) return onPart(full);
      const rest = full.items.slice(handed.length);
      return onPart({ ...full, items: rest, prepared: full.prepared?.slice(handed.length) });
    }
    handed.push(...part.items);
    await onPart(part);
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
