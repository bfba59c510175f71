import { FOLD_FUNCTION } from './pg-fold.ts';

/**
 * PostgreSQL's full-text search where SQLite has FTS5 (articles_fts, events_fts): a tsvector
 * expression with a GIN index on it, written once here so that the queries use the very expression
 * the index is built on. 'simple' splits and lower-cases words without stemming, as FTS5's unicode61
 * tokenizer does, and the text is folded first (pg-fold.ts) as its 'remove_diacritics 2' folds it.
 * An article's title weighs A, its text B, as bm25(articles_fts, 2.0, 1.0) weighs them 2:1.
 */
export const ARTICLE_TSV = (alias = ''): string => {
  const col = (name: string) => `${FOLD_FUNCTION}(${alias ? `${alias}.${name}` : name})`;
  return `(setweight(to_tsvector('simple'::regconfig, ${col('title')}), 'A') || setweight(to_tsvector('simple'::regconfig, ${col('text')}), 'B'))`;
};

export const EVENT_TSV = (alias = ''): string => {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  return `(to_tsvector('simple'::regconfig, ${FOLD_FUNCTION}(${col('title')} || ' ' || ${col('summary')})))`;
};

/** The tsquery of a search's terms (a parameter), folded as the indexed text is. */
export const TSQUERY = (param: string): string => `to_tsquery('simple', ${FOLD_FUNCTION}(${param}))`;

/** ts_rank's weights for D, C, B, A: the title counts twice the text. */
export const RANK_WEIGHTS = `'{0, 0, 0.5, 1.0}'`;

/**
 * The tsquery for the terms of an FTS5 expression as ftsQuery (fts.ts) writes it: quoted terms,
 * joined by OR ('any') or by spaces ('all'). Terms hold only letters and digits, quoted again here.
 */
export function tsQueryOf(ftsMatch: string): string {
  const terms = [...ftsMatch.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
  const joiner = / OR "/.test(ftsMatch) ? ' | ' : ' & ';
  return terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(joiner);
}
