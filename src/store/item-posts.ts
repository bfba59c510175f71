import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { SubscriptionMode } from './subscriptions.ts';

/** The include and exclude terms of an items subscription (keywords, or `/regex/`). */
export interface ItemFilters {
  include: string[];
  exclude: string[];
}

/** A new article of one of the tenant's items subscriptions, not yet posted to the channel. */
export interface PendingItem {
  articleId: number;
  subscriptionId: number;
  title: string;
  url: string | null;
  source: string | null;
  /** The feed's title: the outlet when the article names none. */
  feedTitle: string | null;
  /** The article's text: its filters read it, and its one-line summary comes from its start. */
  text: string;
  published: string | null;
  /** The message an earlier attempt sent it in (null: never sent). */
  nonce: string | null;
  attempts: number;
}

export type ItemPostStatus = 'claimed' | 'posted' | 'filtered' | 'abandoned';

export interface ItemPostRow {
  tenantId: string;
  channel: string;
  articleId: number;
  nonce: string | null;
  status: ItemPostStatus;
  attempts: number;
  leaseUntil: string;
  lastError: string | null;
  claimedAt: string;
  sentAt: string | null;
  postedAt: string | null;
  messageId: string | null;
}

const ROW = `tenant_id AS tenantId, channel, article_id AS articleId, nonce, status, attempts,
  lease_until AS leaseUntil, last_error AS lastError, claimed_at AS claimedAt, sent_at AS sentAt,
  posted_at AS postedAt, message_id AS messageId`;

/**
 * Articles of the tenant's items subscriptions into `channel` that are newer than the subscription's
 * backlog and free to post: never claimed, or claimed under a lease that has run out. An article
 * that near-duplicates one already posted to the channel is left out.
 */
const PENDING = `SELECT a.id AS articleId, s.id AS subscriptionId, a.title, a.url, a.source,
    f.title AS feedTitle, a.text, a.published, p.nonce,
    coalesce(p.attempts, 0) AS attempts
  FROM subscriptions s
  JOIN item_subscriptions i ON i.subscription_id = s.id AND i.tenant_id = s.tenant_id
  JOIN feeds f ON f.id = s.feed_id
  JOIN articles a ON a.feed_id = s.feed_id AND a.id > i.after_article AND a.status = 'active'
  LEFT JOIN item_posts p ON p.tenant_id = s.tenant_id AND p.channel = s.channel AND p.article_id = a.id
  WHERE s.tenant_id = @tenant AND s.channel = @channel AND s.mode = 'items'
    AND (p.article_id IS NULL OR (p.status = 'claimed' AND p.lease_until <= @now))
    AND (a.duplicate_of IS NULL OR NOT EXISTS (SELECT 1 FROM item_posts d
      WHERE d.tenant_id = s.tenant_id AND d.channel = s.channel AND d.article_id = a.duplicate_of
        AND d.status = 'posted'))
  ORDER BY coalesce(a.published, a.ingested_at), a.id
  LIMIT @limit`;

const parseTerms = (json: string): string[] => {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
};

/**
 * Item posts of each tenant: where each items subscription's backlog ends, its filters, and which
 * article was posted to which channel. Every query is within one tenant.
 */
export class ItemPostsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Engine) {
    this.sql = statementCache(db);
  }

  /**
   * Keeps the subscription's item posts in line with its mode: becoming `items` starts them after
   * everything stored so far (its backlog); staying `items` keeps where they were; any other mode
   * ends them (so that a later switch back floods nothing either).
   */
  follow(
    tenantId: string,
    subscriptionId: number,
    mode: SubscriptionMode,
    now = new Date().toISOString(),
  ): void {
    if (mode !== 'items') {
      this.sql('DELETE FROM item_subscriptions WHERE tenant_id = ? AND subscription_id = ?').run(
        tenantId,
        subscriptionId,
      );
      return;
    }
    this.sql(
      `INSERT INTO item_subscriptions (subscription_id, tenant_id, after_article, started_at)
         SELECT s.id, s.tenant_id, (SELECT coalesce(max(id), 0) FROM articles), ? FROM subscriptions s
         WHERE s.tenant_id = ? AND s.id = ? AND s.mode = 'items'
         ON CONFLICT(subscription_id) DO NOTHING`,
    ).run(now, tenantId, subscriptionId);
  }

  /** Starts, from now, any items subscription of the tenant that has not started (made elsewhere). */
  startMissing(tenantId: string, now = new Date().toISOString()): number {
    return this.sql(
      `INSERT INTO item_subscriptions (subscription_id, tenant_id, after_article, started_at)
         SELECT s.id, s.tenant_id, (SELECT coalesce(max(id), 0) FROM articles), ? FROM subscriptions s
         WHERE s.tenant_id = ? AND s.mode = 'items'
           AND NOT EXISTS (SELECT 1 FROM item_subscriptions i WHERE i.subscription_id = s.id)`,
    ).run(now, tenantId).changes;
  }

  /** The last article id of the subscription's backlog; undefined when it posts no items. */
  backlogEnd(tenantId: string, subscriptionId: number): number | undefined {
    return this.sql(
      'SELECT after_article FROM item_subscriptions WHERE tenant_id = ? AND subscription_id = ?',
    )
      .pluck()
      .get(tenantId, subscriptionId) as number | undefined;
  }

  setFilters(tenantId: string, subscriptionId: number, filters: ItemFilters): boolean {
    return (
      this.sql(
        'UPDATE item_subscriptions SET include_terms = ?, exclude_terms = ? WHERE tenant_id = ? AND subscription_id = ?',
      ).run(JSON.stringify(filters.include), JSON.stringify(filters.exclude), tenantId, subscriptionId)
        .changes > 0
    );
  }

  /** The filters of each of the tenant's items subscriptions, by subscription id. */
  filters(tenantId: string): Map<number, ItemFilters> {
    const rows = this.sql(
      'SELECT subscription_id AS id, include_terms AS include, exclude_terms AS exclude FROM item_subscriptions WHERE tenant_id = ?',
    ).all(tenantId) as { id: number; include: string; exclude: string }[];
    return new Map(
      rows.map((r) => [r.id, { include: parseTerms(r.include), exclude: parseTerms(r.exclude) }]),
    );
  }

  /** The channels the tenant's items subscriptions post to. */
  channels(tenantId: string): string[] {
    return this.sql(
      `SELECT DISTINCT channel FROM subscriptions
         WHERE tenant_id = ? AND mode = 'items' AND channel IS NOT NULL ORDER BY channel`,
    )
      .pluck()
      .all(tenantId) as string[];
  }

  /** Up to `limit` articles waiting for the channel, oldest first (see PENDING). */
  pending(tenantId: string, channel: string, now: string, limit: number): PendingItem[] {
    return this.sql(PENDING).all({ tenant: tenantId, channel, now, limit }) as PendingItem[];
  }

  /**
   * Claims the articles for the channel under a lease until `leaseUntil`: new ones, and ones whose
   * earlier lease ran out (keeping the nonce and attempts of their earlier send). Returns the ids
   * this call now holds; another process holding a live lease keeps its articles.
   */
  claim(tenantId: string, channel: string, articleIds: number[], now: string, leaseUntil: string): number[] {
    const claim = this.sql(
      `INSERT INTO item_posts (tenant_id, channel, article_id, status, lease_until, claimed_at)
         VALUES (@tenant, @channel, @article, 'claimed', @leaseUntil, @now)
         ON CONFLICT(tenant_id, channel, article_id) DO UPDATE SET lease_until = excluded.lease_until
         WHERE item_posts.status = 'claimed' AND item_posts.lease_until <= @now`,
    );
    return this.db.transaction(() =>
      articleIds.filter(
        (article) => claim.run({ tenant: tenantId, channel, article, now, leaseUntil }).changes === 1,
      ),
    );
  }

  /** Messages sent to the channel since `since` (a fold counts once): what pacing allows for. */
  messagesSince(tenantId: string, channel: string, since: string): number {
    return this.sql(
      'SELECT count(DISTINCT nonce) FROM item_posts WHERE tenant_id = ? AND channel = ? AND sent_at > ?',
    )
      .pluck()
      .get(tenantId, channel, since) as number;
  }

  private each(articleIds: number[], statement: Statement, params: Record<string, unknown>): void {
    this.db.transaction(() => {
      for (const article of articleIds) statement.run({ ...params, article });
    });
  }

  /** Records, before the platform is called, which message carries the articles. */
  startAttempt(tenantId: string, channel: string, articleIds: number[], nonce: string, now: string): void {
    this.each(
      articleIds,
      this.sql(
        `UPDATE item_posts SET nonce = @nonce, attempts = attempts + 1, sent_at = @now
           WHERE tenant_id = @tenant AND channel = @channel AND article_id = @article AND status = 'claimed'`,
      ),
      { tenant: tenantId, channel, nonce, now },
    );
  }

  complete(tenantId: string, channel: string, articleIds: number[], messageId: string, now: string): void {
    this.each(
      articleIds,
      this.sql(
        `UPDATE item_posts SET status = 'posted', message_id = @messageId, posted_at = @now, last_error = NULL
           WHERE tenant_id = @tenant AND channel = @channel AND article_id = @article`,
      ),
      { tenant: tenantId, channel, messageId, now },
    );
  }

  /** Marks articles a subscription's filters leave out: they are never posted nor looked at again. */
  filterOut(tenantId: string, channel: string, articleIds: number[], now: string): void {
    this.each(
      articleIds,
      this.sql(
        `UPDATE item_posts SET status = 'filtered', posted_at = @now
           WHERE tenant_id = @tenant AND channel = @channel AND article_id = @article AND status = 'claimed'`,
      ),
      { tenant: tenantId, channel, now },
    );
  }

  /**
   * Records a failed send and frees the articles for the next poll at once; after `maxAttempts`
   * sends an article is abandoned instead (a message the platform always refuses must not block the channel).
   */
  fail(
    tenantId: string,
    channel: string,
    articleIds: number[],
    error: string,
    now: string,
    maxAttempts: number,
  ): void {
    this.each(
      articleIds,
      this.sql(
        `UPDATE item_posts SET last_error = @error, lease_until = @now,
             status = CASE WHEN attempts >= @maxAttempts THEN 'abandoned' ELSE status END
           WHERE tenant_id = @tenant AND channel = @channel AND article_id = @article AND status = 'claimed'`,
      ),
      { tenant: tenantId, channel, error: error.slice(0, 500), now, maxAttempts },
    );
  }

  list(tenantId: string, channel?: string): ItemPostRow[] {
    return (
      channel === undefined
        ? this.sql(`SELECT ${ROW} FROM item_posts WHERE tenant_id = ? ORDER BY claimed_at, article_id`).all(
            tenantId,
          )
        : this.sql(
            `SELECT ${ROW} FROM item_posts WHERE tenant_id = ? AND channel = ? ORDER BY claimed_at, article_id`,
          ).all(tenantId, channel)
    ) as ItemPostRow[];
  }
}
