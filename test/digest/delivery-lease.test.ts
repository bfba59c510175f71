import pino from 'pino';
import { expect, it } from 'vitest';
import { deliverSlot, deliveryNonce } from '../../src/digest/deliver.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import {
  FakeChannel,
  type PostedMessage,
  prepareSample,
  SAMPLE_PLAN,
  sampleDigest,
  sampleReply,
} from '../support/digest-fixtures.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-lease-');
const log = pino({ level: 'silent' });
const fast = { attempts: 3, baseMs: 1, maxMs: 5 };
const plan = SAMPLE_PLAN;
const iso = (ms: number) => new Date(ms).toISOString();

/** The slot composed and its Slack destination claimed, as a first sender leaves it before posting. */
function claimed(store: Store) {
  const digest = sampleDigest(plan.since, plan.until);
  store.deliveries.saveSlot('operator', { ...plan, digest, message: sampleReply(digest) });
  return store.deliveries.claim('operator', {
    slot: plan.slot,
    platform: 'slack',
    destination: 'news',
    nonce: deliveryNonce(plan.slot, 'slack', 'news', 'operator'),
    message: sampleReply(digest),
  });
}

describeOnEngines('delivery leases', (engine) => {
  it('a lease is held for its owner until it ends, then free to another; a posted claim is leased to none', () => {
    const store = openStore(engine.target(tempDir()));
    const claim = claimed(store);
    const t = Date.now();
    const a = { owner: 'A', now: iso(t), until: iso(t + 5_000), attempt: true };
    expect(store.deliveries.lease('operator', claim.id, a)).toMatchObject({
      kind: 'taken',
      claim: { leaseOwner: 'A', attempts: 1 },
    });
    // The owner renews its own lease; another waits for its end.
    expect(store.deliveries.lease('operator', claim.id, { ...a, attempt: false }).kind).toBe('taken');
    const b = { owner: 'B', now: iso(t + 1_000), until: iso(t + 6_000), attempt: false };
    expect(store.deliveries.lease('operator', claim.id, b)).toMatchObject({ kind: 'held', until: a.until });
    const later = { ...b, now: iso(t + 5_000), until: iso(t + 9_000) };
    expect(store.deliveries.lease('operator', claim.id, later)).toMatchObject({
      kind: 'taken',
      claim: { leaseOwner: 'B', attempts: 1 },
    });
    store.deliveries.complete('operator', claim.id, 'ts1');
    expect(store.deliveries.lease('operator', claim.id, later).kind).toBe('posted');
    // Another tenant's claim of the same id is not this tenant's to lease.
    expect(() => store.deliveries.lease('discord:other', claim.id, later)).toThrow(RangeError);
    store.close();
  });

  it('a sender that lost its job posts nothing and leaves the claim untouched', async () => {
    const store = openStore(engine.target(tempDir()));
    const posted: PostedMessage[] = [];
    const outcome = await deliverSlot(store, plan, [new FakeChannel('slack', 'news', posted)], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: prepareSample,
      lease: { owner: 'digests:job#0', now: () => null },
    });
    expect(outcome.map((o) => o.status)).toEqual(['superseded']);
    expect(posted).toEqual([]);
    expect(store.deliveries.get('operator', plan.slot, 'slack', 'news')).toMatchObject({
      status: 'claimed',
      attempts: 0,
      leaseOwner: null,
    });
    store.close();
  });

  it("a retry waits out an earlier sender's deadline, then finds the post that landed late instead of sending it again", async () => {
    const store = openStore(engine.target(tempDir()));
    const claim = claimed(store);
    // Sender A started its send, with a deadline 1.5 s away, and was given up for dead.
    const deadline = Date.now() + 1_500;
    store.deliveries.lease('operator', claim.id, {
      owner: 'A',
      now: iso(Date.now()),
      until: iso(deadline),
      attempt: true,
    });
    const posted: PostedMessage[] = [];
    const channel = new FakeChannel('slack', 'news', posted);
    const lookups: number[] = [];
    const findPosted = channel.findPosted.bind(channel);
    channel.findPosted = (nonce: string) => {
      lookups.push(Date.now());
      return findPosted(nonce);
    };
    // A's post lands late: after B began, before A's deadline.
    const landed = setTimeout(
      () =>
        posted.push({
          channel: 'news',
          nonce: claim.nonce,
          message: sampleReply(sampleDigest('a', 'b')),
          id: 'mA',
        }),
      800,
    );
    const outcome = await deliverSlot(store, plan, [channel], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: prepareSample,
      lease: { owner: 'B', now: () => Date.now() },
    });
    clearTimeout(landed);
    expect(outcome).toEqual([
      { platform: 'slack', destination: 'news', status: 'found-posted', messageId: 'mA' },
    ]);
    expect(posted.map((p) => p.id)).toEqual(['mA']);
    expect(lookups.length).toBe(1);
    expect(lookups[0]).toBeGreaterThanOrEqual(deadline);
    expect(store.deliveries.get('operator', plan.slot, 'slack', 'news')).toMatchObject({
      status: 'posted',
      messageId: 'mA',
      leaseOwner: 'B',
    });
    store.close();
  });
});
