import type { Migration } from './index.ts';

/**
 * Item posts (`/feeds add ... mode:items`) and feed-health notices in the subscribed channel.
 *
 * item_subscriptions: per items subscription, the last article id of its backlog (ids only grow:
 * articles are never deleted, so everything stored later has a higher id) and its filters. Items
 * subscriptions made before this migration start now: their backlog is everything stored so far.
 *
 * item_posts: one row per article per tenant and channel, claimed before anything is sent and
 * completed after (or marked filtered out, or abandoned after many failed sends); `nonce` names the
 * message that carries it (its own post, or an "and N more" fold shared by several rows). A claim
 * holds a lease: an expired one (a crash, a failed send) is taken again by the next poll, which
 * first looks for the message on the platform.
 *
 * feed_health_notices: the "failing" and "recovered" messages of one failure run of a feed (`run`
 * is the feed's last success before the run), once per subscription, with the message kept so a
 * retry sends the same words.
 */
export const itemPostsMigration: Migration = {
  name: '012-item-posts',
  up(db) {
    db.exec(`
      CREATE TABLE item_subscriptions (
        subscription_id INTEGER PRIMARY KEY REFERENCES subscriptions(id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        after_article INTEGER NOT NULL,       -- the backlog: articles up to this id are never posted
        include_terms TEXT NOT NULL DEFAULT '[]',  -- JSON: keywords and /regex/ terms, any must match
        exclude_terms TEXT NOT NULL DEFAULT '[]',  -- JSON: none may match
        started_at TEXT NOT NULL
      );
      CREATE INDEX item_subscriptions_tenant ON item_subscriptions(tenant_id);
      INSERT INTO item_subscriptions (subscription_id, tenant_id, after_article, started_at)
        SELECT id, tenant_id, (SELECT ifnull(max(id), 0) FROM articles), strftime('%Y-%m-%dT%H:%M:%fZ')
        FROM subscriptions WHERE mode = 'items';

      CREATE TABLE item_posts (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        nonce TEXT,                           -- the message carrying it; NULL until first sent
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'filtered', 'abandoned')),
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_until TEXT NOT NULL,
        last_error TEXT,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,                         -- the last attempt: what pacing counts
        posted_at TEXT,
        message_id TEXT,
        PRIMARY KEY (tenant_id, channel, article_id)
      );
      CREATE INDEX item_posts_sent ON item_posts(tenant_id, channel, sent_at);

      CREATE TABLE feed_health_notices (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        run TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('failing', 'recovered')),
        channel TEXT NOT NULL,
        nonce TEXT NOT NULL,
        message TEXT NOT NULL,                -- JSON: the Reply sent
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted')),
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_until TEXT NOT NULL,
        last_error TEXT,
        claimed_at TEXT NOT NULL,
        posted_at TEXT,
        message_id TEXT,
        PRIMARY KEY (tenant_id, subscription_id, run, kind)
      );
    `);
  },
};
