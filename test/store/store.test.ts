import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/store/index.ts';
import { openStore } from '../../src/store/index.ts';
import { describeOnEngines } from '../support/store-engines.ts';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'store.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const article = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  origin: 'file:/tmp/a.txt',
  kind: 'file',
  path: '/tmp/a.txt',
  title: 'Talks in Geneva',
  published: '2025-11-23T00:00:00.000Z',
  publishedEstimated: false,
  dateSource: 'front-matter',
  text: 'Delegations met in Geneva to revise the draft "peace" plan (OR NOT).',
  removed: [{ text: 'Leave A Reply', reason: 'comment-form' }],
  tags: [],
  words: 11,
  contentHash: 'abc',
  ...over,
});

describe('the store file (SQLite only)', () => {
  it('creates the file and its folder, and keeps articles across a reopen', () => {
    const path = tempDb();
    const first = openStore(path);
    first.articles.insert(article());
    first.close();
    const second = openStore(path);
    expect(second.articles.count()).toBe(1);
    second.close();
  });

  it('runs in WAL mode with synchronous=FULL', () => {
    const store = openStore(tempDb());
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    store.close();
  });
});

describeOnEngines('store', (engine) => {
  /** A new store of the engine (a file in a new folder for SQLite). */
  const target = () => engine.target(dirname(tempDb()));

  it('keeps articles across a reopen', () => {
    const path = target();
    const first = openStore(path);
    const id = first.articles.insert(article());
    first.close();
    const second = openStore(path);
    const row = second.articles.get(id);
    expect(row?.title).toBe('Talks in Geneva');
    expect(row?.removed).toEqual([{ text: 'Leave A Reply', reason: 'comment-form' }]);
    expect(second.articles.count()).toBe(1);
    second.close();
  });

  it('quotes user text before it reaches the full-text search (FTS5 MATCH, to_tsquery)', () => {
    const store = openStore(target());
    store.articles.insert(article());
    for (const hostile of ['"peace', 'OR NOT (', 'title:geneva*', 'NEAR(a b)', '^^^', '']) {
      expect(() => store.articles.search(hostile)).not.toThrow();
    }
    expect(store.articles.search('peace plan').map((r) => r.id)).toHaveLength(1);
    expect(store.articles.search('"geneva"').map((r) => r.id)).toHaveLength(1);
    store.close();
  });

  it('folds diacritics in search both ways, as FTS5 does (remove_diacritics 2)', () => {
    const store = openStore(target());
    const accented = store.articles.insert(
      article({
        origin: 'file:/tmp/b.txt',
        title: 'Erdoğan hosts envoys',
        text: 'Talks resumed in Malmö and Zürich.',
      }),
    );
    const plain = store.articles.insert(
      article({ origin: 'file:/tmp/c.txt', title: 'Envoys in Sao Paulo', text: 'A second round in Bogota.' }),
    );
    expect(store.articles.search('Erdogan').map((r) => r.id)).toEqual([accented]);
    expect(store.articles.search('ZURICH malmo', { mode: 'all' }).map((r) => r.id)).toEqual([accented]);
    expect(store.articles.search('São Paulo', { mode: 'all' }).map((r) => r.id)).toEqual([plain]);
    expect(store.articles.search('Bogotá').map((r) => r.id)).toEqual([plain]);
    // A letter Unicode does not decompose stays itself on both engines.
    expect(store.articles.search('Malmo Zurich Erdogan Ø')).toHaveLength(1);
    store.close();
  });

  it('rolls back every write of a failed transaction', () => {
    const store = openStore(target());
    expect(() =>
      store.transaction(() => {
        store.articles.insert(article());
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    expect(store.articles.count()).toBe(0);
    store.close();
  });
});
