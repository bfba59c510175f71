import type { Store } from '../store/index.ts';
import { NearDuplicateIndex } from './simhash.ts';

interface Kept {
  index: NearDuplicateIndex;
  /** The last article write the index has seen. */
  revision: number;
}

/** One index per store object: a worker's polls jobs, the bot's polls and an ingest share it. */
const kept = new WeakMap<Store, Kept>();

/**
 * The fingerprints of the store's active originals, for near-duplicate detection. Built once per
 * store object, then brought up to date at each call with the articles written since (new ones,
 * changed ones, ones removed or now duplicates), by this process or any other on the same store:
 * a call costs one query for what changed, not one for every stored article. Called inside the
 * write transaction that uses it, it is exactly what the store holds.
 */
export function nearDuplicateIndexOf(store: Store): NearDuplicateIndex {
  const known = kept.get(store);
  if (!known) {
    // The revision first: a write that lands between the two reads is read again next time.
    const revision = store.articles.lastRevision();
    const index = new NearDuplicateIndex();
    for (const { id, simhash } of store.articles.simhashes()) index.add(id, simhash);
    kept.set(store, { index, revision });
    return index;
  }
  for (const { id, simhash, revision } of store.articles.fingerprintsSince(known.revision)) {
    if (simhash) known.index.add(id, simhash);
    else known.index.remove(id);
    known.revision = revision;
  }
  return known.index;
}

/**
 * Drops the store's index, built again at its next use: after a write transaction that rolled back,
 * it may hold fingerprints of articles that were never stored.
 */
export function forgetNearDuplicates(store: Store): void {
  kept.delete(store);
}
