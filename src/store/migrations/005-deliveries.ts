import type { Migration } from './index.ts';

// One row per digest slot (what was composed for it) and one per destination (the claim), so that a
// crash or restart neither double-posts nor skips: the store is the scheduler's memory.
export const deliveriesMigration: Migration = {
  name: '005-deliveries',
  up(db) {
    db.exec(`
      CREATE TABLE digest_slots (
        slot TEXT PRIMARY KEY,                -- the scheduled time in DIGEST_TZ, e.g. 2026-11-22T08:00:00+02:00
        period_since TEXT NOT NULL,           -- ISO: the digest covers [since, until)
        period_until TEXT NOT NULL,
        digest TEXT NOT NULL,                 -- DigestResult JSON
        message TEXT NOT NULL,                -- the rendered Reply JSON every destination of the slot gets
        recorded_at TEXT,                     -- when recordDigestPosted ran for this slot
        created_at TEXT NOT NULL
      );
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        slot TEXT NOT NULL REFERENCES digest_slots(slot) ON DELETE CASCADE,
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
        destination TEXT NOT NULL,
        nonce TEXT NOT NULL UNIQUE,           -- sent with the message so the platform can tell if it landed
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted')),
        message TEXT NOT NULL,                -- stored with the claim: a retry sends the same text
        message_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        claimed_at TEXT NOT NULL,
        posted_at TEXT,
        UNIQUE (slot, platform, destination)
      );
      CREATE INDEX deliveries_status ON deliveries(status);
    `);
  },
};
