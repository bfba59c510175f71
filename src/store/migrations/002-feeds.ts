import type { Migration } from './index.ts';

export const feedsMigration: Migration = {
  name: '002-feeds',
  up(db) {
    db.exec(`
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('env', 'store')),  -- env: from FEEDS; store: feeds add
        added_at TEXT NOT NULL,
        last_polled TEXT,
        last_success TEXT,
        last_error TEXT,                      -- NULL once a poll succeeds again
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll TEXT,                       -- not polled before this time (back-off); NULL: next scheduled poll
        etag TEXT,                            -- validators for a conditional GET
        last_modified TEXT,
        items_seen INTEGER NOT NULL DEFAULT 0
      );
    `);
  },
};
