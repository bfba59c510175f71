import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Config, loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { type ArticleInput, openStore, type Store } from '../../src/store/index.ts';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../../shared/corpus');
export const hasCorpus = existsSync(CORPUS_DIR);
if (!hasCorpus) console.warn(`[summarize tests] ${CORPUS_DIR} is absent: corpus tests are skipped`);

const temps: string[] = [];

export function tempStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-summarize-'));
  temps.push(dir);
  return openStore(join(dir, 'store.db'));
}

export function cleanupTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Config with no LLM unless the test says otherwise (the environment never leaks in). */
export function testConfig(over: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...over });
}

let counter = 0;
export function article(over: Partial<ArticleInput> & { text: string }): ArticleInput {
  counter++;
  const text = over.text;
  return {
    origin: `file:/test/${counter}.txt`,
    kind: 'file',
    path: `/test/${counter}.txt`,
    title: `Article ${counter}`,
    published: '2025-11-25T10:00:00.000Z',
    publishedEstimated: false,
    dateSource: 'front-matter',
    removed: [],
    tags: [],
    words: text.split(/\s+/).length,
    contentHash: createHash('sha256').update(text).digest('hex'),
    ...over,
  };
}

/**
 * Inserts the shared corpus as raw text (front matter and all): the summariser's own sentence
 * filters must keep the furniture out even before the ingest cleaner has run.
 */
export function insertCorpus(store: Store): number[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const path = join(CORPUS_DIR, file);
      const text = readFileSync(path, 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const title =
        /^title:\s*"?(.*?)"?$/m.exec(front)?.[1] ??
        text.split('\n').find((l) => l.split(/\s+/).length >= 5 && !/[.:]$/.test(l.trim())) ??
        file;
      const date = /^date:\s*(\S+)/m.exec(front)?.[1];
      return store.articles.insert(
        article({
          origin: `file:${path}`,
          path,
          title: title.trim(),
          text,
          published: date ? new Date(`${date}Z`).toISOString() : null,
          dateSource: date ? 'front-matter' : 'unknown',
        }),
      );
    });
}

/** The shared corpus through the real ingester (cleaning, dates, de-duplication, knowledge). */
export async function ingestCorpus(store: Store): Promise<number[]> {
  const report = await runIngest(store, { corpusDirs: [CORPUS_DIR], feeds: false, config: testConfig() });
  return report.articles.map((a) => a.id);
}
