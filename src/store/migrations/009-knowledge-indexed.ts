import type { Migration } from './index.ts';

/**
 * Which version of each article knowledge has indexed, so that an article stored without its
 * knowledge (a run killed between the two, a failed extraction, a bulk import) is indexed on the next run.
 */
export const knowledgeIndexedMigration: Migration = {
  name: '009-knowledge-indexed',
  up(db) {
    db.exec(`
      CREATE TABLE knowledge_indexed (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        article_updated_at TEXT NOT NULL,   -- the article's updated_at when indexed: a later change is indexed again
        found INTEGER NOT NULL,             -- actors and events found; 0 is "indexed, nothing found"
        indexed_at TEXT NOT NULL
      );
      -- A store from before this table: an article with knowledge counts as indexed (a removed one or a
      -- duplicate as stale, so its knowledge is cleared); an original without any is indexed once more.
      INSERT INTO knowledge_indexed (article_id, article_updated_at, found, indexed_at)
        SELECT id, CASE WHEN status = 'active' AND duplicate_of IS NULL THEN updated_at ELSE '' END, found,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          FROM (SELECT a.id, a.status, a.duplicate_of, a.updated_at,
                  (SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.id)
                  + (SELECT count(*) FROM event_sources s WHERE s.article_id = a.id) AS found
                FROM articles a)
          WHERE found > 0;
    `);
  },
};
