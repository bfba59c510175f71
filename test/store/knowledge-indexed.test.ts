import { expect, it } from 'vitest';
import type { ArticleInput } from '../../src/store/index.ts';
import { openStore } from '../../src/store/index.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-indexed-');

const article = (n: number, over: Partial<ArticleInput> = {}): ArticleInput => ({
  origin: `file:/corpus/a${n}.txt`,
  kind: 'file',
  path: `/corpus/a${n}.txt`,
  title: `Talks, round ${n}`,
  published: '2025-11-23T00:00:00.000Z',
  publishedEstimated: false,
  dateSource: 'front-matter',
  text: `Delegations met for round ${n}.`,
  removed: [],
  tags: [],
  words: 4,
  contentHash: `hash-${n}`,
  ...over,
});

describeOnEngines('which articles knowledge has still to index', (engine) => {
  it('lists an original until it is marked, and again once it changes', () => {
    const store = openStore(engine.target(tempDir()));
    const k = store.knowledge;
    const a = store.articles.insert(article(1), '2025-12-01T00:00:00.000Z');
    const b = store.articles.insert(article(2), '2025-12-01T00:00:00.000Z');
    expect(k.unindexedArticles()).toEqual([a, b]);
    k.markIndexed(a, '2025-12-01T00:00:00.000Z', 3);
    k.markIndexed(b, '2025-12-01T00:00:00.000Z', 0);
    expect(k.unindexedArticles()).toEqual([]);
    store.articles.update(
      a,
      article(1, { text: 'Changed.', contentHash: 'new' }),
      '2025-12-02T00:00:00.000Z',
    );
    expect(k.unindexedArticles()).toEqual([a]);
    store.close();
  });

  it('lists a removed article that was indexed (its knowledge must go), never one that was not', () => {
    const store = openStore(engine.target(tempDir()));
    const k = store.knowledge;
    const indexed = store.articles.insert(article(1), '2025-12-01T00:00:00.000Z');
    const never = store.articles.insert(article(2), '2025-12-01T00:00:00.000Z');
    k.markIndexed(indexed, '2025-12-01T00:00:00.000Z', 2);
    const gone = store.articles.markMissingFilesRemoved('/corpus/', new Set(), '2025-12-02T00:00:00.000Z');
    expect(gone.sort()).toEqual([indexed, never].sort());
    expect(k.unindexedArticles()).toEqual([indexed]);
    store.close();
  });

  it('never lists a duplicate nobody indexed', () => {
    const store = openStore(engine.target(tempDir()));
    const original = store.articles.insert(article(1), '2025-12-01T00:00:00.000Z');
    store.knowledge.markIndexed(original, '2025-12-01T00:00:00.000Z', 1);
    store.articles.insert(article(2, { duplicateOf: original }), '2025-12-01T00:00:00.000Z');
    expect(store.knowledge.unindexedArticles()).toEqual([]);
    store.close();
  });
});
