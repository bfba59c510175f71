import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  addedAt: string;
  lastPolled: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPoll: string | null;
  etag: string | null;
  lastModified: string | null;
  itemsSeen: number;
}

/** The columns of a FeedRow from the feeds table aliased `f`. */
export const FEED_COLUMNS = `f.id, f.url, f.title, f.added_at AS addedAt, f.last_polled AS lastPolled,
  f.last_success AS lastSuccess, f.last_error AS lastError, f.consecutive_failures AS consecutiveFailures,
  f.next_poll AS nextPoll, f.etag, f.last_modified AS lastModified, f.items_seen AS itemsSeen`;

const SELECT = `SELECT ${FEED_COLUMNS} FROM feeds f`;

/** Someone follows the feed (`f`): feeds nobody follows any more are kept (with their articles) but not polled. */
const FOLLOWED = 'EXISTS (SELECT 1 FROM subscriptions s WHERE s.feed_id = f.id)';

/**
 * Feeds and their health: one row per URL, fetched once however many tenants follow it. Who follows
 * a feed is in SubscriptionsRepo.
 */
export class FeedsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Engine) {
    this.sql = statementCache(db);
  }

  /** Every feed of every tenant: for the poller and the operator, never for a tenant's answers. */
  list(): FeedRow[] {
    return this.sql(`${SELECT} ORDER BY id`).all() as FeedRow[];
  }

  get(id: number): FeedRow | undefined {
    return this.sql(`${SELECT} WHERE f.id = ?`).get(id) as FeedRow | undefined;
  }

  /** Someone follows the feed: work queued for it before it was unfollowed can be dropped. */
  followed(id: number): boolean {
    return this.sql(`SELECT 1 FROM feeds f WHERE f.id = ? AND ${FOLLOWED}`).get(id) !== undefined;
  }

  byUrl(url: string): FeedRow | undefined {
    return this.sql(`${SELECT} WHERE f.url = ?`).get(url) as FeedRow | undefined;
  }

  /** The feed row for a URL, created on first use (a newly known title replaces the old one). */
  add(url: string, title: string | null = null, now = new Date().toISOString()): FeedRow {
    // feeds.origin predates tenants (010-tenants): subscriptions carry it now.
    this.sql(
      `INSERT INTO feeds (url, title, origin, added_at) VALUES (?, ?, 'store', ?)
         ON CONFLICT(url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title)`,
    ).run(url, title, now);
    return this.byUrl(url) as FeedRow;
  }

  /** Followed feeds whose back-off has passed (all followed feeds with `force`). */
  due(now: string, force = false): FeedRow[] {
    if (force) return this.sql(`${SELECT} WHERE ${FOLLOWED} ORDER BY id`).all() as FeedRow[];
    return this.sql(
      `${SELECT} WHERE ${FOLLOWED} AND (f.next_poll IS NULL OR f.next_poll <= ?) ORDER BY id`,
    ).all(now) as FeedRow[];
  }

  recordSuccess(
    id: number,
    result: {
      now: string;
      title?: string | null;
      etag?: string | null;
      lastModified?: string | null;
      items?: number;
      nextPoll?: string | null;
    },
  ): void {
    this.sql(
      `UPDATE feeds SET last_polled = @now, last_success = @now, last_error = NULL, consecutive_failures = 0,
           next_poll = @nextPoll, title = COALESCE(@title, title), etag = COALESCE(@etag, etag),
           last_modified = COALESCE(@lastModified, last_modified), items_seen = items_seen + @items
         WHERE id = @id`,
    ).run({
      id,
      now: result.now,
      title: result.title ?? null,
      etag: result.etag ?? null,
      lastModified: result.lastModified ?? null,
      items: result.items ?? 0,
      nextPoll: result.nextPoll ?? null,
    });
  }

  recordFailure(id: number, error: string, now: string, nextPoll: string): void {
    this.sql(
      `UPDATE feeds SET last_polled = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,
           next_poll = ? WHERE id = ?`,
    ).run(now, error, nextPoll, id);
  }
}
