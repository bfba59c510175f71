import type { ArticleRow, Store } from '../store/index.ts';
import { sanitizeOutput } from './sanitize.ts';
import { clip } from './text.ts';
import type { CitedSource } from './types.ts';

const MAX_SOURCES = 4;

/** A citation built from the stored article only: generated text never supplies titles or links. */
export function citeArticle(row: Pick<ArticleRow, 'id' | 'title' | 'url' | 'path' | 'source'>): CitedSource {
  const cited: CitedSource = {
    articleId: row.id,
    title: sanitizeOutput(clip(row.title || '(untitled)', 160)),
    source: row.source ? sanitizeOutput(row.source) : null,
  };
  if (row.url) cited.url = row.url;
  else if (row.path) cited.path = row.path;
  return cited;
}

/** Citations for article ids (unknown ids are dropped), first-named first, one per outlet+title. */
export function citeAll(store: Store, ids: number[], known?: Map<number, ArticleRow>): CitedSource[] {
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !known?.has(id));
  const fetched = new Map(store.articles.getMany(missing).map((r) => [r.id, r]));
  const out: CitedSource[] = [];
  for (const id of unique) {
    const row = known?.get(id) ?? fetched.get(id);
    if (row && row.status === 'active') out.push(citeArticle(row));
    if (out.length >= MAX_SOURCES) break;
  }
  return out;
}
