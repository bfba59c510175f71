import type { Migration } from './index.ts';

/**
 * The queries behind page buttons (`◀ Previous` / `Next ▶`), so that any process on the store
 * answers a click. `id` orders them by age within a tenant (the per-tenant cap keeps the highest);
 * `created_at` expires them. Rows are pruned as new ones are written.
 */
export const pageQueriesMigration: Migration = {
  name: '014-page-queries',
  up(db) {
    db.exec(`
      CREATE TABLE page_queries (
        id INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key TEXT NOT NULL,                    -- what the button carries: short, random
        command TEXT NOT NULL,
        args TEXT NOT NULL,                   -- JSON: the command's arguments, without the page
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, key)
      );
      CREATE INDEX page_queries_tenant ON page_queries(tenant_id, id);
      CREATE INDEX page_queries_created ON page_queries(created_at);
    `);
  },
};
