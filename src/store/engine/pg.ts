import { PgBridge } from './pg-bridge.ts';
import { bindValues, type TranslatedSql, translateSql } from './pg-sql.ts';
import type { Engine, RunResult, Statement } from './types.ts';

/**
 * The advisory lock every write transaction of a store takes first: writers run one at a time, as
 * SQLite's BEGIN IMMEDIATE makes them, which the exactly-once claims (deliveries, item posts) and
 * the digest records rely on. One constant per store database; finer locks are a follow-up.
 */
const WRITE_LOCK = 0x6e657773; // 'news'

class PgStatement implements Statement {
  readonly reader = true;
  private plucking = false;
  private readonly sql: TranslatedSql;

  constructor(
    private readonly bridge: PgBridge,
    private readonly name: string,
    source: string,
  ) {
    this.sql = translateSql(source);
  }

  private query(args: unknown[], first: boolean) {
    return this.bridge.call({
      op: 'query',
      name: this.name,
      sql: this.sql.text,
      values: bindValues(this.sql, args),
      pluck: this.plucking,
      first,
    });
  }

  run(...params: unknown[]): RunResult {
    return { changes: this.query(params, false).changes };
  }

  get(...params: unknown[]): unknown {
    return this.query(params, true).rows[0];
  }

  all(...params: unknown[]): unknown[] {
    return this.query(params, false).rows;
  }

  pluck(toggle = true): this {
    this.plucking = toggle;
    return this;
  }
}

/** The PostgreSQL engine: one connection, owned by a worker thread, used synchronously (pg-bridge.ts). */
export class PgEngine implements Engine {
  readonly dialect = 'postgres';
  private readonly bridge: PgBridge;
  /** One server-side prepared statement per distinct SQL text. */
  private readonly names = new Map<string, string>();
  private depth = 0;

  constructor(url: string) {
    this.bridge = new PgBridge(url);
  }

  get shownUrl(): string {
    return this.bridge.shownUrl;
  }

  prepare(sql: string): Statement {
    let name = this.names.get(sql);
    if (!name) {
      name = `s${this.names.size + 1}`;
      this.names.set(sql, name);
    }
    return new PgStatement(this.bridge, name, sql);
  }

  exec(sql: string): void {
    this.bridge.call({ op: 'exec', sql });
  }

  readonly foreign = (text: string, values: unknown[]) =>
    this.bridge.call({ op: 'query', sql: text, values, pluck: false, first: false });

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  transaction<T>(fn: () => T): T {
    const savepoint = this.depth > 0 ? `s${this.depth}` : undefined;
    if (savepoint) this.exec(`SAVEPOINT ${savepoint}`);
    else this.exec(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    this.depth++;
    try {
      const result = fn();
      if (result instanceof Promise) throw new TypeError('a store transaction cannot wait for a promise');
      this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return result;
    } catch (err) {
      this.exec(
        savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK',
      );
      throw err;
    } finally {
      this.depth--;
    }
  }

  close(): void {
    this.bridge.close();
  }
}
