import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { TenantsRepo } from './tenants.ts';

export interface InstallationRow {
  tenantId: string;
  /** What the platform's install flow returned, as saved (JSON); it holds the tenant's token. */
  installation: unknown;
  installedBy: string | null;
  installedAt: string;
  updatedAt: string;
}

/**
 * The credentials a tenant granted by installing the app in its workspace (Slack's OAuth install).
 * Opaque JSON to the store: the adapter that wrote an installation is the one that reads it.
 */
export class InstallationsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    db: Engine,
    private readonly tenants: TenantsRepo,
  ) {
    this.sql = statementCache(db);
  }

  /** Saves a tenant's installation; a reinstall replaces it and keeps the first install's date. */
  save(
    tenantId: string,
    installation: unknown,
    installedBy: string | null,
    now = new Date().toISOString(),
  ): void {
    this.tenants.ensure(tenantId, now);
    this.sql(
      `INSERT INTO installations (tenant_id, installation, installed_by, installed_at, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(tenant_id) DO UPDATE SET installation = excluded.installation,
           installed_by = excluded.installed_by, updated_at = excluded.updated_at`,
    ).run(tenantId, JSON.stringify(installation), installedBy, now, now);
  }

  get(tenantId: string): InstallationRow | undefined {
    const row = this.sql(
      `SELECT tenant_id AS tenantId, installation, installed_by AS installedBy, installed_at AS installedAt,
         updated_at AS updatedAt FROM installations WHERE tenant_id = ?`,
    ).get(tenantId) as (Omit<InstallationRow, 'installation'> & { installation: string }) | undefined;
    return row && { ...row, installation: JSON.parse(row.installation) };
  }

  /** Deletes the tenant's installation only (its feeds, digests and settings stay); false if it had none. */
  remove(tenantId: string): boolean {
    return this.sql('DELETE FROM installations WHERE tenant_id = ?').run(tenantId).changes > 0;
  }

  /** The tenants with an installation, oldest first. */
  installed(): string[] {
    return this.sql('SELECT tenant_id FROM installations ORDER BY installed_at, tenant_id')
      .pluck()
      .all() as string[];
  }
}
