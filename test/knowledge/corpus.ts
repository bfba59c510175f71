import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import type { Store } from '../../src/store/index.ts';

/** The shared sample corpus (five real articles), read at test time; never copied into the project. */
export const SHARED_CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const hasSharedCorpus = existsSync(SHARED_CORPUS);
if (!hasSharedCorpus)
  console.log(`knowledge tests: ${SHARED_CORPUS} is absent; sample-corpus tests are skipped`);

/** Our own independent test corpus (a fictional grid negotiation). */
export const OWN_FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** Ingests a folder through the real ingester, which indexes knowledge as it saves. */
export async function ingestFolder(store: Store, dir: string): Promise<void> {
  const report = await runIngest(store, { corpusDirs: [dir], feeds: false, config: loadConfig({}) });
  if (report.failed.length) throw new Error(`ingest failed: ${JSON.stringify(report.failed)}`);
}

export interface InlineArticle {
  title: string;
  published: string;
  text: string;
}

/** Stores short inline articles as the ingester would (already clean) and returns their ids. */
export function insertArticles(store: Store, articles: InlineArticle[], dir: string): number[] {
  return articles.map((a, i) =>
    store.articles.insert({
      origin: `file:${join(dir, `a${i}.txt`)}`,
      kind: 'file',
      path: join(dir, `a${i}.txt`),
      title: a.title,
      published: `${a.published}T00:00:00.000Z`,
      publishedEstimated: false,
      dateSource: 'front-matter',
      text: a.text,
      removed: [],
      tags: [],
      words: a.text.split(/\s+/).length,
      contentHash: createHash('sha256').update(a.text).digest('hex'),
    }),
  );
}
