import { ID, TEXT as T } from './001-baseline-content.ts';
import type { PgMigration } from './index.ts';

/**
 * SQLite's 004, 005 and 010 to 013 as they stand after 013: tenants and what they own (subscriptions,
 * settings, posted digests, digest slots and deliveries, schedules, item posts, feed-health notices,
 * Slack installations).
 */
export const baselineTenantsMigration: PgMigration = {
  name: '002-baseline-tenants',
  up(db) {
    db.exec(`
      CREATE TABLE tenants (
        id ${T} PRIMARY KEY,
        platform ${T} NOT NULL CHECK (platform IN ('operator', 'discord', 'slack')),
        created_at ${T} NOT NULL
      );
      INSERT INTO tenants (id, platform, created_at)
        VALUES ('operator', 'operator', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));

      CREATE TABLE subscriptions (
        id ${ID},
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        feed_id bigint NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        channel ${T},
        mode ${T} NOT NULL DEFAULT 'digest' CHECK (mode IN ('digest', 'items')),
        origin ${T} NOT NULL CHECK (origin IN ('env', 'store')),
        created_at ${T} NOT NULL
      );
      CREATE UNIQUE INDEX subscriptions_unique ON subscriptions(tenant_id, feed_id, coalesce(channel, ''));
      CREATE INDEX subscriptions_feed ON subscriptions(feed_id);

      CREATE TABLE tenant_settings (
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key ${T} NOT NULL,
        value ${T} NOT NULL,
        updated_at ${T} NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );

      CREATE TABLE posted_digests (
        id ${ID},
        posted_at ${T} NOT NULL,
        since ${T} NOT NULL,
        until ${T} NOT NULL,
        mode ${T} NOT NULL,
        prompt_version ${T},
        digest ${T} NOT NULL,
        tenant_id ${T} NOT NULL DEFAULT 'operator'
      );
      CREATE INDEX posted_digests_posted ON posted_digests(posted_at);
      CREATE INDEX posted_digests_tenant ON posted_digests(tenant_id, id);
      CREATE TABLE reported_items (
        digest_id bigint NOT NULL REFERENCES posted_digests(id) ON DELETE CASCADE,
        fingerprint ${T} NOT NULL,
        article_ids ${T} NOT NULL
      );
      CREATE INDEX reported_items_digest ON reported_items(digest_id);

      CREATE TABLE digest_slots (
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        slot ${T} NOT NULL,
        period_since ${T} NOT NULL,
        period_until ${T} NOT NULL,
        digest ${T} NOT NULL,
        message ${T} NOT NULL,
        recorded_at ${T},
        created_at ${T} NOT NULL,
        PRIMARY KEY (tenant_id, slot)
      );
      CREATE TABLE deliveries (
        id ${ID},
        tenant_id ${T} NOT NULL,
        slot ${T} NOT NULL,
        platform ${T} NOT NULL CHECK (platform IN ('discord', 'slack')),
        destination ${T} NOT NULL,
        nonce ${T} NOT NULL UNIQUE,
        status ${T} NOT NULL CHECK (status IN ('claimed', 'posted')),
        message ${T} NOT NULL,
        message_id ${T},
        attempts integer NOT NULL DEFAULT 0,
        last_error ${T},
        claimed_at ${T} NOT NULL,
        posted_at ${T},
        UNIQUE (tenant_id, slot, platform, destination),
        FOREIGN KEY (tenant_id, slot) REFERENCES digest_slots(tenant_id, slot) ON DELETE CASCADE
      );
      CREATE INDEX deliveries_status ON deliveries(status);

      CREATE TABLE digest_schedules (
        id ${ID},
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        platform ${T} NOT NULL CHECK (platform IN ('discord', 'slack')),
        channel ${T} NOT NULL,
        time ${T} NOT NULL,
        timezone ${T} NOT NULL,
        days ${T} NOT NULL,
        topic ${T},
        include_terms ${T},
        exclude_terms ${T},
        created_by ${T},
        created_at ${T} NOT NULL
      );
      CREATE INDEX digest_schedules_tenant ON digest_schedules(tenant_id, id);

      CREATE TABLE item_subscriptions (
        subscription_id bigint PRIMARY KEY REFERENCES subscriptions(id) ON DELETE CASCADE,
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        after_article bigint NOT NULL,
        include_terms ${T} NOT NULL DEFAULT '[]',
        exclude_terms ${T} NOT NULL DEFAULT '[]',
        started_at ${T} NOT NULL
      );
      CREATE INDEX item_subscriptions_tenant ON item_subscriptions(tenant_id);
      CREATE TABLE item_posts (
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        channel ${T} NOT NULL,
        article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        nonce ${T},
        status ${T} NOT NULL CHECK (status IN ('claimed', 'posted', 'filtered', 'abandoned')),
        attempts integer NOT NULL DEFAULT 0,
        lease_until ${T} NOT NULL,
        last_error ${T},
        claimed_at ${T} NOT NULL,
        sent_at ${T},
        posted_at ${T},
        message_id ${T},
        PRIMARY KEY (tenant_id, channel, article_id)
      );
      CREATE INDEX item_posts_sent ON item_posts(tenant_id, channel, sent_at);
      CREATE TABLE feed_health_notices (
        tenant_id ${T} NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        subscription_id bigint NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        run ${T} NOT NULL,
        kind ${T} NOT NULL CHECK (kind IN ('failing', 'recovered')),
        channel ${T} NOT NULL,
        nonce ${T} NOT NULL,
        message ${T} NOT NULL,
        status ${T} NOT NULL CHECK (status IN ('claimed', 'posted')),
        attempts integer NOT NULL DEFAULT 0,
        lease_until ${T} NOT NULL,
        last_error ${T},
        claimed_at ${T} NOT NULL,
        posted_at ${T},
        message_id ${T},
        PRIMARY KEY (tenant_id, subscription_id, run, kind)
      );

      CREATE TABLE installations (
        tenant_id ${T} PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        installation ${T} NOT NULL,
        installed_by ${T},
        installed_at ${T} NOT NULL,
        updated_at ${T} NOT NULL
      );
    `);
  },
};
