import { type Analyser, type Prepared, prepareSafely } from '../prepare.ts';
import { itemToRaw, needsPage } from './item-to-raw.ts';
import type { ParsedFeed, PrepareRequest } from './types.ts';

/**
 * The items of a parsed feed as the articles the store keeps, prepared in the parse worker right
 * after parsing so that cleaning never runs on the bot's thread. Null leaves an item to the main
 * side: one whose linked page is to be fetched first, and one the feed's stored items already hold
 * as it is (`request.known`), which saveArticles will leave alone; most of a feed, poll after poll.
 */
export function prepareItems(
  feed: ParsedFeed,
  request: PrepareRequest,
  analyse?: Analyser,
): (Prepared | null)[] {
  const source = { id: request.feedId, title: feed.title ?? request.feedTitle };
  const known = new Set(request.known);
  return feed.items.map((item) => {
    if (request.fullText && needsPage(item)) return null;
    const raw = itemToRaw(item, source);
    return raw.fileHash && known.has(raw.fileHash) ? null : prepareSafely(raw, analyse);
  });
}
