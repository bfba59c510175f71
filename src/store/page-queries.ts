import { randomBytes } from 'node:crypto';
import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { TenantsRepo } from './tenants.ts';

/** What a paginated answer was asked: the command and its arguments, without the page. */
export interface PageQuery {
  command: string;
  args: Record<string, string | number | boolean>;
}

/** How long a remembered query answers, and how many a tenant keeps (the newest). */
export interface PageQueryLimits {
  maxAgeMs: number;
  perTenant: number;
}

export const PAGE_QUERY_LIMITS: PageQueryLimits = { maxAgeMs: 7 * 24 * 3600_000, perTenant: 1000 };

const newKey = () => randomBytes(6).toString('base64url');

/**
 * The queries behind page buttons, each under a short random key that a button can carry (a chat
 * platform's button id is too short for a command's arguments). In the store rather than in memory,
 * so that any process on the same store answers a click, also after a restart. Keyed by tenant: a
 * key recalls nothing for another tenant. Writes prune what is past the limits, so the table stays
 * small; a query past them is forgotten (its buttons expire).
 */
export class PageQueriesRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    db: Engine,
    private readonly tenants: TenantsRepo,
    private readonly limits: PageQueryLimits = PAGE_QUERY_LIMITS,
  ) {
    this.sql = statementCache(db);
  }

  /** Stores the query and returns its key. */
  remember(tenantId: string, query: PageQuery, now = new Date()): string {
    const at = now.toISOString();
    this.tenants.ensure(tenantId, at);
    const insert = this.sql(
      `INSERT INTO page_queries (tenant_id, key, command, args, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(tenant_id, key) DO NOTHING`,
    );
    const args = JSON.stringify(query.args);
    let key = newKey();
    // Two draws of 48 random bits colliding within one tenant is all but impossible; never overwrite.
    while (insert.run(tenantId, key, query.command, args, at).changes === 0) key = newKey();
    this.prune(tenantId, now);
    return key;
  }

  /** The query remembered under `key` for this tenant; undefined when unknown, another tenant's or too old. */
  recall(tenantId: string, key: string, now = new Date()): PageQuery | undefined {
    const row = this.sql(
      'SELECT command, args FROM page_queries WHERE tenant_id = ? AND key = ? AND created_at > ?',
    ).get(tenantId, key, this.cutoff(now)) as { command: string; args: string } | undefined;
    return row && { command: row.command, args: JSON.parse(row.args) as PageQuery['args'] };
  }

  /** How many queries the tenant keeps (for diagnostics and tests). */
  count(tenantId: string): number {
    return Number(this.sql('SELECT count(*) FROM page_queries WHERE tenant_id = ?').pluck().get(tenantId));
  }

  private cutoff(now: Date): string {
    return new Date(now.getTime() - this.limits.maxAgeMs).toISOString();
  }

  /** Drops every tenant's queries past the age limit, and this tenant's beyond its newest `perTenant`. */
  private prune(tenantId: string, now: Date): void {
    this.sql('DELETE FROM page_queries WHERE created_at <= ?').run(this.cutoff(now));
    this.sql(
      `DELETE FROM page_queries WHERE tenant_id = ? AND id <= (SELECT id FROM page_queries
         WHERE tenant_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    ).run(tenantId, tenantId, this.limits.perTenant);
  }
}
