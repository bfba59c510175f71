import type { Config } from '../../config.ts';
import { CodedError, ErrorCode } from '../../core/errors.ts';
import type { Store } from '../../store/index.ts';
import type { Prepared } from '../prepare.ts';
import { type SaveResult, saveArticles } from '../save.ts';
import type { RawArticle } from '../types.ts';
import { fetchPageHtml } from './full-text.ts';
import { itemToRaw } from './item-to-raw.ts';
import type { Limiter } from './map-limit.ts';
import type { FeedItem } from './types.ts';
import { parsePool } from './worker-pool.ts';

type FeedSource = { id: number; title: string | null };

/**
 * A feed item whose linked page is fetched apart from its feed's poll (a `pages` job on the queue):
 * all it takes to make the article, with the origin and raw hash its poll saw, under which the
 * store will know it.
 */
export interface PageItem {
  feed: FeedSource;
  item: FeedItem;
  origin: string;
  fileHash: string;
}

/** Hands a poll's page items over to be fetched elsewhere; the poll does not wait for their pages. */
export type PageHandOff = (pages: PageItem[]) => Promise<void>;

/** The items could not be handed over: the poll stops before it records the feed's new validators. */
export class PageHandOffError extends CodedError {
  override name = 'PageHandOffError';
  readonly code = ErrorCode.PageHandOff;
}

/**
 * The largest page item handed over, as JSON characters. A summary-only item is a few hundred; one
 * larger (a link or guid of megabytes) has its page fetched inside its poll instead of filling a job row.
 */
export const MAX_PAGE_ITEM_CHARS = 32_768;

/** The item as a page item, or undefined when it is too large to hand over. */
export function pageItemOf(item: FeedItem, feed: FeedSource, raw: RawArticle): PageItem | undefined {
  const page = { feed, item, origin: raw.origin, fileHash: raw.fileHash ?? '' };
  return JSON.stringify(page).length <= MAX_PAGE_ITEM_CHARS ? page : undefined;
}

/**
 * The item as its raw article with the linked page's HTML, fetched under `network`'s limits; with
 * its summary instead when the page cannot be had, so that the item is stored all the same.
 */
export async function itemWithPage(
  item: FeedItem,
  feed: FeedSource,
  config: Config,
  network: Limiter,
): Promise<RawArticle> {
  const html = await network(() => fetchPageHtml(item, config), item.link ?? undefined);
  return itemToRaw(item, feed, html);
}

/** Raw articles prepared in the parse pool, so that no cleaning runs on this thread. */
export function preparedInPool(raws: RawArticle[], analyse: boolean): Promise<Prepared[]> {
  return parsePool()
    .prepare(raws, analyse)
    .catch((err: Error) => raws.map(() => ({ error: `could not clean: ${err.message}` })));
}

/** Why a page item was not stored. */
export type PageSkip = 'feed unfollowed' | 'already stored';

/**
 * Fetches a page item's page and stores its article as its poll would have (prepared in the parse
 * pool, linked to its near duplicates by saveArticles). A feed nobody follows any more has nothing
 * fetched; an item the store already holds as it is (a retried job, the same item sent again) is not
 * fetched again. A page that cannot be cleaned gives the article from the item's summary: a poll
 * would try such an item again at its next run, but a page item is not sent again while its job is
 * kept.
 */
export async function storePageItem(
  store: Store,
  config: Config,
  page: PageItem,
  options: { network: Limiter },
): Promise<SaveResult | PageSkip> {
  if (!store.feeds.followed(page.feed.id)) return 'feed unfollowed';
  const known = store.articles.findByOrigin(page.origin);
  if (known?.status === 'active' && known.fileHash === page.fileHash) return 'already stored';
  // The poll's origin and hash, which later polls compare the item with.
  const asPolled = (raw: RawArticle) => ({ ...raw, origin: page.origin, fileHash: page.fileHash });
  let raw = asPolled(await itemWithPage(page.item, page.feed, config, options.network));
  let prepared = await preparedInPool([raw], true);
  if (raw.html !== undefined && prepared.some((p) => 'error' in p)) {
    raw = asPolled(itemToRaw(page.item, page.feed));
    prepared = await preparedInPool([raw], true);
  }
  return saveArticles(store, [raw], { prepared });
}
