import type { Database, Statement } from 'better-sqlite3';
import { statementCache } from './statements.ts';

export type Platform = 'discord' | 'slack';

export interface SlotRow {
  slot: string;
  since: string;
  until: string;
  /** Parsed JSON: the DigestResult composed for the slot. */
  digest: unknown;
  /** Parsed JSON: the Reply every destination of the slot is sent. */
  message: unknown;
  recordedAt: string | null;
}

export interface DeliveryRow {
  id: number;
  slot: string;
  platform: Platform;
  destination: string;
  nonce: string;
  status: 'claimed' | 'posted';
  message: unknown;
  messageId: string | null;
  attempts: number;
  lastError: string | null;
  claimedAt: string;
  postedAt: string | null;
}

interface RawSlot {
  slot: string;
  period_since: string;
  period_until: string;
  digest: string;
  message: string;
  recorded_at: string | null;
}

interface RawDelivery {
  id: number;
  slot: string;
  platform: Platform;
  destination: string;
  nonce: string;
  status: 'claimed' | 'posted';
  message: string;
  message_id: string | null;
  attempts: number;
  last_error: string | null;
  claimed_at: string;
  posted_at: string | null;
}

const toSlot = (r: RawSlot): SlotRow => ({
  slot: r.slot,
  since: r.period_since,
  until: r.period_until,
  digest: JSON.parse(r.digest),
  message: JSON.parse(r.message),
  recordedAt: r.recorded_at,
});

const toDelivery = (r: RawDelivery): DeliveryRow => ({
  id: r.id,
  slot: r.slot,
  platform: r.platform,
  destination: r.destination,
  nonce: r.nonce,
  status: r.status,
  message: JSON.parse(r.message),
  messageId: r.message_id,
  attempts: r.attempts,
  lastError: r.last_error,
  claimedAt: r.claimed_at,
  postedAt: r.posted_at,
});

/** Digest slots and their per-destination delivery claims. */
export class DeliveriesRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  slot(slot: string): SlotRow | undefined {
    const r = this.sql('SELECT * FROM digest_slots WHERE slot = ?').get(slot) as RawSlot | undefined;
    return r && toSlot(r);
  }

  /** Saves what was composed for a slot; an existing slot keeps its first content. */
  saveSlot(
    input: { slot: string; since: string; until: string; digest: unknown; message: unknown },
    now = new Date().toISOString(),
  ): SlotRow {
    this.sql(
      `INSERT INTO digest_slots (slot, period_since, period_until, digest, message, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(slot) DO NOTHING`,
    ).run(
      input.slot,
      input.since,
      input.until,
      JSON.stringify(input.digest),
      JSON.stringify(input.message),
      now,
    );
    return this.slot(input.slot)!;
  }

  /** Marks the slot recorded unless it already was; true when this call did it. */
  markSlotRecorded(slot: string, now = new Date().toISOString()): boolean {
    return (
      this.sql('UPDATE digest_slots SET recorded_at = ? WHERE slot = ? AND recorded_at IS NULL').run(
        now,
        slot,
      ).changes === 1
    );
  }

  get(slot: string, platform: Platform, destination: string): DeliveryRow | undefined {
    const r = this.sql('SELECT * FROM deliveries WHERE slot = ? AND platform = ? AND destination = ?').get(
      slot,
      platform,
      destination,
    ) as RawDelivery | undefined;
    return r && toDelivery(r);
  }

  /** Claims a destination for a slot before anything is posted; returns the existing claim if any. */
  claim(
    input: { slot: string; platform: Platform; destination: string; nonce: string; message: unknown },
    now = new Date().toISOString(),
  ): DeliveryRow {
    this.sql(
      `INSERT INTO deliveries (slot, platform, destination, nonce, status, message, claimed_at)
         VALUES (?, ?, ?, ?, 'claimed', ?, ?) ON CONFLICT(slot, platform, destination) DO NOTHING`,
    ).run(input.slot, input.platform, input.destination, input.nonce, JSON.stringify(input.message), now);
    return this.get(input.slot, input.platform, input.destination)!;
  }

  /** Counts an attempt before the platform is called, so a crash mid-send is known on restart. */
  startAttempt(id: number): void {
    this.sql('UPDATE deliveries SET attempts = attempts + 1 WHERE id = ?').run(id);
  }

  recordError(id: number, error: string): void {
    this.sql('UPDATE deliveries SET last_error = ? WHERE id = ?').run(error.slice(0, 500), id);
  }

  complete(id: number, messageId: string, now = new Date().toISOString()): void {
    this.sql(
      "UPDATE deliveries SET status = 'posted', message_id = ?, posted_at = ?, last_error = NULL WHERE id = ?",
    ).run(messageId, now, id);
  }

  list(slot?: string): DeliveryRow[] {
    const rows = (
      slot
        ? this.sql('SELECT * FROM deliveries WHERE slot = ? ORDER BY id').all(slot)
        : this.sql('SELECT * FROM deliveries ORDER BY id').all()
    ) as RawDelivery[];
    return rows.map(toDelivery);
  }
}
