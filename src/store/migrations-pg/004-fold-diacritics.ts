import { foldFunctionSql } from '../pg-fold.ts';
import { ARTICLE_TSV, EVENT_TSV } from '../pg-fts.ts';
import type { PgMigration } from './index.ts';

/**
 * Search folds diacritics as SQLite's FTS5 does (no SQLite migration: its tokenizer always did):
 * the fold function, and both full-text indexes rebuilt on the folded text.
 */
export const foldDiacriticsMigration: PgMigration = {
  name: '004-fold-diacritics',
  up(db) {
    db.exec(foldFunctionSql());
    db.exec(`
      DROP INDEX articles_fts;
      CREATE INDEX articles_fts ON articles USING gin (${ARTICLE_TSV()});
      DROP INDEX events_fts;
      CREATE INDEX events_fts ON events USING gin (${EVENT_TSV()});
    `);
  },
};
