import type { Migration } from './index.ts';

/**
 * A tenant's digest schedules from chat (/digest schedule): any number per tenant, each to one
 * channel at its own time, zone, days, topic and filters. The environment's DIGEST_* schedule stays
 * the operator's and is not stored here.
 */
export const digestSchedulesMigration: Migration = {
  name: '011-digest-schedules',
  up(db) {
    db.exec(`
      CREATE TABLE digest_schedules (
        id INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
        channel TEXT NOT NULL,               -- the channel id (or a Slack channel name)
        time TEXT NOT NULL,                  -- HH:MM, wall-clock time in the zone
        timezone TEXT NOT NULL,              -- IANA zone
        days TEXT NOT NULL,                  -- cron day-of-week field: '*', '1-5', '1,3,5'
        topic TEXT,                          -- NULL: the tenant's or the operator's topic
        include_terms TEXT,                  -- comma-separated filter terms as written
        exclude_terms TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX digest_schedules_tenant ON digest_schedules(tenant_id, id);
    `);
  },
};
