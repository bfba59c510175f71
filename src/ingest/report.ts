import type { ArticleSummary } from '../store/index.ts';

/** `newsdesk ingest --json` */
export interface IngestReport {
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  skipped: number;
  /** `code` is set for a stable failure kind (ERR_KNOWLEDGE_INDEX: stored, its knowledge retried on the next run). */
  failed: { path: string; error: string; code?: string }[];
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
