import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import type { Store } from '../../store/index.ts';
import type { SubscriptionMode, SubscriptionRow } from '../../store/subscriptions.ts';
import { OPERATOR_TENANT_ID } from '../../store/tenants.ts';
import { normalizeFeedUrl } from './feed-url.ts';

/** One of a tenant's subscriptions with its feed's health (`feeds list --json`). */
export interface FeedHealth {
  /** The subscription's id, what `feeds remove` takes (before tenants, the feed's id: the same number). */
  id: number;
  feedId: number;
  url: string;
  title: string | null;
  /** 'env' for FEEDS, 'store' for feeds added with `feeds add` or /feeds add. */
  origin: 'env' | 'store';
  /** Where its items or digest go; null: the tenant's digest. */
  channel: string | null;
  mode: SubscriptionMode;
  lastSuccess: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPoll: string | null;
  lastPolled: string | null;
  itemsSeen: number;
}

export const toHealth = (sub: SubscriptionRow): FeedHealth => ({
  id: sub.id,
  feedId: sub.feed.id,
  url: sub.feed.url,
  title: sub.feed.title,
  origin: sub.origin,
  channel: sub.channel,
  mode: sub.mode,
  lastSuccess: sub.feed.lastSuccess,
  lastError: sub.feed.lastError,
  consecutiveFailures: sub.feed.consecutiveFailures,
  nextPoll: sub.feed.nextPoll,
  lastPolled: sub.feed.lastPolled,
  itemsSeen: sub.feed.itemsSeen,
});

/** Brings the operator's env subscriptions in line with FEEDS (bad URLs there are skipped, not fatal). */
export function syncEnvFeeds(store: Store, config: Config): void {
  const urls: string[] = [];
  for (const raw of config.FEEDS) {
    try {
      urls.push(normalizeFeedUrl(raw));
    } catch {
      // A malformed FEEDS entry cannot be polled; listFeeds shows what is subscribed.
    }
  }
  store.subscriptions.syncEnv(urls);
}

/** The tenant's subscriptions matching a subscription id (`3`, `#3`) or a feed URL; none for another tenant's. */
function matching(store: Store, tenantId: string, target: string): SubscriptionRow[] {
  if (/^#?\d+$/.test(target)) {
    const sub = store.subscriptions.get(tenantId, Number(target.replace('#', '')));
    return sub ? [sub] : [];
  }
  try {
    return store.subscriptions.forUrl(tenantId, normalizeFeedUrl(target));
  } catch {
    return [];
  }
}

/**
 * Ends the tenant's subscription by id, or all of its subscriptions to a URL; false when the tenant
 * has none. The feed itself stays (other tenants may follow it). FEEDS entries are removed in the configuration.
 */
export function removeFeed(store: Store, tenantId: string, urlOrId: string): boolean {
  const subs = matching(store, tenantId, urlOrId.trim());
  if (subs.length === 0) return false;
  const env = subs.find((s) => s.origin === 'env');
  if (env) {
    throw new UserError(`${env.feed.url} comes from the FEEDS setting; remove it there to stop following it`);
  }
  store.transaction(() => {
    for (const sub of subs) store.subscriptions.remove(tenantId, sub.id);
  });
  return true;
}

/** The tenant's feeds with their health (the operator's include FEEDS). */
export function listFeeds(store: Store, config: Config, tenantId: string): FeedHealth[] {
  if (tenantId === OPERATOR_TENANT_ID) syncEnvFeeds(store, config);
  return store.subscriptions.list(tenantId).map(toHealth);
}
