import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { TenantsRepo } from './tenants.ts';

export interface ScheduleInput {
  platform: 'discord' | 'slack';
  channel: string;
  /** HH:MM in `timezone`. */
  time: string;
  timezone: string;
  /** A cron day-of-week field ('*' every day). */
  days: string;
  topic: string | null;
  include: string | null;
  exclude: string | null;
  createdBy: string | null;
}

export interface ScheduleRow extends ScheduleInput {
  id: number;
  tenantId: string;
  createdAt: string;
}

const SELECT = `SELECT id, tenant_id AS tenantId, platform, channel, time, timezone, days, topic,
  include_terms AS include, exclude_terms AS exclude, created_by AS createdBy, created_at AS createdAt
  FROM digest_schedules`;

/** Each tenant's digest schedules; every query is within one tenant. */
export class SchedulesRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    db: Engine,
    private readonly tenants: TenantsRepo,
  ) {
    this.sql = statementCache(db);
  }

  add(tenantId: string, input: ScheduleInput, now = new Date().toISOString()): ScheduleRow {
    this.tenants.ensure(tenantId, now);
    const id = this.sql(
      `INSERT INTO digest_schedules (tenant_id, platform, channel, time, timezone, days, topic,
         include_terms, exclude_terms, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id`,
    )
      .pluck()
      .get(
        tenantId,
        input.platform,
        input.channel,
        input.time,
        input.timezone,
        input.days,
        input.topic,
        input.include,
        input.exclude,
        input.createdBy,
        now,
      ) as number;
    return this.get(tenantId, id)!;
  }

  get(tenantId: string, id: number): ScheduleRow | undefined {
    return this.sql(`${SELECT} WHERE tenant_id = ? AND id = ?`).get(tenantId, id) as ScheduleRow | undefined;
  }

  list(tenantId: string): ScheduleRow[] {
    return this.sql(`${SELECT} WHERE tenant_id = ? ORDER BY id`).all(tenantId) as ScheduleRow[];
  }

  /** Removes the tenant's schedule with this id; false when the tenant has none such. */
  remove(tenantId: string, id: number): boolean {
    return (
      this.sql('DELETE FROM digest_schedules WHERE tenant_id = ? AND id = ?').run(tenantId, id).changes > 0
    );
  }

  /** Removes every schedule of the tenant's to this channel; how many went. */
  removeForChannel(tenantId: string, channel: string): number {
    return this.sql('DELETE FROM digest_schedules WHERE tenant_id = ? AND channel = ?').run(tenantId, channel)
      .changes;
  }
}
