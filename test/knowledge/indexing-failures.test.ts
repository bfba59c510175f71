import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ErrorCode } from '../../src/core/errors.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { whois } from '../../src/knowledge/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-index-failures-');
const config = loadConfig({});

/** Three short reports of our own, each naming two officials with their roles. */
const reports = [
  [
    'lisbon.md',
    '2025-03-04',
    'Foreign Minister Talia Voss met Ambassador Karel Zorvath in Lisbon on Tuesday.',
  ],
  ['oslo.md', '2025-03-05', 'Trade Minister Ona Brandt met Senator Pieter Lund in Oslo on Wednesday.'],
  ['rome.md', '2025-03-06', 'Defence Minister Ivo Marek met General Sara Quint in Rome on Thursday.'],
];

function writeCorpus(): string {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  for (const [name, day, sentence] of reports) {
    writeFileSync(
      join(dir, name!),
      `---\ntitle: "Talks on ${day}"\ndate: ${day}\n---\n\n${sentence}\n\nBoth sides called the meeting useful and agreed to meet again next month.\n`,
    );
  }
  return dir;
}

const ingest = (store: Store, dir: string, indexKnowledge?: boolean) =>
  runIngest(store, { corpusDirs: [dir], feeds: false, config, indexKnowledge });

/** Articles with their knowledge mark: `found` is null when knowledge never indexed the article. */
const marks = (store: Store) =>
  store.knowledge.database
    .prepare(
      `SELECT a.path, k.found, (SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.id) AS mentions
         FROM articles a LEFT JOIN knowledge_indexed k ON k.article_id = a.id ORDER BY a.path`,
    )
    .all() as { path: string; found: number | null; mentions: number }[];

describe('knowledge indexing failures', () => {
  it('puts an article whose knowledge cannot be stored under failed, indexes the rest, and retries it on the next run', async () => {
    const dir = writeCorpus();
    const store = openStore(join(tempDir(), 'store.db'));
    // A real SQLite fault on one article's writes (a stand-in for a full disk or a constraint), not a mock.
    store.knowledge.database.exec(`CREATE TRIGGER injected_fault BEFORE INSERT ON actor_mentions
      WHEN NEW.sentence LIKE '%Zorvath%' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    const first = await ingest(store, dir);
    expect(first.new).toBe(3);
    expect(first.failed).toEqual([
      {
        path: join(dir, 'lisbon.md'),
        code: ErrorCode.KnowledgeIndex,
        error: 'knowledge indexing failed: injected fault',
      },
    ]);
    expect(marks(store).map((m) => [m.found !== null, m.mentions > 0])).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
    expect(whois(store, 'Ona Brandt').actor?.name).toBe('Ona Brandt');
    expect(whois(store, 'Karel Zorvath').actor).toBeNull();

    store.knowledge.database.exec('DROP TRIGGER injected_fault');
    const second = await ingest(store, dir);
    expect(second).toMatchObject({ new: 0, unchanged: 3, failed: [] });
    expect(marks(store).every((m) => m.found !== null && m.mentions > 0)).toBe(true);
    expect(whois(store, 'Karel Zorvath').actor?.name).toBe('Karel Zorvath');
    store.close();
  });

  it('indexes on the next run what a run told not to index stored', async () => {
    const dir = writeCorpus();
    const store = openStore(join(tempDir(), 'store.db'));
    expect((await ingest(store, dir, false)).new).toBe(3);
    expect(store.knowledge.counts().actors).toBe(0);
    expect(store.knowledge.unindexedArticles()).toHaveLength(3);
    expect(await ingest(store, dir)).toMatchObject({ unchanged: 3, failed: [] });
    expect(store.knowledge.unindexedArticles()).toEqual([]);
    expect(marks(store).every((m) => m.found !== null && m.found > 0 && m.mentions > 0)).toBe(true);
    store.close();
  });

  it('marks an article with nothing to find as indexed, so it is not indexed again', async () => {
    const dir = join(tempDir(), 'corpus');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'weather.md'),
      '---\ntitle: "Rain"\ndate: 2025-03-04\n---\n\nit rained all day and the wind was cold.\n\nmore rain is expected tomorrow.\n',
    );
    const store = openStore(join(tempDir(), 'store.db'));
    expect((await ingest(store, dir)).new).toBe(1);
    expect(marks(store)).toEqual([{ path: join(dir, 'weather.md'), found: 0, mentions: 0 }]);
    expect(store.knowledge.unindexedArticles()).toEqual([]);
    store.close();
  });

  it('indexes once more, after the upgrade, an article an older store kept without knowledge', async () => {
    const dir = writeCorpus();
    const path = join(tempDir(), 'store.db');
    const store = openStore(path);
    await ingest(store, dir);
    const lost = store.articles.list().find((a) => a.path?.endsWith('oslo.md'))!.id;
    // The store as an older version left it after a killed run: no marks, one article without knowledge.
    store.transaction(() => {
      const { actorIds, eventIds } = store.knowledge.clearArticles([lost]);
      store.knowledge.removeOrphans(actorIds, eventIds);
      const db = store.knowledge.database;
      db.exec(
        "DROP TABLE knowledge_indexed; DELETE FROM schema_migrations WHERE name = '009-knowledge-indexed'",
      );
    });
    store.close();
    const upgraded = openStore(path);
    expect(upgraded.knowledge.unindexedArticles()).toEqual([lost]);
    expect(await ingest(upgraded, dir)).toMatchObject({ unchanged: 3, failed: [] });
    expect(whois(upgraded, 'Ona Brandt').actor?.name).toBe('Ona Brandt');
    expect(upgraded.knowledge.unindexedArticles()).toEqual([]);
    upgraded.close();
  });
});
