import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import type { FeedRow } from '../../store/feeds.ts';
import type { Store } from '../../store/index.ts';
import type { ItemFilters } from '../../store/item-posts.ts';
import type { SubscriptionMode } from '../../store/subscriptions.ts';
import { emptyReport } from '../report.ts';
import { BlockedAddressError } from './address-guard.ts';
import { normalizeFeedUrl } from './feed-url.ts';
import { FetchError, fetchGuarded, limitsFromConfig } from './fetch-guarded.ts';
import { FeedParseError, parseFeed } from './parse-feed.ts';
import { storeFeedDocument } from './poll.ts';
import { pollPeriodSeconds } from './poll-period.ts';
import { type FeedHealth, toHealth } from './subscriptions.ts';

export interface FollowOptions {
  /** Where the feed's items or digest go (default: the tenant's digest). */
  channel?: string | null;
  mode?: SubscriptionMode;
  /** Item posts only for articles these terms let through (mode items; checked by src/filters first). */
  filters?: ItemFilters;
}

/** A followed feed and how many of its stored items were marked reported instead of posted. */
export type FollowedFeed = FeedHealth & { backlog: number };

function asUserError(url: string, err: unknown): never {
  if (err instanceof BlockedAddressError)
    throw new UserError(`cannot follow ${url}: ${err.message}`, { cause: err });
  if (err instanceof FetchError) throw new UserError(`cannot fetch ${url}: ${err.message}`, { cause: err });
  if (err instanceof FeedParseError)
    throw new UserError(`${url} is not a readable feed: ${err.message}`, { cause: err });
  throw err;
}

/**
 * A feed polled without error within FEED_POLL_CRON's period: its current items are already stored,
 * so another tenant following it costs no request (each URL is fetched once per interval).
 */
function freshFeed(store: Store, config: Config, url: string): FeedRow | undefined {
  const feed = store.feeds.byUrl(url);
  if (!feed?.lastSuccess || feed.consecutiveFailures > 0) return undefined;
  const age = Date.now() - Date.parse(feed.lastSuccess);
  return age >= 0 && age < pollPeriodSeconds(config.FEED_POLL_CRON) * 1000 ? feed : undefined;
}

/** Checks the URL (SSRF guard, fetch, parse) and stores the feed and its current items. */
async function fetchAndStore(store: Store, config: Config, url: string): Promise<FeedRow> {
  let res: Awaited<ReturnType<typeof fetchGuarded>>;
  let title: string | null;
  try {
    res = await fetchGuarded(url, limitsFromConfig(config));
    title = (await parseFeed(res.body, { contentType: res.contentType, baseUrl: res.url })).title;
  } catch (err) {
    asUserError(url, err);
  }
  const feed = store.feeds.add(url, title);
  const stored = await storeFeedDocument(store, config, feed, res, emptyReport());
  store.feeds.recordSuccess(feed.id, {
    now: new Date().toISOString(),
    title: stored.title,
    etag: res.etag,
    lastModified: res.lastModified,
    items: stored.items,
  });
  return feed;
}

/**
 * Checks the URL (SSRF guard, fetch, parse) and stores the feed's current items once for everyone,
 * unless a fresh poll of it already has, and subscribes the tenant. The backlog floods nothing: every
 * stored item of the feed is marked reported for this tenant, so only what comes later reaches its
 * digests, and item posts (mode items) start after it. A bad URL throws a UserError.
 */
export async function addFeed(
  store: Store,
  config: Config,
  tenantId: string,
  input: string,
  options: FollowOptions = {},
): Promise<FollowedFeed> {
  const url = normalizeFeedUrl(input);
  if (options.mode === 'items' && !options.channel)
    throw new UserError(
      'mode items posts each new item to a channel: name it (channel:<#channel> in chat, --channel on the CLI)',
    );
  const feed = freshFeed(store, config, url) ?? (await fetchAndStore(store, config, url));
  // Taken once the items are stored: the backlog is what is stored before it.
  const now = new Date().toISOString();
  const sub = store.transaction(() => {
    const added = store.subscriptions.add(
      tenantId,
      feed.id,
      { channel: options.channel, mode: options.mode, origin: 'store' },
      now,
    );
    // Item posts start after what is stored now, in the same transaction: the backlog is never posted.
    store.itemPosts.follow(tenantId, added.id, added.mode, now);
    // Thrown inside the transaction: the subscription is not made either.
    if (options.filters && added.mode !== 'items')
      throw new UserError('include and exclude filter item posts: use them with mode items');
    // Adding again says the whole subscription: terms not given now are terms no more.
    if (added.mode === 'items')
      store.itemPosts.setFilters(tenantId, added.id, options.filters ?? { include: [], exclude: [] });
    return { added, backlog: store.summaries.markFeedReported(tenantId, feed.id, now) };
  });
  return { ...toHealth(store.subscriptions.get(tenantId, sub.added.id)!), backlog: sub.backlog };
}
