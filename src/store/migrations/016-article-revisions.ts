import type { Migration } from './index.ts';

/**
 * Each article's last write, in the order the writes committed: a process that keeps something
 * derived from the articles (the near-duplicate index) reads only what changed since it last looked,
 * whoever wrote it. Articles stored before this migration share revision 0.
 */
export const articleRevisionsMigration: Migration = {
  name: '016-article-revisions',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX articles_revision ON articles(revision);
    `);
  },
};
