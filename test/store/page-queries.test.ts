import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { PAGE_QUERY_LIMITS } from '../../src/store/page-queries.ts';
import { describeOnEngines, type StoreEngine } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-page-queries-');
const A = 'discord:111';
const B = 'discord:222';
const T = new Date('2026-11-22T08:00:00.000Z');
const DAY = 24 * 3600_000;
const later = (ms: number) => new Date(T.getTime() + ms);
const query = (actor: string) => ({ command: 'timeline', args: { actor, from: '2026-01-01', all: true } });

/** Two stores on one target: what two processes (front ends) on the same file or database see. */
function withStores(engine: StoreEngine, fn: (first: Store, second: Store) => void): void {
  const target = engine.target(tempDir());
  const first = openStore(target);
  const second = openStore(target);
  try {
    fn(first, second);
  } finally {
    first.close();
    second.close();
  }
}

describeOnEngines('page queries in the store', (engine) => {
  it('a key remembered by one process is recalled by another on the same store', () =>
    withStores(engine, (first, second) => {
      const key = first.pageQueries.remember(A, query('Marisol Quenby'), T);
      expect(key).toMatch(/^[\w-]{1,20}$/);
      expect(second.pageQueries.recall(A, key, later(1000))).toEqual(query('Marisol Quenby'));
      const other = second.pageQueries.remember(A, query('Ilse Varga'), T);
      expect(other).not.toBe(key);
      expect(first.pageQueries.recall(A, other, T)).toEqual(query('Ilse Varga'));
      expect(first.pageQueries.recall(A, 'nosuchkey', T)).toBeUndefined();
    }));

  it("a key recalls nothing under another tenant, and another tenant's writes never prune it", () =>
    withStores(engine, (store) => {
      const key = store.pageQueries.remember(A, query('Marisol Quenby'), T);
      expect(store.pageQueries.recall(B, key, T)).toBeUndefined();
      const bKey = store.pageQueries.remember(B, query('Ilse Varga'), T);
      expect(store.pageQueries.recall(A, bKey, T)).toBeUndefined();
      expect(store.pageQueries.recall(A, key, T)).toEqual(query('Marisol Quenby'));
      expect([store.pageQueries.count(A), store.pageQueries.count(B)]).toEqual([1, 1]);
    }));

  it('a query older than the age limit is not recalled, and the next write deletes it', () =>
    withStores(engine, (store) => {
      const old = store.pageQueries.remember(A, query('Marisol Quenby'), T);
      const justBefore = later(PAGE_QUERY_LIMITS.maxAgeMs - 1);
      expect(store.pageQueries.recall(A, old, justBefore)).toEqual(query('Marisol Quenby'));
      const expired = later(PAGE_QUERY_LIMITS.maxAgeMs + DAY);
      expect(store.pageQueries.recall(A, old, expired)).toBeUndefined();
      expect(store.pageQueries.count(A)).toBe(1);
      // Any tenant's write prunes every tenant's expired rows: a server gone quiet leaves none behind.
      const fresh = store.pageQueries.remember(B, query('Ilse Varga'), expired);
      expect([store.pageQueries.count(A), store.pageQueries.count(B)]).toEqual([0, 1]);
      expect(store.pageQueries.recall(B, fresh, expired)).toEqual(query('Ilse Varga'));
    }));

  it('a tenant keeps its newest queries up to the cap; the oldest are forgotten first', () =>
    withStores(engine, (store) => {
      const bKey = store.pageQueries.remember(B, query('Ilse Varga'), T);
      const keys = store.transaction(() =>
        Array.from({ length: PAGE_QUERY_LIMITS.perTenant + 2 }, (_, i) =>
          // All within one millisecond for the most part: the cap goes by order written, not by time.
          store.pageQueries.remember(A, query(`Actor ${i}`), later(Math.floor(i / 500))),
        ),
      );
      expect(store.pageQueries.count(A)).toBe(PAGE_QUERY_LIMITS.perTenant);
      expect(store.pageQueries.recall(A, keys[0]!, later(1))).toBeUndefined();
      expect(store.pageQueries.recall(A, keys[1]!, later(1))).toBeUndefined();
      expect(store.pageQueries.recall(A, keys[2]!, later(1))).toEqual(query('Actor 2'));
      expect(store.pageQueries.recall(A, keys.at(-1)!, later(1))).toEqual(
        query(`Actor ${PAGE_QUERY_LIMITS.perTenant + 1}`),
      );
      expect(store.pageQueries.recall(B, bKey, later(1))).toEqual(query('Ilse Varga'));
    }));
});

describe('page queries in a SQLite store written before them', () => {
  it('a store from before migration 014 opens and remembers page queries', () => {
    const path = join(tempDir(), 'store.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of migrations.filter((m) => m.name < '014')) {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
        migration.name,
        T.toISOString(),
      );
    }
    db.close();
    const store = openStore(path);
    try {
      const key = store.pageQueries.remember(A, query('Marisol Quenby'), T);
      expect(store.pageQueries.recall(A, key, T)).toEqual(query('Marisol Quenby'));
      expect(store.tenants.get(A)?.platform).toBe('discord');
    } finally {
      store.close();
    }
  });
});
