import { PgEngine } from './engine/pg.ts';
import { NotAStoreError } from './errors.ts';
import { runPgMigrations } from './migrate.ts';

/** A PostgreSQL URL (DATABASE_URL, --db) rather than a SQLite file path. */
export const isPostgresUrl = (target: string): boolean => /^postgres(?:ql)?:\/\//i.test(target);

/**
 * Opens the PostgreSQL database at `url` as a newsdesk store: a database with tables of which none
 * is schema_migrations is another program's and refused, untouched; an empty one becomes a store.
 */
export function openPostgres(url: string): PgEngine {
  const db = new PgEngine(url);
  try {
    const tables = db
      .prepare('SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()')
      .pluck()
      .all() as string[];
    if (tables.length && !tables.includes('schema_migrations')) {
      const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
      throw new NotAStoreError(
        `${db.shownUrl} is not a newsdesk store (a database with other tables: ${shown}); DATABASE_URL or --db must name a newsdesk store or an empty database`,
      );
    }
    runPgMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
