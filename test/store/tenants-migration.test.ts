import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { deliveryNonce } from '../../src/digest/deliver.ts';
import { listFeeds, removeFeed } from '../../src/ingest/feeds/index.ts';
import { openStore } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { testConfig } from '../support/discord-store.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-tenants-');
const SLOT = '2026-11-22T08:00:00+00:00';
const T = '2026-11-22T08:00:00.000Z';

/** A store as the version before tenants wrote it: migrations 001-007 only, with rows in every table tenants key. */
function writeStoreBeforeTenants(path: string): void {
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const migration of migrations.filter((m) => m.name < '008')) {
    migration.up(db);
    db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, T);
  }
  const feed = db.prepare(
    'INSERT INTO feeds (id, url, title, origin, added_at, last_success) VALUES (?, ?, ?, ?, ?, ?)',
  );
  feed.run(3, 'https://env.example/feed', 'From FEEDS', 'env', T, T);
  feed.run(7, 'https://hand.example/feed', 'Added by hand', 'store', T, T);
  db.prepare(
    `INSERT INTO articles (id, origin, kind, feed_id, title, published, text, content_hash, ingested_at, updated_at)
       VALUES (1, 'url:https://hand.example/1', 'feed', 7, 'Old item', ?, 'Old text.', 'h1', ?, ?)`,
  ).run(T, T, T);
  db.prepare(
    "INSERT INTO posted_digests (id, posted_at, since, until, mode, digest) VALUES (1, ?, ?, ?, 'extractive', '{}')",
  ).run(T, '2026-11-21T08:00:00.000Z', T);
  db.prepare(
    "INSERT INTO reported_items (digest_id, fingerprint, article_ids) VALUES (1, '[\"talks\"]', '[1]')",
  ).run();
  db.prepare(
    'INSERT INTO digest_slots (slot, period_since, period_until, digest, message, created_at) VALUES (?, ?, ?, \'{}\', \'{"text":"hi"}\', ?)',
  ).run(SLOT, '2026-11-21T08:00:00.000Z', T, T);
  db.prepare(
    `INSERT INTO deliveries (slot, platform, destination, nonce, status, message, attempts, claimed_at)
       VALUES (?, 'discord', 'C1', ?, 'claimed', '{"text":"hi"}', 1, ?)`,
  ).run(SLOT, deliveryNonce(SLOT, 'discord', 'C1', 'operator'), T);
  db.close();
}

describe('a store written before tenants', () => {
  it("opens with its feeds, digests and open claims as the operator's, and keeps working", () => {
    const path = join(tempDir(), 'old.db');
    writeStoreBeforeTenants(path);
    const store = openStore(path);
    try {
      // Feeds: operator subscriptions with the feeds' ids and origins, so `feeds remove 7` still works.
      const config = testConfig({ FEEDS: 'https://env.example/feed' });
      expect(listFeeds(store, config, 'operator').map((f) => [f.id, f.url, f.origin])).toEqual([
        [3, 'https://env.example/feed', 'env'],
        [7, 'https://hand.example/feed', 'store'],
      ]);
      expect(store.feeds.due(T, true).map((f) => f.id)).toEqual([3, 7]);
      // Digests: the last posted one still starts the next period; its items are still reported.
      expect(store.summaries.lastPosted('operator')).toMatchObject({ id: 1, until: T });
      expect(store.summaries.reportedItems('operator')).toEqual([
        { fingerprint: ['talks'], articleIds: [1], postedAt: T },
      ]);
      // The claim left open by a crash is found again with its nonce, and completes.
      const claim = store.deliveries.get('operator', SLOT, 'discord', 'C1');
      expect(claim).toMatchObject({ status: 'claimed', attempts: 1, tenantId: 'operator' });
      expect(claim?.nonce).toBe(deliveryNonce(SLOT, 'discord', 'C1', 'operator'));
      store.deliveries.complete('operator', claim!.id, 'm1');
      expect(store.deliveries.get('operator', SLOT, 'discord', 'C1')?.status).toBe('posted');
      expect(store.deliveries.slot('operator', SLOT)?.message).toEqual({ text: 'hi' });
      // None of it is anyone else's.
      expect(listFeeds(store, config, 'discord:1')).toEqual([]);
      expect(store.summaries.lastPosted('discord:1')).toBeUndefined();
      expect(store.deliveries.list('discord:1')).toEqual([]);
      // And it keeps working: a removed subscription is no longer polled, the next slot claims.
      expect(removeFeed(store, 'operator', '7')).toBe(true);
      expect(store.feeds.due(T, true).map((f) => f.id)).toEqual([3]);
      const next = '2026-11-23T08:00:00+00:00';
      store.deliveries.saveSlot('operator', { slot: next, since: T, until: T, digest: {}, message: {} });
      const nonce = deliveryNonce(next, 'discord', 'C1', 'operator');
      const fresh = { slot: next, platform: 'discord' as const, destination: 'C1', nonce, message: {} };
      expect(store.deliveries.claim('operator', fresh).status).toBe('claimed');
    } finally {
      store.close();
    }
  });
});
