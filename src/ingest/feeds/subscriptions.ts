import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import type { FeedRow } from '../../store/feeds.ts';
import type { Store } from '../../store/index.ts';
import { BlockedAddressError } from './address-guard.ts';
import { normalizeFeedUrl } from './feed-url.ts';
import { FetchError, fetchGuarded, limitsFromConfig } from './fetch-guarded.ts';
import { FeedParseError, parseFeed } from './parse-feed.ts';

export interface FeedHealth {
  id: number;
  url: string;
  title: string | null;
  /** 'env' for FEEDS, 'store' for feeds added with `feeds add` or /feeds add. */
  origin: 'env' | 'store';
  lastSuccess: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPoll: string | null;
  lastPolled: string | null;
  itemsSeen: number;
}

export const toHealth = (row: FeedRow): FeedHealth => ({
  id: row.id,
  url: row.url,
  title: row.title,
  origin: row.origin,
  lastSuccess: row.lastSuccess,
  lastError: row.lastError,
  consecutiveFailures: row.consecutiveFailures,
  nextPoll: row.nextPoll,
  lastPolled: row.lastPolled,
  itemsSeen: row.itemsSeen,
});

/** Brings the env subscriptions in line with FEEDS (bad URLs there are skipped, not fatal). */
export function syncEnvFeeds(store: Store, config: Config): void {
  const urls: string[] = [];
  for (const raw of config.FEEDS) {
    try {
      urls.push(normalizeFeedUrl(raw));
    } catch {
      // A malformed FEEDS entry cannot be polled; listFeeds shows what is subscribed.
    }
  }
  store.feeds.syncEnv(urls);
}

/** Validates the URL (SSRF guard, fetch, parse) and subscribes; a bad URL throws a UserError. */
export async function addFeed(store: Store, config: Config, input: string): Promise<FeedHealth> {
  const url = normalizeFeedUrl(input);
  let title: string | null;
  try {
    const res = await fetchGuarded(url, limitsFromConfig(config));
    const feed = await parseFeed(res.body, { contentType: res.contentType, baseUrl: res.url });
    title = feed.title;
  } catch (err) {
    if (err instanceof BlockedAddressError)
      throw new UserError(`cannot follow ${url}: ${err.message}`, { cause: err });
    if (err instanceof FetchError) throw new UserError(`cannot fetch ${url}: ${err.message}`, { cause: err });
    if (err instanceof FeedParseError)
      throw new UserError(`${url} is not a readable feed: ${err.message}`, { cause: err });
    throw err;
  }
  return toHealth(store.feeds.add(url, 'store', title));
}

/** Unsubscribes by URL or id; false when no such feed. Feeds from FEEDS are removed in the configuration. */
export function removeFeed(store: Store, urlOrId: string): boolean {
  const target = urlOrId.trim();
  let row: FeedRow | undefined;
  if (/^#?\d+$/.test(target)) row = store.feeds.get(Number(target.replace('#', '')));
  else {
    try {
      row = store.feeds.byUrl(normalizeFeedUrl(target));
    } catch {
      row = undefined;
    }
  }
  if (!row) return false;
  if (row.origin === 'env') {
    throw new UserError(`${row.url} comes from the FEEDS setting; remove it there to stop following it`);
  }
  return store.feeds.remove(row.id);
}

export function listFeeds(store: Store, config: Config): FeedHealth[] {
  syncEnvFeeds(store, config);
  return store.feeds.list().map(toHealth);
}
