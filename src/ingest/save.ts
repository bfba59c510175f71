import { errorMessage } from '../core/errors.ts';
import { type ArticleAnalysis, type IndexFailure, indexArticles } from '../knowledge/index.ts';
import { type ArticleOrigin, toSummary } from '../store/articles.ts';
import type { ArticleInput, ArticleSummary, Store } from '../store/index.ts';
import { forgetNearDuplicates, nearDuplicateIndexOf } from './near-duplicates.ts';
import { type Prepared, type PreparedArticle, prepareSafely } from './prepare.ts';
import type { NearDuplicateIndex } from './simhash.ts';
import type { RawArticle } from './types.ts';

export interface SaveOptions {
  now?: string;
  /** The batch already prepared (e.g. in worker threads), aligned with `raws`. */
  prepared?: (Prepared | undefined)[];
  /** Have knowledge index the changed articles (default true; a bulk import may index later). */
  index?: boolean;
}

export interface SaveResult {
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  /** Every article of the batch, in input order. new + updated + unchanged + duplicates = articles. */
  articles: ArticleSummary[];
  /** New or changed originals (not duplicates): what knowledge re-indexed. */
  changedIds: number[];
  /**
   * Inputs that could not be cleaned, and articles stored whose knowledge could not be indexed (with
   * its `code`; indexed again on the next run): the rest of the batch is stored all the same.
   */
  failed: { path: string; error: string; code?: string }[];
}

/** An article whose knowledge could not be indexed, as the ingest report lists it. */
export const failedEntry = (f: IndexFailure): SaveResult['failed'][number] => ({
  path: f.location,
  error: f.error.message,
  code: f.error.code,
});

type Work = { existing?: ArticleOrigin; article?: PreparedArticle };

/** The batch's articles as summaries, in input order: each an article's summary or the id of an unchanged one. */
function summariesInOrder(store: Store, entries: (ArticleSummary | number)[]): ArticleSummary[] {
  const unchanged = store.articles.summaries(entries.filter((e): e is number => typeof e === 'number'));
  return entries.map((e) => (typeof e === 'number' ? unchanged.get(e)! : e));
}

/**
 * Stores a batch of raw articles (corpus files or feed items): cleans and dates each, links exact and
 * near duplicates (same canonical URL or guid, same cleaned text, SimHash neighbours) to the original
 * through duplicate_of, and writes the whole batch and the knowledge of what changed in one transaction,
 * so that no article is stored without its knowledge.
 * An input whose raw hash (or, without one, cleaned text) is unchanged is left alone: a batch with
 * nothing new costs two queries and no write transaction.
 */
export function saveArticles(store: Store, raws: RawArticle[], options: SaveOptions = {}): SaveResult {
  const result: SaveResult = {
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    articles: [],
    changedIds: [],
    failed: [],
  };
  const repo = store.articles;
  const now = options.now ?? new Date().toISOString();
  const stored = repo.findByOrigins(raws.map((raw) => raw.origin));
  const work = raws.flatMap((raw, i): Work[] => {
    const existing = stored.get(raw.origin);
    const unchanged =
      existing?.status === 'active' && raw.fileHash !== undefined && existing.fileHash === raw.fileHash;
    if (unchanged) return [{ existing, article: undefined }];
    const prepared = options.prepared?.[i] ?? prepareSafely(raw);
    if ('error' in prepared) {
      result.failed.push({ path: raw.path ?? raw.url ?? raw.origin, error: prepared.error });
      return [];
    }
    return [{ existing, article: prepared }];
  });
  if (work.every((item) => !item.article)) {
    result.unchanged = work.length;
    result.articles = summariesInOrder(
      store,
      work.map((item) => item.existing!.id),
    );
    return result;
  }
  try {
    store.transaction(() => writeBatch(store, work, result, now, options.index !== false));
  } catch (err) {
    // Fingerprints of articles the rollback took back may be in the index.
    forgetNearDuplicates(store);
    throw err;
  }
  return result;
}

/** saveArticles' writes, in its transaction. */
function writeBatch(store: Store, work: Work[], result: SaveResult, now: string, index: boolean): void {
  const repo = store.articles;
  // Up to date under the write lock: every other writer's articles are in it.
  const near = nearDuplicateIndexOf(store);
  const analysed = new Map<number, ArticleAnalysis>();
  // Origins this batch has written: a repeat within the batch is not another process's article.
  const written = new Set<string>();
  const entries: (ArticleSummary | number)[] = [];
  // Another process (a second ingest, the bot's feed poll) may have stored an origin since it was
  // looked up: look again under the write lock, so that it is updated, not inserted twice.
  const since = repo.findByOrigins(work.flatMap((w) => (w.article && !w.existing ? [w.article.origin] : [])));
  for (const item of work) {
    const { article } = item;
    const existing =
      item.existing ?? (article && !written.has(article.origin) ? since.get(article.origin) : undefined);
    if (article) written.add(article.origin);
    if (
      !article ||
      (existing?.status === 'active' && !article.fileHash && existing.contentHash === article.contentHash)
    ) {
      result.unchanged++;
      entries.push(existing!.id);
      continue;
    }
    // Each article's writes in a savepoint of their own: one that the store refuses (a constraint,
    // a full disk) is reported under `failed` and costs none of the others.
    let id: number;
    try {
      id = store.transaction(() => writeArticle(store, near, existing, article, now));
    } catch (err) {
      result.failed.push({ path: article.path ?? article.url ?? article.origin, error: errorMessage(err) });
      continue;
    }
    // The index follows the store: an original with a fingerprint in it, anything else out.
    if (article.duplicateOf === null && article.simhash) near.add(id, article.simhash);
    else near.remove(id);
    // A duplicate is stored (linked to its original) but counted once, as a duplicate.
    if (article.duplicateOf !== null) result.duplicates++;
    else {
      if (existing) result.updated++;
      else result.new++;
      result.changedIds.push(id);
      if (article.analysis) analysed.set(id, article.analysis);
    }
    entries.push(toSummary({ ...article, id }));
  }
  result.articles = summariesInOrder(store, entries);
  if (result.changedIds.length && index) {
    const indexed = indexArticles(store, result.changedIds, analysed);
    result.failed.push(...indexed.failed.map(failedEntry));
  }
}

/** Inserts or updates one article, linked to its original when it is a duplicate; returns its id. */
function writeArticle(
  store: Store,
  near: NearDuplicateIndex,
  existing: ArticleOrigin | undefined,
  article: PreparedArticle,
  now: string,
): number {
  article.duplicateOf = duplicateOf(store, near, article, existing?.id ?? -1);
  if (!existing) return store.articles.insert(article, now);
  store.articles.update(existing.id, article, now);
  return existing.id;
}

function duplicateOf(store: Store, near: NearDuplicateIndex, a: ArticleInput, selfId: number): number | null {
  const identity = { canonicalUrl: a.canonicalUrl || null, guid: a.guid || null, contentHash: a.contentHash };
  const original =
    store.articles.findOriginal(identity, selfId) ??
    (a.simhash ? near.nearest(a.simhash, undefined, selfId) : undefined);
  // Only an earlier article can be the original, so that two articles never point at each other.
  return original !== undefined && (selfId < 0 || original < selfId) ? original : null;
}
