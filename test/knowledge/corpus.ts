import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../../src/store/index.ts';

/** The shared sample corpus (five real articles), read at test time; never copied into the project. */
export const SHARED_CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const hasSharedCorpus = existsSync(SHARED_CORPUS);
if (!hasSharedCorpus)
  console.log(`knowledge tests: ${SHARED_CORPUS} is absent; sample-corpus tests are skipped`);

export const OWN_FIXTURES = resolve(import.meta.dirname, 'fixtures');

export interface FixtureArticle {
  file: string;
  title: string;
  published: string;
  estimated: boolean;
  text: string;
}

// Known or estimated publication days of the shared articles, by file-name prefix (test data only).
const SHARED_DATES: Record<string, [string, boolean]> = {
  '000': ['2026-01-27', true],
  '001': ['2025-12-01', false],
  '002': ['2025-11-25', true],
  '003': ['2025-11-26', false],
  '004': ['2025-11-25', true],
};

function readArticle(
  dir: string,
  file: string,
  dates: (file: string, head: Record<string, string>) => [string, boolean],
): FixtureArticle {
  const raw = readFileSync(join(dir, file), 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  const head: Record<string, string> = {};
  for (const line of front?.[1]?.split('\n') ?? []) {
    const m = /^(\w+):\s*"?(.*?)"?$/.exec(line);
    if (m) head[m[1]!] = m[2]!;
  }
  const text = front ? raw.slice(front[0].length) : raw;
  const [published, estimated] = dates(file, head);
  const title =
    head.title ??
    text
      .split('\n')
      .find((l) => l.trim())!
      .trim();
  return { file, title, published, estimated, text };
}

export function sharedArticles(): FixtureArticle[] {
  return readdirSync(SHARED_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readArticle(SHARED_CORPUS, f, (file) => SHARED_DATES[file.slice(0, 3)] ?? ['2025-12-01', true]),
    );
}

/** Our own test corpus: front matter carries the date (`estimated: true` marks a guess). */
export function ownArticles(): FixtureArticle[] {
  return readdirSync(OWN_FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readArticle(OWN_FIXTURES, f, (_file, head) => [head.date!, head.estimated === 'true']));
}

/** Inserts articles as the ingester would store them and returns their ids in order. */
export function insertArticles(store: Store, articles: FixtureArticle[], dir: string): number[] {
  return articles.map((a) =>
    store.articles.insert({
      origin: `file:${join(dir, a.file)}`,
      kind: 'file',
      path: join(dir, a.file),
      title: a.title,
      published: `${a.published}T00:00:00.000Z`,
      publishedEstimated: a.estimated,
      dateSource: a.estimated ? 'estimate-from-text' : 'front-matter',
      text: a.text,
      removed: [],
      tags: [],
      words: a.text.split(/\s+/).length,
      contentHash: createHash('sha256').update(a.text).digest('hex'),
    }),
  );
}
