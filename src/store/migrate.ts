import type { Database } from 'better-sqlite3';
import { migrations } from './migrations/index.ts';
import { writeTransaction } from './transaction.ts';

const isApplied = (db: Database, name: string): boolean =>
  db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?').get(name) !== undefined;

/**
 * Applies, each in its own transaction, every migration this database has not seen yet. Whether a
 * migration is due is decided inside its write transaction, so that two processes opening one store
 * at once never both apply it.
 */
export function runMigrations(db: Database): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const ran: string[] = [];
  for (const migration of migrations) {
    if (isApplied(db, migration.name)) continue;
    writeTransaction(db, () => {
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
