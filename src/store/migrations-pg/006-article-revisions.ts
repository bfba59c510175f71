import type { PgMigration } from './index.ts';

/** SQLite's 016-article-revisions: each article's last write, in the order the writes committed. */
export const articleRevisionsMigration: PgMigration = {
  name: '006-article-revisions',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN revision bigint NOT NULL DEFAULT 0;
      CREATE INDEX articles_revision ON articles(revision);
    `);
  },
};
