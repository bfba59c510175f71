import type { Dialect } from './engine/types.ts';

/**
 * The few SQL phrases the store's two engines spell differently, written out per dialect where the
 * repositories use them (no general rewriting of SQL). The rest of the store's SQL is one text for
 * both: ON CONFLICT, RETURNING, coalesce, NULLS FIRST/LAST, quoted aliases.
 */

/**
 * The ids in a JSON array parameter (`?`, bound to JSON.stringify(ids)) as a one-column table
 * `value`: for `id IN ${idList(d)}` and `SELECT value FROM ${idList(d)} AS ids`.
 */
export const idList = (d: Dialect): string =>
  d === 'postgres'
    ? '(SELECT CAST(j.value AS bigint) AS value FROM json_array_elements_text(CAST(? AS json)) AS j(value))'
    : '(SELECT value FROM json_each(?))';

/** idList's twin for texts: the strings in a JSON array parameter as a one-column table `value`. */
export const textList = (d: Dialect): string =>
  d === 'postgres'
    ? '(SELECT j.value FROM json_array_elements_text(CAST(? AS json)) AS j(value))'
    : '(SELECT value FROM json_each(?))';

/** The larger of two values (SQLite's scalar max; PostgreSQL's max is an aggregate only). */
export const greater = (d: Dialect, a: string, b: string): string =>
  d === 'postgres' ? `greatest(${a}, ${b})` : `max(${a}, ${b})`;

/** LIKE as SQLite means it: ASCII letters match either case. */
export const likeAnyCase = (d: Dialect): string => (d === 'postgres' ? 'ILIKE' : 'LIKE');
