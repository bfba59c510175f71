import type { Engine, Statement } from './engine/types.ts';

/**
 * Prepares each SQL text once per repository: ingest and knowledge indexing run the same statements
 * per article and mention, and preparing a statement costs more than running it.
 */
export function statementCache(db: Engine): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    } else if (stmt.reader) {
      // A caller may have switched pluck on: every caller gets the statement as freshly prepared.
      stmt.pluck(false);
    }
    return stmt;
  };
}
