import type { Store } from '../store/index.ts';
import type { Audience } from '../store/tenants.ts';
import type { ArticleAnalysis } from './analyze.ts';
import { type IndexOutcome, indexArticlesInStore, indexUnindexedInStore } from './indexer.ts';
import { suggestActorNames } from './suggest.ts';
import { timelineQuery } from './timeline.ts';
import type { TimelineQuery, TimelineResult, WhoisResult } from './types.ts';
import { whoisQuery } from './whois.ts';

export { type ArticleAnalysis, analysisOf } from './analyze.ts';
export { KnowledgeIndexError } from './errors.ts';
export type { IndexFailure, IndexOutcome } from './indexer.ts';
export type * from './types.ts';

/**
 * Extracts actors, roles and events from these articles (re-indexing replaces earlier results).
 * `analysed` holds analyses already made (analysisOf, in a worker thread) of the articles as stored.
 * One article that fails is returned under `failed`, stored without knowledge, and retried by
 * indexUnindexed; the others are indexed.
 */
export function indexArticles(
  store: Store,
  articleIds: number[],
  analysed?: ReadonlyMap<number, ArticleAnalysis>,
): IndexOutcome {
  return indexArticlesInStore(store, articleIds, analysed);
}

/** Indexes what earlier runs left without up-to-date knowledge (killed mid-run, failed, or bulk-imported). */
export function indexUnindexed(store: Store): IndexOutcome {
  return indexUnindexedInStore(store);
}

/**
 * Who is NAME: the actor with roles, profile and sources; candidates when ambiguous; suggestions when
 * unknown. All from what `audience` may see (default: the operator's view).
 */
export function whois(store: Store, name: string, audience?: Audience): WhoisResult {
  return whoisQuery(store, name, audience);
}

/** Events in date order (the latest `limit` unless `from` is given), filtered by actor, dates and text. */
export function timeline(store: Store, query: TimelineQuery, audience?: Audience): TimelineResult {
  return timelineQuery(store, query, audience);
}

/** Actor names for autocomplete: prefix matches first, then fuzzy; at most `limit`. */
export function suggestActors(
  store: Store,
  typed: string,
  limit = 25,
  audience?: Audience,
): { id: number; name: string }[] {
  return suggestActorNames(store, typed, limit, audience);
}
