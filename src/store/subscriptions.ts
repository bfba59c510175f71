import type { Engine, Statement } from './engine/types.ts';
import { FEED_COLUMNS, type FeedRow, type FeedsRepo } from './feeds.ts';
import { statementCache } from './statements.ts';
import { OPERATOR_TENANT_ID, type TenantsRepo } from './tenants.ts';

export type SubscriptionMode = 'digest' | 'items';

export interface SubscriptionRow {
  id: number;
  tenantId: string;
  /** Where the feed's items or digest go; null: the tenant's digest channels. */
  channel: string | null;
  mode: SubscriptionMode;
  /** 'env' for the operator's FEEDS, 'store' for a feed added from chat or the CLI. */
  origin: 'env' | 'store';
  createdAt: string;
  feed: FeedRow;
}

type RawSubscription = Omit<SubscriptionRow, 'feed'> & { subscriptionId: number } & FeedRow;

const SELECT = `SELECT s.id AS subscriptionId, s.tenant_id AS tenantId, s.channel, s.mode, s.origin,
  s.created_at AS createdAt, ${FEED_COLUMNS} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id`;

function toSubscription(r: RawSubscription): SubscriptionRow {
  const { subscriptionId, tenantId, channel, mode, origin, createdAt, ...feed } = r;
  return { id: subscriptionId, tenantId, channel, mode, origin, createdAt, feed };
}

/** Which tenant follows which feed, where it goes and how; every query is within one tenant. */
export class SubscriptionsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    private readonly db: Engine,
    private readonly tenants: TenantsRepo,
    private readonly feeds: FeedsRepo,
  ) {
    this.sql = statementCache(db);
  }

  list(tenantId: string): SubscriptionRow[] {
    return (this.sql(`${SELECT} WHERE s.tenant_id = ? ORDER BY s.id`).all(tenantId) as RawSubscription[]).map(
      toSubscription,
    );
  }

  get(tenantId: string, id: number): SubscriptionRow | undefined {
    const r = this.sql(`${SELECT} WHERE s.tenant_id = ? AND s.id = ?`).get(tenantId, id) as
      | RawSubscription
      | undefined;
    return r && toSubscription(r);
  }

  /** The tenant's subscriptions to the feed at this URL (one per channel). */
  forUrl(tenantId: string, url: string): SubscriptionRow[] {
    return (
      this.sql(`${SELECT} WHERE s.tenant_id = ? AND f.url = ? ORDER BY s.id`).all(
        tenantId,
        url,
      ) as RawSubscription[]
    ).map(toSubscription);
  }

  /**
   * Subscribes the tenant to the feed for a channel (or its digest); subscribing again changes the
   * mode, and a subscription added by hand stays 'store' when FEEDS names the feed too.
   */
  add(
    tenantId: string,
    feedId: number,
    options: { channel?: string | null; mode?: SubscriptionMode; origin: 'env' | 'store' },
    now = new Date().toISOString(),
  ): SubscriptionRow {
    const channel = options.channel ?? null;
    return this.db.transaction(() => {
      this.tenants.ensure(tenantId, now);
      const existing = this.sql(
        "SELECT id FROM subscriptions WHERE tenant_id = ? AND feed_id = ? AND coalesce(channel, '') = coalesce(?, '')",
      )
        .pluck()
        .get(tenantId, feedId, channel) as number | undefined;
      if (existing !== undefined) {
        this.sql(
          `UPDATE subscriptions SET mode = coalesce(?, mode),
             origin = CASE WHEN ? = 'store' THEN 'store' ELSE origin END WHERE id = ?`,
        ).run(options.mode ?? null, options.origin, existing);
        return this.get(tenantId, existing)!;
      }
      const id = this.sql(
        `INSERT INTO subscriptions (tenant_id, feed_id, channel, mode, origin, created_at)
           VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
        .pluck()
        .get(tenantId, feedId, channel, options.mode ?? 'digest', options.origin, now) as number;
      return this.get(tenantId, id)!;
    });
  }

  /** Removes one of the tenant's subscriptions; another tenant's id matches nothing. */
  remove(tenantId: string, id: number): boolean {
    return this.sql('DELETE FROM subscriptions WHERE tenant_id = ? AND id = ?').run(tenantId, id).changes > 0;
  }

  /** Makes the operator's FEEDS subscriptions exactly `urls`; feeds added by hand are left alone. */
  syncEnv(urls: string[], now = new Date().toISOString()): void {
    const keep = new Set(urls);
    this.db.transaction(() => {
      for (const url of urls)
        this.add(OPERATOR_TENANT_ID, this.feeds.add(url, null, now).id, { origin: 'env' }, now);
      const drop = this.sql("DELETE FROM subscriptions WHERE tenant_id = ? AND id = ? AND origin = 'env'");
      for (const sub of this.list(OPERATOR_TENANT_ID))
        if (sub.origin === 'env' && !keep.has(sub.feed.url)) drop.run(OPERATOR_TENANT_ID, sub.id);
    });
  }
}
