import type { Database, Statement } from 'better-sqlite3';
import { statementCache } from './statements.ts';

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  origin: 'env' | 'store';
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

const SELECT = `SELECT id, url, title, origin, added_at AS addedAt, last_polled AS lastPolled,
  last_success AS lastSuccess, last_error AS lastError, consecutive_failures AS consecutiveFailures,
  next_poll AS nextPoll, etag, last_modified AS lastModified, items_seen AS itemsSeen FROM feeds`;

/** Feed subscriptions and their health. */
export class FeedsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Database) {
    this.sql = statementCache(db);
  }

  list(): FeedRow[] {
    return this.sql(`${SELECT} ORDER BY id`).all() as FeedRow[];
  }

  get(id: number): FeedRow | undefined {
    return this.sql(`${SELECT} WHERE id = ?`).get(id) as FeedRow | undefined;
  }

  byUrl(url: string): FeedRow | undefined {
    return this.sql(`${SELECT} WHERE url = ?`).get(url) as FeedRow | undefined;
  }

  /** Subscribes (or returns the existing subscription); a feed added by hand stays 'store'. */
  add(
    url: string,
    origin: 'env' | 'store',
    title: string | null = null,
    now = new Date().toISOString(),
  ): FeedRow {
    this.sql(
      `INSERT INTO feeds (url, title, origin, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title),
           origin = CASE WHEN excluded.origin = 'store' THEN 'store' ELSE feeds.origin END`,
    ).run(url, title, origin, now);
    return this.byUrl(url) as FeedRow;
  }

  remove(id: number): boolean {
    return this.sql('DELETE FROM feeds WHERE id = ?').run(id).changes > 0;
  }

  /** Makes the env feeds exactly `urls`: adds new ones, drops env feeds no longer configured. */
  syncEnv(urls: string[], now = new Date().toISOString()): void {
    const keep = new Set(urls);
    this.db.transaction(() => {
      for (const url of urls) this.add(url, 'env', null, now);
      const drop = this.sql("DELETE FROM feeds WHERE id = ? AND origin = 'env'");
      for (const row of this.list()) if (row.origin === 'env' && !keep.has(row.url)) drop.run(row.id);
    })();
  }

  /** Feeds whose back-off has passed (all with `force`). */
  due(now: string, force = false): FeedRow[] {
    if (force) return this.list();
    return this.sql(`${SELECT} WHERE next_poll IS NULL OR next_poll <= ? ORDER BY id`).all(now) as FeedRow[];
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
