import type { Config } from '../../config.ts';
import type { Store } from '../../store/index.ts';
import type { IngestReport } from '../index.ts';

// Contract stub: the feeds work replaces the bodies; keep the signatures (other areas call them).

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
}

/** Validates the URL (SSRF guard, fetch, parse) and subscribes; a bad URL throws a UserError. */
export async function addFeed(_store: Store, _config: Config, _url: string): Promise<FeedHealth> {
  throw new Error('feeds are not built yet');
}

/** Unsubscribes by URL or id; false when no such feed. */
export function removeFeed(_store: Store, _urlOrId: string): boolean {
  throw new Error('feeds are not built yet');
}

export function listFeeds(_store: Store, _config: Config): FeedHealth[] {
  throw new Error('feeds are not built yet');
}

/** Polls the feeds that are due (or all with `force`), stores new items, and updates feed health. */
export async function pollFeeds(
  _store: Store,
  _config: Config,
  _options: { force?: boolean } = {},
): Promise<IngestReport> {
  throw new Error('feeds are not built yet');
}
