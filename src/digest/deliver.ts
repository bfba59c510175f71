import { createHash } from 'node:crypto';
import { errorMessage } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import type { Logger } from '../log.ts';
import type { DeliveryRow, SlotRow } from '../store/deliveries.ts';
import type { Store } from '../store/index.ts';
import { OPERATOR_TENANT_ID } from '../store/tenants.ts';
import { type DigestResult, recordDigestPosted } from '../summarize/index.ts';
import { DEFAULT_POST_TIMEOUT_MS, type DeliveryLease, holdClaim, processLease } from './lease.ts';
import type { SlotPlan } from './slots.ts';
import type { DeliveryTarget } from './target.ts';

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 2_000, maxMs: 60_000 };

export interface PreparedDigest {
  digest: DigestResult;
  reply: Reply;
}

export interface DeliverOptions {
  /** The tenant whose slot this is: its claims, and its reported items once posted. */
  tenantId: string;
  log: Logger;
  retry?: RetryPolicy;
  /** Called once per slot run, only when some destination still needs the slot's message. */
  prepare: (plan: SlotPlan) => Promise<PreparedDigest>;
  /** Who posts (a queue job's attempt); this process when not given. */
  lease?: DeliveryLease;
  /** How long one post may take, all its requests together (POST_TIMEOUT_MS). */
  postTimeoutMs?: number;
}

/** The outcomes that mean the destination has its message. */
export const DELIVERED: ReadonlySet<string> = new Set(['posted', 'already-posted', 'found-posted']);

export interface DeliveryOutcome {
  platform: DeliveryTarget['platform'];
  destination: string;
  /** superseded: this sender's job was given to another attempt, which posts it instead. */
  status: 'posted' | 'already-posted' | 'found-posted' | 'failed' | 'superseded';
  messageId?: string;
}

/**
 * Discord caps nonces at 25 characters; deterministic so the same claim always carries the same one.
 * The operator's nonces are those of stores from before tenants, so that their open claims still match.
 */
export function deliveryNonce(slot: string, platform: string, destination: string, tenantId: string): string {
  const key = [slot, platform, destination, ...(tenantId === OPERATOR_TENANT_ID ? [] : [tenantId])].join(
    '\n',
  );
  return `nd${createHash('sha256').update(key).digest('hex').slice(0, 23)}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The tenant's slot as composed once: its stored digest and message, else composed by `prepare` and
 * saved (a slot composed meanwhile elsewhere keeps its first content, which every destination gets).
 * `alongside` runs in the same store transaction as the save (or, for a slot saved before, in one of
 * its own): what must exist exactly when the slot does, such as the queue job that delivers it.
 */
export async function composeSlot(
  store: Store,
  tenantId: string,
  plan: SlotPlan,
  prepare: DeliverOptions['prepare'],
  alongside?: (slot: SlotRow) => void,
): Promise<SlotRow> {
  const saved = store.deliveries.slot(tenantId, plan.slot);
  const run = (slot: SlotRow) => {
    alongside?.(slot);
    return slot;
  };
  if (saved) return alongside ? store.transaction(() => run(saved)) : saved;
  const { digest, reply } = await prepare(plan);
  return store.transaction(() =>
    run(store.deliveries.saveSlot(tenantId, { ...plan, digest, message: reply })),
  );
}

/**
 * Delivers one slot's digest to every target exactly once: each destination is claimed in the store
 * (with the message) before anything is posted and completed after. A claim left by a crash is first
 * looked up on the platform by its nonce and only re-sent, with the same message, when not found.
 */
export async function deliverSlot(
  store: Store,
  plan: SlotPlan,
  targets: DeliveryTarget[],
  options: DeliverOptions,
): Promise<DeliveryOutcome[]> {
  const { tenantId } = options;
  const open = targets.filter(
    (t) => store.deliveries.get(tenantId, plan.slot, t.platform, t.destination)?.status !== 'posted',
  );
  const outcomes: DeliveryOutcome[] = targets
    .filter((t) => !open.includes(t))
    .map((t) => ({ platform: t.platform, destination: t.destination, status: 'already-posted' }));
  if (open.length === 0) return outcomes;

  const slot = await composeSlot(store, tenantId, plan, options.prepare);
  const message = slot.message;
  const results = await Promise.all(
    open.map((target) => {
      const claim = store.deliveries.claim(tenantId, {
        slot: plan.slot,
        platform: target.platform,
        destination: target.destination,
        nonce: deliveryNonce(plan.slot, target.platform, target.destination, tenantId),
        message,
      });
      return deliverOne(store, target, claim, options);
    }),
  );
  if (results.some((r) => r.status !== 'failed'))
    recordOnce(store, tenantId, plan.slot, slot.digest as DigestResult, options.log);
  return [...outcomes, ...results];
}

async function deliverOne(
  store: Store,
  target: DeliveryTarget,
  claim: DeliveryRow,
  options: DeliverOptions,
): Promise<DeliveryOutcome> {
  const { tenantId } = claim;
  const where = {
    tenant: tenantId,
    platform: target.platform,
    destination: target.destination,
    slot: claim.slot,
  };
  const retry = options.retry ?? DEFAULT_RETRY;
  const postMs = options.postTimeoutMs ?? DEFAULT_POST_TIMEOUT_MS;
  const lease = options.lease ?? processLease();
  const outcome = (status: DeliveryOutcome['status'], messageId?: string | null): DeliveryOutcome => ({
    platform: target.platform,
    destination: target.destination,
    status,
    ...(messageId ? { messageId } : {}),
  });
  const found = (messageId: string): DeliveryOutcome => {
    store.deliveries.complete(tenantId, claim.id, messageId);
    options.log.info({ ...where, messageId }, 'digest was already posted; recorded it');
    return outcome('found-posted', messageId);
  };
  const superseded = (): DeliveryOutcome => {
    options.log.warn(
      { ...where, owner: lease.owner },
      'digest not posted here: its job went to another worker',
    );
    return outcome('superseded');
  };
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      // An earlier send (this one's, or another worker's) may have landed even though its answer never
      // reached us: once its deadline is past, it is looked for before anything is sent again.
      const lookup = await holdClaim(store, claim, lease, postMs, false);
      if (lookup.kind === 'superseded') return superseded();
      if (lookup.kind === 'posted') return outcome('already-posted', lookup.claim.messageId);
      if (lookup.claim.attempts > 0) {
        const existing = await target.findPosted(claim.nonce);
        if (existing) return found(existing);
      }
      // The send's own lease, checked right before it: no request of it outlives the deadline.
      const send = await holdClaim(store, claim, lease, postMs, true);
      if (send.kind === 'superseded') return superseded();
      if (send.kind === 'posted') return outcome('already-posted', send.claim.messageId);
      const signal = AbortSignal.timeout(Math.max(1, Math.floor(send.deadline - performance.now())));
      const { messageId } = await target.send(claim.message as Reply, claim.nonce, { signal });
      store.deliveries.complete(tenantId, claim.id, messageId);
      options.log.info({ ...where, messageId }, 'digest posted');
      return outcome('posted', messageId);
    } catch (err) {
      store.deliveries.recordError(tenantId, claim.id, errorMessage(err));
      options.log.warn({ ...where, attempt, err }, 'digest delivery failed');
      if (attempt < retry.attempts) await sleep(Math.min(retry.maxMs, retry.baseMs * 2 ** (attempt - 1)));
    }
  }
  options.log.error({ ...where }, 'digest not delivered; it will be retried at the next start or slot');
  return outcome('failed');
}

/** recordDigestPosted runs once per slot: in one transaction with the slot's recorded mark. */
function recordOnce(store: Store, tenantId: string, slot: string, digest: DigestResult, log: Logger): void {
  try {
    store.transaction(() => {
      if (store.deliveries.markSlotRecorded(tenantId, slot)) recordDigestPosted(store, tenantId, digest);
    });
  } catch (err) {
    log.error({ slot, err }, 'could not record the posted digest');
  }
}
