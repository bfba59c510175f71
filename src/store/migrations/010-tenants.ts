import type { Migration } from './index.ts';

/**
 * Tenants (a Discord server, a Slack workspace, or the operator) own subscriptions, digest slots and
 * deliveries, posted digests (with their reported items) and settings. A feed stays one row, fetched
 * once however many tenants follow it. What the store held before belongs to the operator: each
 * feed becomes an operator subscription with the feed's id (so `feeds remove 3` still means the
 * same feed) and its origin ('env' from FEEDS, 'store' added by hand). feeds.origin is left in place
 * and no longer read.
 */
export const tenantsMigration: Migration = {
  name: '010-tenants',
  up(db) {
    db.exec(`
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,                  -- 'operator', 'discord:<guild id>', 'slack:<team id>'
        platform TEXT NOT NULL CHECK (platform IN ('operator', 'discord', 'slack')),
        created_at TEXT NOT NULL
      );
      INSERT INTO tenants (id, platform, created_at) VALUES ('operator', 'operator', strftime('%Y-%m-%dT%H:%M:%fZ'));

      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        channel TEXT,                         -- where its items or digest go; NULL: the tenant's digest
        mode TEXT NOT NULL DEFAULT 'digest' CHECK (mode IN ('digest', 'items')),
        origin TEXT NOT NULL CHECK (origin IN ('env', 'store')),  -- env: FEEDS (operator only); store: added
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX subscriptions_unique ON subscriptions(tenant_id, feed_id, ifnull(channel, ''));
      CREATE INDEX subscriptions_feed ON subscriptions(feed_id);
      INSERT INTO subscriptions (id, tenant_id, feed_id, channel, mode, origin, created_at)
        SELECT id, 'operator', id, NULL, 'digest', origin, added_at FROM feeds;

      CREATE TABLE tenant_settings (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,                  -- JSON
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );

      ALTER TABLE posted_digests ADD COLUMN tenant_id TEXT NOT NULL DEFAULT 'operator';
      CREATE INDEX posted_digests_tenant ON posted_digests(tenant_id, id);

      -- Slots become per tenant: rebuilt with the tenant in their keys. The old deliveries go first,
      -- so that dropping the old slots cascades into nothing.
      CREATE TABLE digest_slots_new (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        slot TEXT NOT NULL,                   -- the scheduled time in the schedule's zone, with offset
        period_since TEXT NOT NULL,
        period_until TEXT NOT NULL,
        digest TEXT NOT NULL,
        message TEXT NOT NULL,
        recorded_at TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, slot)
      );
      INSERT INTO digest_slots_new
        SELECT 'operator', slot, period_since, period_until, digest, message, recorded_at, created_at
        FROM digest_slots;
      CREATE TABLE deliveries_new (
        id INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
        destination TEXT NOT NULL,
        nonce TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted')),
        message TEXT NOT NULL,
        message_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        claimed_at TEXT NOT NULL,
        posted_at TEXT,
        UNIQUE (tenant_id, slot, platform, destination),
        FOREIGN KEY (tenant_id, slot) REFERENCES digest_slots_new(tenant_id, slot) ON DELETE CASCADE
      );
      INSERT INTO deliveries_new
        SELECT id, 'operator', slot, platform, destination, nonce, status, message, message_id, attempts,
          last_error, claimed_at, posted_at
        FROM deliveries;
      DROP TABLE deliveries;
      DROP TABLE digest_slots;
      ALTER TABLE digest_slots_new RENAME TO digest_slots;
      ALTER TABLE deliveries_new RENAME TO deliveries;
      CREATE INDEX deliveries_status ON deliveries(status);
    `);
  },
};
