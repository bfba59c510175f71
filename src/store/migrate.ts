import type { Database } from 'better-sqlite3';
import type { Engine } from './engine/types.ts';
import { migrations } from './migrations/index.ts';
import { pgMigrations } from './migrations-pg/index.ts';
import { writeTransaction } from './transaction.ts';

/** What applying migrations needs of a database: better-sqlite3's and the engines' alike. */
interface Migratable {
  exec(sql: string): unknown;
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
}

const isApplied = (db: Migratable, name: string): boolean =>
  db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?').get(name) !== undefined;

/**
 * Applies, each in its own transaction, every migration this database has not seen yet. Whether a
 * migration is due is decided inside its write transaction, so that two processes opening one store
 * at once never both apply it.
 */
function apply<D extends Migratable>(
  db: D,
  list: { name: string; up(db: D): void }[],
  transaction: (fn: () => void) => void,
): string[] {
  const ran: string[] = [];
  for (const migration of list) {
    if (isApplied(db, migration.name)) continue;
    transaction(() => {
      if (isApplied(db, migration.name)) return;
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
        migration.name,
        new Date().toISOString(),
      );
      ran.push(migration.name);
    });
  }
  return ran;
}

const CREATE_MIGRATIONS =
  'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)';

/** Brings a SQLite store's schema up to date (migrations/). */
export function runMigrations(db: Database): string[] {
  db.exec(CREATE_MIGRATIONS);
  return apply(db, migrations, (fn) => writeTransaction(db, fn));
}

/** Brings a PostgreSQL store's schema up to date (migrations-pg/). */
export function runPgMigrations(db: Engine): string[] {
  // Under the write lock: two processes creating the table at once would collide in the catalog.
  db.transaction(() => db.exec(CREATE_MIGRATIONS));
  return apply(db, pgMigrations, (fn) => db.transaction(fn));
}
