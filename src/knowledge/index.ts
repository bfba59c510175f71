import type { Store } from '../store/index.ts';
import type { TimelineQuery, TimelineResult, WhoisResult } from './types.ts';

export type * from './types.ts';

// Contract stub: the knowledge work replaces the bodies; keep the signatures (other areas call them).

/** Extracts actors, roles and events from these articles (re-indexing replaces earlier results). */
export function indexArticles(_store: Store, _articleIds: number[]): void {}

export function whois(_store: Store, _name: string): WhoisResult {
  throw new Error('knowledge is not built yet');
}

export function timeline(_store: Store, _query: TimelineQuery): TimelineResult {
  throw new Error('knowledge is not built yet');
}

/** Actor names for autocomplete: prefix matches first, then fuzzy; at most `limit`. */
export function suggestActors(_store: Store, _typed: string, _limit = 25): { id: number; name: string }[] {
  throw new Error('knowledge is not built yet');
}
