import { type Prepared, prepareSafely } from '../prepare.ts';
import { itemToRaw, needsPage } from './item-to-raw.ts';
import type { ParsedFeed, PrepareRequest } from './types.ts';

/**
 * The items of a parsed feed as the articles the store keeps, prepared in the parse worker right
 * after parsing so that cleaning never runs on the bot's thread. Items already stored unchanged are
 * prepared too (the worker cannot see the store); saveArticles then ignores their preparation.
 */
export function prepareItems(feed: ParsedFeed, request: PrepareRequest): (Prepared | null)[] {
  const source = { id: request.feedId, title: feed.title ?? request.feedTitle };
  return feed.items.map((item) =>
    request.fullText && needsPage(item) ? null : prepareSafely(itemToRaw(item, source), request.analyse),
  );
}
