import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { describeOnEngines, type StoreEngine } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-item-posts-');
const A = 'discord:111';
const B = 'slack:T222';
const T = '2026-11-22T08:00:00.000Z';
const LATER = '2026-11-22T09:00:00.000Z';

function withStore(engine: StoreEngine, fn: (store: Store) => void): void {
  const store = openStore(engine.target(tempDir()));
  try {
    fn(store);
  } finally {
    store.close();
  }
}

function insertArticle(store: Store, feedId: number, n: number): number {
  return store.articles.insert({
    origin: `url:https://a.example/${n}`,
    kind: 'feed',
    feedId,
    url: `https://a.example/${n}`,
    title: `Item ${n}`,
    published: T,
    publishedEstimated: false,
    dateSource: 'feed',
    text: `Item ${n} text.`,
    removed: [],
    tags: [],
    words: 3,
    contentHash: `h${n}`,
  });
}

/** A feed with one stored item, followed for item posts into channel C1 by tenant A. */
function itemsSubscription(store: Store) {
  const feed = store.feeds.add('https://a.example/feed?token=s3cret');
  const backlog = insertArticle(store, feed.id, 1);
  const sub = store.subscriptions.add(A, feed.id, { channel: 'C1', mode: 'items', origin: 'store' });
  store.itemPosts.follow(A, sub.id, sub.mode, T);
  return { feed, sub, backlog };
}

describeOnEngines('item posts in the store', (engine) => {
  it('start after the backlog: only articles stored later are pending', () =>
    withStore(engine, (store) => {
      const { feed, backlog } = itemsSubscription(store);
      expect(store.itemPosts.pending(A, 'C1', T, 20)).toEqual([]);
      const fresh = insertArticle(store, feed.id, 2);
      expect(store.itemPosts.pending(A, 'C1', T, 20).map((p) => p.articleId)).toEqual([fresh]);
      expect(fresh).toBeGreaterThan(backlog);
    }));

  it('a claim is held once: a second claimant gets nothing until the lease runs out or is freed', () =>
    withStore(engine, (store) => {
      const { feed } = itemsSubscription(store);
      const id = insertArticle(store, feed.id, 2);
      expect(store.itemPosts.claim(A, 'C1', [id], T, LATER)).toEqual([id]);
      expect(store.itemPosts.claim(A, 'C1', [id], T, LATER)).toEqual([]);
      expect(store.itemPosts.pending(A, 'C1', T, 20)).toEqual([]);
      store.itemPosts.startAttempt(A, 'C1', [id], 'nonce1', T);
      store.itemPosts.fail(A, 'C1', [id], 'HTTP 500', T, 10);
      // Freed at once, with what the earlier attempt sent it as.
      expect(store.itemPosts.pending(A, 'C1', T, 20)).toMatchObject([
        { articleId: id, nonce: 'nonce1', attempts: 1 },
      ]);
      expect(store.itemPosts.claim(A, 'C1', [id], T, LATER)).toEqual([id]);
      store.itemPosts.complete(A, 'C1', [id], 'm1', T);
      expect(store.itemPosts.claim(A, 'C1', [id], LATER, LATER)).toEqual([]);
      expect(store.itemPosts.pending(A, 'C1', LATER, 20)).toEqual([]);
    }));

  it('an article whose sends keep failing is given up after the last attempt allowed, and leaves the queue', () =>
    withStore(engine, (store) => {
      const { feed } = itemsSubscription(store);
      const id = insertArticle(store, feed.id, 2);
      for (const attempt of [1, 2]) {
        expect(store.itemPosts.claim(A, 'C1', [id], T, LATER), `attempt ${attempt}`).toEqual([id]);
        store.itemPosts.startAttempt(A, 'C1', [id], `n${attempt}`, T);
        store.itemPosts.fail(A, 'C1', [id], 'HTTP 403', T, 2);
      }
      expect(store.itemPosts.list(A)).toMatchObject([{ articleId: id, status: 'abandoned', attempts: 2 }]);
      expect(store.itemPosts.pending(A, 'C1', LATER, 20)).toEqual([]);
    }));

  it("another tenant cannot see or change a tenant's item posts, filters or health notices", () =>
    withStore(engine, (store) => {
      const { feed, sub } = itemsSubscription(store);
      const id = insertArticle(store, feed.id, 2);
      expect(store.itemPosts.pending(B, 'C1', T, 20)).toEqual([]);
      expect(store.itemPosts.channels(B)).toEqual([]);
      expect(store.itemPosts.claim(A, 'C1', [id], T, LATER)).toEqual([id]);
      store.itemPosts.startAttempt(B, 'C1', [id], 'fromB', T);
      store.itemPosts.complete(B, 'C1', [id], 'mB', T);
      store.itemPosts.fail(B, 'C1', [id], 'from B', T, 1);
      store.itemPosts.filterOut(B, 'C1', [id], T);
      expect(store.itemPosts.list(B)).toEqual([]);
      expect(store.itemPosts.list(A)).toMatchObject([
        { articleId: id, status: 'claimed', nonce: null, attempts: 0, lastError: null },
      ]);
      expect(store.itemPosts.setFilters(B, sub.id, { include: ['x'], exclude: [] })).toBe(false);
      expect(store.itemPosts.filters(B).size).toBe(0);
      expect(store.itemPosts.filters(A).get(sub.id)).toEqual({ include: [], exclude: [] });
      store.itemPosts.follow(B, sub.id, 'digest', T);
      expect(store.itemPosts.backlogEnd(A, sub.id)).toBeDefined();
      expect(store.itemPosts.backlogEnd(B, sub.id)).toBeUndefined();

      const notice = { subscriptionId: sub.id, run: T, kind: 'failing' as const, channel: 'C1', nonce: 'n1' };
      expect(store.feedHealth.claim(A, { ...notice, message: { text: 'A' } }, T, LATER)).toBeDefined();
      expect(store.feedHealth.get(B, sub.id, T, 'failing')).toBeUndefined();
      expect(store.feedHealth.list(B)).toEqual([]);
      store.feedHealth.complete(B, notice, 'mB', T);
      expect(store.feedHealth.dropUnsent(B, sub.id, LATER)).toBe(0);
      expect(store.feedHealth.get(A, sub.id, T, 'failing')).toMatchObject({
        status: 'claimed',
        messageId: null,
      });
      // B's own notice about the same subscription id is its own row and changes nothing of A's.
      expect(store.feedHealth.unrecoveredRuns(B, sub.id)).toEqual([]);
    }));

  it('switching a subscription to digest ends its item posts; back to items starts after the new backlog', () =>
    withStore(engine, (store) => {
      const { feed, sub } = itemsSubscription(store);
      insertArticle(store, feed.id, 2);
      store.subscriptions.add(A, feed.id, { channel: 'C1', mode: 'digest', origin: 'store' });
      store.itemPosts.follow(A, sub.id, 'digest', T);
      expect(store.itemPosts.backlogEnd(A, sub.id)).toBeUndefined();
      const between = insertArticle(store, feed.id, 3);
      store.subscriptions.add(A, feed.id, { channel: 'C1', mode: 'items', origin: 'store' });
      store.itemPosts.follow(A, sub.id, 'items', LATER);
      expect(store.itemPosts.backlogEnd(A, sub.id)).toBe(between);
      expect(store.itemPosts.pending(A, 'C1', LATER, 20)).toEqual([]);
    }));
});

describe('migration 012-item-posts', () => {
  it('starts item subscriptions stored before it after everything stored so far', () => {
    const path = join(tempDir(), 'old.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of migrations.filter((m) => m.name !== '012-item-posts')) {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, T);
    }
    db.exec(`INSERT INTO feeds (id, url, origin, added_at) VALUES (5, 'https://a.example/feed', 'store', '${T}');
      INSERT INTO tenants (id, platform, created_at) VALUES ('${A}', 'discord', '${T}');
      INSERT INTO subscriptions (id, tenant_id, feed_id, channel, mode, origin, created_at)
        VALUES (9, '${A}', 5, 'C1', 'items', 'store', '${T}');
      INSERT INTO articles (id, origin, kind, feed_id, title, text, content_hash, ingested_at, updated_at)
        VALUES (4, 'url:https://a.example/old', 'feed', 5, 'Old', 'Old text.', 'h', '${T}', '${T}');`);
    db.close();
    withStoreAt(path, (store) => {
      expect(store.itemPosts.backlogEnd(A, 9)).toBe(4);
      expect(store.itemPosts.pending(A, 'C1', T, 20)).toEqual([]);
    });
  });
});

function withStoreAt(path: string, fn: (store: Store) => void): void {
  const store = openStore(path);
  try {
    fn(store);
  } finally {
    store.close();
  }
}
