import { hashText } from '../hash.ts';
import type { RawArticle } from '../types.ts';
import { canonicalUrl } from '../url.ts';
import type { FeedItem } from './types.ts';

/** Items with fewer summary words than this, and no full content, are worth fetching the page for. */
export const FULL_TEXT_BELOW_WORDS = 150;

/** The item says too little on its own: its linked page is worth fetching (when full text is on). */
export const needsPage = (item: FeedItem): boolean =>
  Boolean(item.link) && !item.content && item.summaryWords < FULL_TEXT_BELOW_WORDS;

/**
 * Where an item comes from, stable across polls: its canonical link, else its guid within the feed,
 * else a hash of what it says.
 */
export function itemOrigin(item: FeedItem, feedId: number): string {
  const url = item.link ? canonicalUrl(item.link) : null;
  if (url) return `url:${url}`;
  if (item.id) return `guid:${feedId}:${item.id}`;
  return `feed:${feedId}:${hashText(`${item.title ?? ''}\n${item.summary ?? ''}\n${item.content ?? ''}`)}`;
}

/** A feed item as the ingester's raw article; `pageHtml` is the linked page when its full text was fetched. */
export function itemToRaw(
  item: FeedItem,
  feed: { id: number; title: string | null },
  pageHtml?: string,
): RawArticle {
  const raw: RawArticle = {
    origin: itemOrigin(item, feed.id),
    kind: 'feed',
    feedId: feed.id,
    // The hash of the item as the feed gave it: an unchanged item is skipped without re-cleaning.
    fileHash: hashText(JSON.stringify(item)),
  };
  if (item.link) raw.url = item.link;
  if (item.id) raw.guid = item.id;
  if (item.title) raw.title = item.title;
  if (feed.title) raw.source = feed.title;
  if (item.author) raw.author = item.author;
  if (item.published) raw.published = { value: item.published, source: 'feed' };
  if (pageHtml !== undefined) raw.html = pageHtml;
  // A title-only item keeps its title as text, so that distinct headlines are not taken for duplicates.
  else raw.text = item.content ?? item.summary ?? item.title ?? '';
  return raw;
}
