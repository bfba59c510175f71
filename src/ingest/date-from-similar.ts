import type { Store } from '../store/index.ts';
import { contentWords } from './words.ts';

const QUERY_TERMS = 16;
const CANDIDATES = 5;
/** The best match must share at least this many of the article's top terms to lend its date. */
const MIN_SHARED_TERMS = 8;

/** The article's most frequent content words: what it is about. */
function topTerms(text: string): string[] {
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) if (w.length > 3) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, QUERY_TERMS)
    .map(([w]) => w);
}

/**
 * Gives articles that carry no date at all an estimate: the date of the most similar dated article
 * in the store (the same events are usually reported within days), flagged as estimated with source
 * 'estimate-from-similar'. Articles with no close match stay unknown. Returns the ids it dated.
 */
export function estimateDatesFromSimilar(store: Store, now = new Date().toISOString()): number[] {
  const dated: number[] = [];
  const undated = store.articles.undatedIds();
  if (!undated.length) return dated;
  store.transaction(() => {
    for (const id of undated) {
      const article = store.articles.get(id);
      if (!article) continue;
      const terms = topTerms(article.text);
      if (terms.length < MIN_SHARED_TERMS) continue;
      for (const hit of store.articles.search(terms.join(' '), { limit: CANDIDATES })) {
        if (hit.id === id) continue;
        const other = store.articles.get(hit.id);
        // Only evidence-based dates propagate: an estimate never lends itself to another article.
        if (!other?.published || other.publishedEstimated || other.duplicateOf) continue;
        const otherWords = new Set(contentWords(other.text));
        if (terms.filter((t) => otherWords.has(t)).length < MIN_SHARED_TERMS) continue;
        store.articles.setEstimatedDate(id, other.published.slice(0, 10), 'estimate-from-similar', now);
        dated.push(id);
        break;
      }
    }
  });
  return dated;
}
