import { CodedError, ErrorCode } from '../core/errors.ts';
import { idList } from './dialect.ts';
import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';

/** The operator's tenant: the console, the CLI and the environment configuration (FEEDS, DIGEST_*). */
export const OPERATOR_TENANT_ID = 'operator';

/**
 * Whom an answer is for: the tenant, and whether the operator's shared sources (the corpus and the
 * FEEDS subscriptions) are in view besides the tenant's own feeds. The operator always sees them.
 */
export interface Audience {
  tenantId: string;
  sharedSources: boolean;
}

export const OPERATOR_AUDIENCE: Audience = { tenantId: OPERATOR_TENANT_ID, sharedSources: true };

export type TenantPlatform = 'operator' | 'discord' | 'slack';

export interface TenantRow {
  id: string;
  platform: TenantPlatform;
  createdAt: string;
}

/** A tenant id is 'operator', 'discord:<guild id>' or 'slack:<team id>'. */
const TENANT_ID = /^(?:operator|(?:discord|slack):[A-Za-z0-9_-]{1,64})$/;

/** A tenant id that names no server, workspace or operator. */
export class TenantIdError extends CodedError {
  override name = 'TenantIdError';
  readonly code = ErrorCode.TenantId;
}

/** The platform a tenant id names; throws TenantIdError for anything else. */
export function tenantPlatform(id: string): TenantPlatform {
  if (!TENANT_ID.test(id)) {
    throw new TenantIdError(
      `not a tenant id: ${id} (expected operator, discord:<guild id> or slack:<team id>)`,
    );
  }
  return id === OPERATOR_TENANT_ID ? 'operator' : (id.slice(0, id.indexOf(':')) as TenantPlatform);
}

/** The servers and workspaces newsdesk serves, created on their first write. */
export class TenantsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Engine) {
    this.sql = statementCache(db);
  }

  /** Creates the tenant unless it exists; every write keyed by a tenant calls this first. */
  ensure(id: string, now = new Date().toISOString()): TenantRow {
    const platform = tenantPlatform(id);
    this.sql(
      'INSERT INTO tenants (id, platform, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING',
    ).run(id, platform, now);
    return this.get(id)!;
  }

  get(id: string): TenantRow | undefined {
    return this.sql('SELECT id, platform, created_at AS createdAt FROM tenants WHERE id = ?').get(id) as
      | TenantRow
      | undefined;
  }

  list(): TenantRow[] {
    return this.sql(
      'SELECT id, platform, created_at AS createdAt FROM tenants ORDER BY created_at, id',
    ).all() as TenantRow[];
  }

  /** The tenants with a subscription to any of these feeds, in list()'s order. */
  following(feedIds: number[]): TenantRow[] {
    if (feedIds.length === 0) return [];
    return this.sql(
      `SELECT id, platform, created_at AS createdAt FROM tenants t
         WHERE EXISTS (SELECT 1 FROM subscriptions s
           WHERE s.tenant_id = t.id AND s.feed_id IN ${idList(this.db.dialect)})
         ORDER BY created_at, id`,
    ).all(JSON.stringify(feedIds)) as TenantRow[];
  }
}
