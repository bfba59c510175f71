import type { Migration } from './index.ts';

export const summariesMigration: Migration = {
  name: '004-summaries',
  up(db) {
    db.exec(`
      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,                 -- hash of (task, prompt version, model, evidence hash)
        task TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        model TEXT NOT NULL,
        evidence_hash TEXT NOT NULL,
        output TEXT NOT NULL,                 -- the validated model answer (JSON)
        created_at TEXT NOT NULL
      );
      CREATE TABLE posted_digests (
        id INTEGER PRIMARY KEY,
        posted_at TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT NOT NULL,
        mode TEXT NOT NULL,
        prompt_version TEXT,
        digest TEXT NOT NULL                  -- the DigestResult as posted (JSON)
      );
      CREATE INDEX posted_digests_posted ON posted_digests(posted_at);
      CREATE TABLE reported_items (
        digest_id INTEGER NOT NULL REFERENCES posted_digests(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,            -- JSON array of the item's key terms
        article_ids TEXT NOT NULL             -- JSON array of the cited article ids
      );
      CREATE INDEX reported_items_digest ON reported_items(digest_id);
    `);
  },
};
