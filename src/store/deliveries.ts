import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { TenantsRepo } from './tenants.ts';

export type Platform = 'discord' | 'slack';

export interface SlotRow {
  tenantId: string;
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
  tenantId: string;
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
  /** Who may post it now (a job attempt, a process), until `leaseUntil` (ISO): see `lease`. */
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/** What `lease` found: the lease taken, the delivery posted meanwhile, or another's lease to wait out. */
export type LeaseResult =
  | { kind: 'taken'; claim: DeliveryRow }
  | { kind: 'posted'; claim: DeliveryRow }
  | { kind: 'held'; claim: DeliveryRow; until: string };

interface RawSlot {
  tenant_id: string;
  slot: string;
  period_since: string;
  period_until: string;
  digest: string;
  message: string;
  recorded_at: string | null;
}

interface RawDelivery {
  id: number;
  tenant_id: string;
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
  lease_owner: string | null;
  lease_until: string | null;
}

const toSlot = (r: RawSlot): SlotRow => ({
  tenantId: r.tenant_id,
  slot: r.slot,
  since: r.period_since,
  until: r.period_until,
  digest: JSON.parse(r.digest),
  message: JSON.parse(r.message),
  recordedAt: r.recorded_at,
});

const toDelivery = (r: RawDelivery): DeliveryRow => ({
  id: r.id,
  tenantId: r.tenant_id,
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
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
});

/** Each tenant's digest slots and their per-destination delivery claims. */
export class DeliveriesRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    db: Engine,
    private readonly tenants: TenantsRepo,
  ) {
    this.sql = statementCache(db);
  }

  slot(tenantId: string, slot: string): SlotRow | undefined {
    const r = this.sql('SELECT * FROM digest_slots WHERE tenant_id = ? AND slot = ?').get(tenantId, slot) as
      | RawSlot
      | undefined;
    return r && toSlot(r);
  }

  /** Saves what was composed for the tenant's slot; an existing slot keeps its first content. */
  saveSlot(
    tenantId: string,
    input: { slot: string; since: string; until: string; digest: unknown; message: unknown },
    now = new Date().toISOString(),
  ): SlotRow {
    this.tenants.ensure(tenantId, now);
    this.sql(
      `INSERT INTO digest_slots (tenant_id, slot, period_since, period_until, digest, message, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(tenant_id, slot) DO NOTHING`,
    ).run(
      tenantId,
      input.slot,
      input.since,
      input.until,
      JSON.stringify(input.digest),
      JSON.stringify(input.message),
      now,
    );
    return this.slot(tenantId, input.slot)!;
  }

  /** Marks the tenant's slot recorded unless it already was; true when this call did it. */
  markSlotRecorded(tenantId: string, slot: string, now = new Date().toISOString()): boolean {
    return (
      this.sql(
        'UPDATE digest_slots SET recorded_at = ? WHERE tenant_id = ? AND slot = ? AND recorded_at IS NULL',
      ).run(now, tenantId, slot).changes === 1
    );
  }

  get(tenantId: string, slot: string, platform: Platform, destination: string): DeliveryRow | undefined {
    const r = this.sql(
      'SELECT * FROM deliveries WHERE tenant_id = ? AND slot = ? AND platform = ? AND destination = ?',
    ).get(tenantId, slot, platform, destination) as RawDelivery | undefined;
    return r && toDelivery(r);
  }

  /** Claims a destination for the tenant's slot before anything is posted; returns the existing claim if any. */
  claim(
    tenantId: string,
    input: { slot: string; platform: Platform; destination: string; nonce: string; message: unknown },
    now = new Date().toISOString(),
  ): DeliveryRow {
    this.sql(
      `INSERT INTO deliveries (tenant_id, slot, platform, destination, nonce, status, message, claimed_at)
         VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?) ON CONFLICT(tenant_id, slot, platform, destination) DO NOTHING`,
    ).run(
      tenantId,
      input.slot,
      input.platform,
      input.destination,
      input.nonce,
      JSON.stringify(input.message),
      now,
    );
    return this.get(tenantId, input.slot, input.platform, input.destination)!;
  }

  /**
   * Takes the claim's lease for `owner` until `until` (ISO), unless it is posted or another owner's
   * lease runs past `now`; with `attempt`, counts a send about to start (so that a crash mid-send is
   * known). Meant for a transaction that also checks the owner may still post (its job attempt).
   */
  lease(
    tenantId: string,
    id: number,
    input: { owner: string; now: string; until: string; attempt: boolean },
  ): LeaseResult {
    const taken =
      this.sql(
        `UPDATE deliveries SET lease_owner = @owner, lease_until = @until,
           attempts = attempts + CASE WHEN @attempt = 1 THEN 1 ELSE 0 END
         WHERE tenant_id = @tenant AND id = @id AND status = 'claimed'
           AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until <= @now)`,
      ).run({ ...input, attempt: input.attempt ? 1 : 0, tenant: tenantId, id }).changes === 1;
    const claim = this.byId(tenantId, id);
    if (claim.status === 'posted') return { kind: 'posted', claim };
    if (taken) return { kind: 'taken', claim };
    return { kind: 'held', claim, until: claim.leaseUntil ?? input.now };
  }

  private byId(tenantId: string, id: number): DeliveryRow {
    const r = this.sql('SELECT * FROM deliveries WHERE tenant_id = ? AND id = ?').get(tenantId, id) as
      | RawDelivery
      | undefined;
    if (!r) throw new RangeError(`no delivery ${id} for tenant ${tenantId}`);
    return toDelivery(r);
  }

  /** Counts an attempt before the platform is called, so a crash mid-send is known on restart. */
  startAttempt(tenantId: string, id: number): void {
    this.sql('UPDATE deliveries SET attempts = attempts + 1 WHERE tenant_id = ? AND id = ?').run(
      tenantId,
      id,
    );
  }

  recordError(tenantId: string, id: number, error: string): void {
    this.sql('UPDATE deliveries SET last_error = ? WHERE tenant_id = ? AND id = ?').run(
      error.slice(0, 500),
      tenantId,
      id,
    );
  }

  complete(tenantId: string, id: number, messageId: string, now = new Date().toISOString()): void {
    this.sql(
      `UPDATE deliveries SET status = 'posted', message_id = ?, posted_at = ?, last_error = NULL
         WHERE tenant_id = ? AND id = ?`,
    ).run(messageId, now, tenantId, id);
  }

  list(tenantId: string, slot?: string): DeliveryRow[] {
    const rows = (
      slot
        ? this.sql('SELECT * FROM deliveries WHERE tenant_id = ? AND slot = ? ORDER BY id').all(
            tenantId,
            slot,
          )
        : this.sql('SELECT * FROM deliveries WHERE tenant_id = ? ORDER BY id').all(tenantId)
    ) as RawDelivery[];
    return rows.map(toDelivery);
  }
}
