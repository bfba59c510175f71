import type { Migration } from './index.ts';

export const articlesMigration: Migration = {
  name: '001-articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL UNIQUE,          -- 'file:<abs path>' or 'url:<canonical url>': what the article came from
        kind TEXT NOT NULL CHECK (kind IN ('file', 'feed')),
        path TEXT,
        url TEXT,
        canonical_url TEXT,
        guid TEXT,
        feed_id INTEGER,
        title TEXT NOT NULL DEFAULT '',
        source TEXT,
        author TEXT,
        published TEXT,                       -- ISO 8601; an estimate when published_estimated = 1
        published_estimated INTEGER NOT NULL DEFAULT 0,
        date_source TEXT,                     -- front-matter, feed, html-meta, text-dateline, estimate-from-text, unknown
        text TEXT NOT NULL DEFAULT '',        -- the cleaned article
        removed TEXT NOT NULL DEFAULT '[]',   -- JSON [{text, reason}]: what the cleaner cut, for diagnosis
        tags TEXT NOT NULL DEFAULT '[]',
        words INTEGER NOT NULL DEFAULT 0,
        file_hash TEXT,                       -- hash of the raw input (skip unchanged files)
        content_hash TEXT NOT NULL,           -- hash of the cleaned text (exact duplicates)
        simhash TEXT,                         -- 64-bit hex fingerprint (near duplicates)
        duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_content_hash ON articles(content_hash);
      CREATE INDEX articles_canonical_url ON articles(canonical_url);
      CREATE INDEX articles_guid ON articles(guid);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
    `);
  },
};
