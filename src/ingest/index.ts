import type { Config } from '../config.ts';
import type { ArticleSummary, Store } from '../store/index.ts';
import { ingestCorpus } from './corpus.ts';
import { pollFeeds } from './feeds/index.ts';

export { type SaveOptions, type SaveResult, saveArticles } from './save.ts';

export interface IngestOptions {
  corpusDirs: string[];
  /** Also poll the subscribed feeds. */
  feeds: boolean;
  config: Config;
  onProgress?: (done: number, total: number) => void;
  /** Have knowledge index what changed (default true; the benchmark measures ingest alone with false). */
  indexKnowledge?: boolean;
}

/** `newsdesk ingest --json` */
export interface IngestReport {
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  skipped: number;
  failed: { path: string; error: string }[];
  articles: ArticleSummary[];
  /** Articles whose file disappeared from the corpus (marked removed, not deleted). */
  removed: number;
}

export const emptyReport = (): IngestReport => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  skipped: 0,
  failed: [],
  articles: [],
  removed: 0,
});

/** Adds one report's counts and lists into another (corpus + feeds). */
export function mergeReports(into: IngestReport, from: Partial<IngestReport>): IngestReport {
  into.new += from.new ?? 0;
  into.updated += from.updated ?? 0;
  into.unchanged += from.unchanged ?? 0;
  into.duplicates += from.duplicates ?? 0;
  into.skipped += from.skipped ?? 0;
  into.removed += from.removed ?? 0;
  into.failed.push(...(from.failed ?? []));
  into.articles.push(...(from.articles ?? []));
  return into;
}

/** Ingests the corpus folders and, when asked, the subscribed feeds; one bad input never stops the run. */
export async function runIngest(store: Store, options: IngestOptions): Promise<IngestReport> {
  const report = emptyReport();
  await ingestCorpus(
    store,
    options.corpusDirs,
    {
      maxFileBytes: options.config.MAX_FILE_BYTES,
      onProgress: options.onProgress,
      index: options.indexKnowledge,
    },
    report,
  );
  if (options.feeds) mergeReports(report, await pollFeeds(store, options.config));
  return report;
}
