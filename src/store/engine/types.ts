/**
 * What the repositories ask of a database: prepared statements run synchronously, plain SQL, and
 * one write transaction at a time. SQLite (better-sqlite3) and PostgreSQL (through a worker thread)
 * both answer it, so that no caller of the store knows which one it has.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

/**
 * A prepared statement. Parameters are positional (`?`), named (`@name`, bound from a plain
 * object), or both in one call (the object first or anywhere among the positional values).
 */
export interface Statement {
  /** Whether the statement returns rows (pluck is only for those). */
  readonly reader: boolean;
  run(...params: unknown[]): RunResult;
  /** The first row, or undefined when there is none. */
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows become their first column's value (until switched off again). */
  pluck(toggle?: boolean): this;
}

export interface Engine {
  readonly dialect: Dialect;
  prepare(sql: string): Statement;
  /** Runs SQL text of one or more statements, without parameters. */
  exec(sql: string): void;
  readonly inTransaction: boolean;
  /**
   * Runs fn as one write transaction, serialised with every other writer of the store; inside one
   * already open, fn runs in a savepoint. fn is synchronous: nothing else runs on this connection
   * until it returns.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs another library's statement as it wrote it (PostgreSQL's `$n` placeholders, nothing
   * translated) on this connection, inside the transaction open on it if any. PostgreSQL only:
   * undefined on SQLite.
   */
  readonly foreign?: (text: string, values: unknown[]) => { rows: unknown[]; changes: number };
  close(): void;
}
