import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';

export type HealthNoticeKind = 'failing' | 'recovered';

export interface HealthNoticeRow {
  tenantId: string;
  subscriptionId: number;
  /** The failure run: the feed's last success before it ('never' when it has none). */
  run: string;
  kind: HealthNoticeKind;
  channel: string;
  nonce: string;
  /** Parsed JSON: the Reply sent (the same words on every attempt). */
  message: unknown;
  status: 'claimed' | 'posted';
  attempts: number;
  leaseUntil: string;
  lastError: string | null;
  claimedAt: string;
  postedAt: string | null;
  messageId: string | null;
}

type RawNotice = Omit<HealthNoticeRow, 'message'> & { message: string };

const ROW = `tenant_id AS tenantId, subscription_id AS subscriptionId, run, kind, channel, nonce, message,
  status, attempts, lease_until AS leaseUntil, last_error AS lastError, claimed_at AS claimedAt,
  posted_at AS postedAt, message_id AS messageId`;

const toRow = (r: RawNotice): HealthNoticeRow => ({ ...r, message: JSON.parse(r.message) });

/** Which feed-health messages each tenant's subscriptions were sent: one per failure run and kind. */
export class FeedHealthRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Engine) {
    this.sql = statementCache(db);
  }

  get(
    tenantId: string,
    subscriptionId: number,
    run: string,
    kind: HealthNoticeKind,
  ): HealthNoticeRow | undefined {
    const r = this.sql(
      `SELECT ${ROW} FROM feed_health_notices WHERE tenant_id = ? AND subscription_id = ? AND run = ? AND kind = ?`,
    ).get(tenantId, subscriptionId, run, kind) as RawNotice | undefined;
    return r && toRow(r);
  }

  /**
   * Claims the notice under a lease until `leaseUntil`, unless it was posted or another holds a
   * live lease on it; returns the claim held (with the message first stored), else undefined.
   */
  claim(
    tenantId: string,
    notice: Pick<HealthNoticeRow, 'subscriptionId' | 'run' | 'kind' | 'channel' | 'nonce' | 'message'>,
    now: string,
    leaseUntil: string,
  ): HealthNoticeRow | undefined {
    const changes = this.sql(
      `INSERT INTO feed_health_notices
           (tenant_id, subscription_id, run, kind, channel, nonce, message, status, lease_until, claimed_at)
         VALUES (@tenant, @subscriptionId, @run, @kind, @channel, @nonce, @message, 'claimed', @leaseUntil, @now)
         ON CONFLICT(tenant_id, subscription_id, run, kind) DO UPDATE SET lease_until = excluded.lease_until
         WHERE feed_health_notices.status = 'claimed' AND feed_health_notices.lease_until <= @now`,
    ).run({ tenant: tenantId, ...notice, message: JSON.stringify(notice.message), now, leaseUntil }).changes;
    return changes === 1 ? this.get(tenantId, notice.subscriptionId, notice.run, notice.kind) : undefined;
  }

  startAttempt(tenantId: string, n: Pick<HealthNoticeRow, 'subscriptionId' | 'run' | 'kind'>): void {
    this.sql(
      `UPDATE feed_health_notices SET attempts = attempts + 1
         WHERE tenant_id = ? AND subscription_id = ? AND run = ? AND kind = ?`,
    ).run(tenantId, n.subscriptionId, n.run, n.kind);
  }

  complete(
    tenantId: string,
    n: Pick<HealthNoticeRow, 'subscriptionId' | 'run' | 'kind'>,
    messageId: string,
    now: string,
  ): void {
    this.sql(
      `UPDATE feed_health_notices SET status = 'posted', message_id = ?, posted_at = ?, last_error = NULL
         WHERE tenant_id = ? AND subscription_id = ? AND run = ? AND kind = ?`,
    ).run(messageId, now, tenantId, n.subscriptionId, n.run, n.kind);
  }

  /** Records a failed send and frees the notice for the next poll. */
  fail(
    tenantId: string,
    n: Pick<HealthNoticeRow, 'subscriptionId' | 'run' | 'kind'>,
    error: string,
    now: string,
  ): void {
    this.sql(
      `UPDATE feed_health_notices SET last_error = ?, lease_until = ?
         WHERE tenant_id = ? AND subscription_id = ? AND run = ? AND kind = ? AND status = 'claimed'`,
    ).run(error.slice(0, 500), now, tenantId, n.subscriptionId, n.run, n.kind);
  }

  /** Failure runs of the subscription whose "failing" message was posted and whose recovery was not. */
  unrecoveredRuns(tenantId: string, subscriptionId: number): string[] {
    return this.sql(
      `SELECT f.run FROM feed_health_notices f
         WHERE f.tenant_id = ? AND f.subscription_id = ? AND f.kind = 'failing' AND f.status = 'posted'
           AND NOT EXISTS (SELECT 1 FROM feed_health_notices r WHERE r.tenant_id = f.tenant_id
             AND r.subscription_id = f.subscription_id AND r.run = f.run AND r.kind = 'recovered'
             AND r.status = 'posted')
         ORDER BY f.claimed_at`,
    )
      .pluck()
      .all(tenantId, subscriptionId) as string[];
  }

  /**
   * Forgets "failing" messages of the subscription that never went out (and that no send holds now):
   * the feed works again, so they would only be news of a past failure.
   */
  dropUnsent(tenantId: string, subscriptionId: number, now: string): number {
    return this.sql(
      `DELETE FROM feed_health_notices WHERE tenant_id = ? AND subscription_id = ? AND kind = 'failing'
         AND status = 'claimed' AND lease_until <= ?`,
    ).run(tenantId, subscriptionId, now).changes;
  }

  list(tenantId: string): HealthNoticeRow[] {
    return (
      this.sql(`SELECT ${ROW} FROM feed_health_notices WHERE tenant_id = ? ORDER BY claimed_at, kind`).all(
        tenantId,
      ) as RawNotice[]
    ).map(toRow);
  }
}
