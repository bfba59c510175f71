import type { Config } from '../config.ts';
import type { ArticleSummary, Store } from '../store/index.ts';

// Contract stub: the ingest work replaces the bodies; keep the signatures (other areas call them).

export interface IngestOptions {
  corpusDirs: string[];
  /** Also poll the subscribed feeds. */
  feeds: boolean;
  config: Config;
  onProgress?: (done: number, total: number) => void;
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
}

export async function runIngest(_store: Store, _options: IngestOptions): Promise<IngestReport> {
  throw new Error('ingest is not built yet');
}
