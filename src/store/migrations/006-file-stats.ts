import type { Migration } from './index.ts';

/** Size and modification time of each corpus file as last read, so unchanged files are not re-read. */
export const fileStatsMigration: Migration = {
  name: '006-file-stats',
  up(db) {
    db.exec(`
      CREATE TABLE file_stats (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        file_hash TEXT NOT NULL
      );
    `);
  },
};
