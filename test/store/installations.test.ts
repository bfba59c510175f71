import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listFeeds } from '../../src/ingest/feeds/index.ts';
import { openStore } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { testConfig } from '../support/discord-store.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-installations-');
const T = '2026-11-22T08:00:00.000Z';
const installation = (token: string) => ({ team: { id: 'TA' }, bot: { token, id: 'B1', userId: 'U1' } });

/** A store as the version before Slack installations wrote it: every migration before 013, with a workspace's feed. */
function writeStoreBefore013(path: string): void {
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const migration of migrations.filter((m) => m.name < '013')) {
    migration.up(db);
    db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, T);
  }
  db.prepare("INSERT INTO tenants (id, platform, created_at) VALUES ('slack:TA', 'slack', ?)").run(T);
  db.prepare(
    "INSERT INTO feeds (id, url, title, origin, added_at, last_success) VALUES (5, 'https://a.example/feed', 'A wire', 'store', ?, ?)",
  ).run(T, T);
  db.prepare(
    "INSERT INTO subscriptions (tenant_id, feed_id, channel, mode, origin, created_at) VALUES ('slack:TA', 5, NULL, 'digest', 'store', ?)",
  ).run(T);
  db.close();
}

describe('Slack installations in a SQLite store from before migration 013', () => {
  it('a store written before migration 013 opens, keeps its workspaces’ feeds, and stores installations', () => {
    const path = join(tempDir(), 'before-013.db');
    writeStoreBefore013(path);
    const store = openStore(path);
    try {
      expect(listFeeds(store, testConfig(), 'slack:TA').map((f) => f.url)).toEqual([
        'https://a.example/feed',
      ]);
      expect(store.installations.installed()).toEqual([]);
      store.installations.save('slack:TA', installation('xoxb-a'), 'UALICE', T);
      expect(store.installations.get('slack:TA')).toMatchObject({ installedBy: 'UALICE', installedAt: T });
    } finally {
      store.close();
    }
    // And it is still there when the store is opened again: migration 013 ran once.
    const again = openStore(path);
    try {
      expect(again.installations.get('slack:TA')?.installation).toEqual(installation('xoxb-a'));
    } finally {
      again.close();
    }
  });
});

describeOnEngines('Slack installations in the store', (engine) => {
  it('a reinstall replaces the installation and keeps the first install date; remove deletes only it', () => {
    const store = openStore(engine.target(tempDir()));
    try {
      store.installations.save('slack:TA', installation('xoxb-old'), 'UALICE', T);
      store.installations.save('slack:TA', installation('xoxb-new'), 'UBOB', '2026-11-23T00:00:00.000Z');
      expect(store.installations.get('slack:TA')).toEqual({
        tenantId: 'slack:TA',
        installation: installation('xoxb-new'),
        installedBy: 'UBOB',
        installedAt: T,
        updatedAt: '2026-11-23T00:00:00.000Z',
      });
      store.settings.set('slack:TA', 'topic', 'ports');
      expect(store.installations.remove('slack:TA')).toBe(true);
      expect(store.installations.remove('slack:TA')).toBe(false);
      expect(store.installations.get('slack:TA')).toBeUndefined();
      expect(store.settings.get('slack:TA', 'topic')).toBe('ports');
      expect(store.tenants.get('slack:TA')).toBeDefined();
    } finally {
      store.close();
    }
  });
});
