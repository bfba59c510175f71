import type Database from 'better-sqlite3';
import { writeTransaction } from '../transaction.ts';
import type { Engine, Statement } from './types.ts';

/**
 * The SQLite engine: better-sqlite3 itself, its statements handed out unwrapped (they already
 * answer the Statement interface), so that ingest keeps its speed.
 */
export class SqliteEngine implements Engine {
  readonly dialect = 'sqlite';

  constructor(readonly raw: Database.Database) {}

  prepare(sql: string): Statement {
    return this.raw.prepare(sql);
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  transaction<T>(fn: () => T): T {
    return writeTransaction(this.raw, fn);
  }

  close(): void {
    this.raw.close();
  }
}
