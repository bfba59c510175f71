import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { TenantsRepo } from './tenants.ts';

/** Each tenant's own settings (JSON values by key); one tenant never reads another's. */
export class SettingsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    db: Engine,
    private readonly tenants: TenantsRepo,
  ) {
    this.sql = statementCache(db);
  }

  get(tenantId: string, key: string): unknown | undefined {
    const value = this.sql('SELECT value FROM tenant_settings WHERE tenant_id = ? AND key = ?')
      .pluck()
      .get(tenantId, key) as string | undefined;
    return value === undefined ? undefined : JSON.parse(value);
  }

  set(tenantId: string, key: string, value: unknown, now = new Date().toISOString()): void {
    this.tenants.ensure(tenantId, now);
    this.sql(
      `INSERT INTO tenant_settings (tenant_id, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(tenant_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(tenantId, key, JSON.stringify(value), now);
  }

  remove(tenantId: string, key: string): boolean {
    return (
      this.sql('DELETE FROM tenant_settings WHERE tenant_id = ? AND key = ?').run(tenantId, key).changes > 0
    );
  }

  all(tenantId: string): Record<string, unknown> {
    const rows = this.sql('SELECT key, value FROM tenant_settings WHERE tenant_id = ? ORDER BY key').all(
      tenantId,
    ) as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  }
}
