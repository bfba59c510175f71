import { hostname } from 'node:os';
import type { DeliveryRow } from '../store/deliveries.ts';
import type { Store } from '../store/index.ts';

/** How long one post may take when the configuration does not say (POST_TIMEOUT_MS). */
export const DEFAULT_POST_TIMEOUT_MS = 30_000;

/**
 * Past another sender's deadline, how much longer a retry waits before it looks for that sender's
 * post: a request the platform received just before the sender gave up may still be carried out.
 */
const LANDING_MARGIN_MS = 1_000;

/** Who is posting a claimed delivery, and whether it still may. */
export interface DeliveryLease {
  /** Names the holder on the claim: a queue job's attempt, or this process. */
  owner: string;
  /**
   * Called inside the transaction that takes the lease: the store's clock (epoch ms) while this
   * holder may still post, null once it may not (its job was given to another attempt).
   */
  now(): number | null;
}

/** The lease of a process posting on its own, with no queue job: always its to take, on its clock. */
export const processLease = (): DeliveryLease => ({
  owner: `process:${hostname()}:${process.pid}`,
  now: () => Date.now(),
});

export type HeldClaim =
  /** `deadline` (performance.now() time) is when the step must be over: its lease runs out then. */
  | { kind: 'taken'; claim: DeliveryRow; deadline: number }
  | { kind: 'posted'; claim: DeliveryRow }
  | { kind: 'superseded' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Takes the claim's lease for one step of at most `stepMs` (a lookup, or a send when `attempt`). An
 * earlier sender's lease is waited out, plus a margin, so that what it sent has landed before this
 * holder looks for it on the platform or sends again. The holder's own check (`lease.now`) runs in
 * the same transaction: a job attempt that lost its job takes nothing and posts nothing.
 */
export async function holdClaim(
  store: Store,
  claim: Pick<DeliveryRow, 'tenantId' | 'id'>,
  lease: DeliveryLease,
  stepMs: number,
  attempt: boolean,
): Promise<HeldClaim> {
  for (;;) {
    const started = performance.now();
    const result = store.transaction(() => {
      const now = lease.now();
      if (now === null) return null;
      // Leases that ended before this are free: the margin is counted on the store's clock.
      const freeBefore = now - LANDING_MARGIN_MS;
      const until = iso(now + stepMs);
      const found = store.deliveries.lease(claim.tenantId, claim.id, {
        owner: lease.owner,
        now: iso(freeBefore),
        until,
        attempt,
      });
      return { found, freeBefore };
    });
    if (!result) return { kind: 'superseded' };
    const { found, freeBefore } = result;
    if (found.kind === 'held') {
      await sleep(Math.max(10, Date.parse(found.until) - freeBefore));
      continue;
    }
    return found.kind === 'posted'
      ? found
      : { kind: 'taken', claim: found.claim, deadline: started + stepMs };
  }
}
