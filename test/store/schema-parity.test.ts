import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { freshPostgresDatabase, postgresMissing, psql } from '../support/postgres.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-schema-');
const missing = postgresMissing();

/** SQLite's own bookkeeping and the FTS5 tables, which PostgreSQL does with GIN indexes instead. */
const SQLITE_ONLY = /^(sqlite_|articles_fts|events_fts)/;

/**
 * A migration added for one engine must have its twin for the other (src/store/migrations/ and
 * migrations-pg/): both stores, freshly made, have the same tables with the same columns in the same
 * order (some inserts are positional).
 */
describe.skipIf(missing !== '')(
  `the schema of both engines${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('has the same tables and columns on SQLite and PostgreSQL', () => {
      const file = `${tempDir()}/store.db`;
      openStore(file).close();
      const db = new Database(file, { readonly: true });
      const sqlite: Record<string, string[]> = {};
      try {
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          .pluck()
          .all() as string[];
        for (const table of tables.filter((t) => !SQLITE_ONLY.test(t))) {
          sqlite[table] = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
            (c) => c.name,
          );
        }
      } finally {
        db.close();
      }

      const url = freshPostgresDatabase();
      openStore(url).close();
      const postgres: Record<string, string[]> = {};
      const rows = psql(
        url,
        `SELECT table_name || ':' || string_agg(column_name, ',' ORDER BY ordinal_position)
         FROM information_schema.columns WHERE table_schema = current_schema() GROUP BY table_name ORDER BY table_name`,
      );
      for (const line of rows.split('\n')) {
        const [table, columns] = line.split(':') as [string, string];
        postgres[table] = columns.split(',');
      }
      expect(Object.keys(sqlite).length).toBeGreaterThan(10);
      expect(postgres).toEqual(sqlite);
    });
  },
);
