import type { Config } from '../config.ts';
import { indexUnindexed } from '../knowledge/index.ts';
import type { Store } from '../store/index.ts';
import { ingestCorpus } from './corpus.ts';
import { pollFeeds } from './feeds/index.ts';
import { emptyReport, type IngestReport, mergeReports } from './report.ts';
import { failedEntry } from './save.ts';

export { emptyReport, type IngestReport, mergeReports } from './report.ts';
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

/** Ingests the corpus folders and, when asked, the subscribed feeds; one bad input never stops the run. */
export async function runIngest(store: Store, options: IngestOptions): Promise<IngestReport> {
  const report = emptyReport();
  // Knowledge an earlier run did not finish (killed, failed, or told not to index) is indexed first.
  if (options.indexKnowledge !== false) {
    report.failed.push(...indexUnindexed(store).failed.map(failedEntry));
  }
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
