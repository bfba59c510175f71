import type { Migration } from './index.ts';

/**
 * Slack's OAuth installs: one row per installed workspace, keyed by its tenant (`slack:<team id>`).
 * The installation is kept whole, as the install flow returned it (Bolt's advice: what is not stored
 * cannot be returned), its bot token included: the store file is as secret as the tokens in it.
 * Uninstalling deletes the row and nothing else; the tenant's feeds and settings stay for a reinstall.
 */
export const slackInstallationsMigration: Migration = {
  name: '013-slack-installations',
  up(db) {
    db.exec(`
      CREATE TABLE installations (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        installation TEXT NOT NULL,           -- JSON, with the bot token: never logged or shown
        installed_by TEXT,                    -- the platform's id of the user who installed
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
