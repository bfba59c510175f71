import { expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { TenantIdError } from '../../src/store/tenants.ts';
import { describeOnEngines, type StoreEngine } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-tenants-');
const A = 'discord:111';
const B = 'slack:T222';
const T = '2026-11-22T08:00:00.000Z';

function withStore(engine: StoreEngine, fn: (store: Store) => void): void {
  const store = openStore(engine.target(tempDir()));
  try {
    fn(store);
  } finally {
    store.close();
  }
}

describeOnEngines('tenant isolation in the store', (engine) => {
  it("another tenant cannot see or change a tenant's subscriptions", () =>
    withStore(engine, (store) => {
      const feed = store.feeds.add('https://a.example/private?token=s3cret');
      const sub = store.subscriptions.add(A, feed.id, { channel: 'C9', mode: 'items', origin: 'store' });
      expect(store.subscriptions.list(B)).toEqual([]);
      expect(store.subscriptions.get(B, sub.id)).toBeUndefined();
      expect(store.subscriptions.forUrl(B, feed.url)).toEqual([]);
      expect(store.subscriptions.remove(B, sub.id)).toBe(false);
      expect(store.subscriptions.list(A)).toMatchObject([{ id: sub.id, channel: 'C9', mode: 'items' }]);
      // The same URL followed by both is one feed (fetched once), two subscriptions.
      const bSub = store.subscriptions.add(B, store.feeds.add(feed.url).id, { origin: 'store' });
      expect(bSub.feed.id).toBe(feed.id);
      expect(store.feeds.list()).toHaveLength(1);
      expect(store.subscriptions.remove(B, bSub.id)).toBe(true);
      expect(store.subscriptions.list(A)).toHaveLength(1);
    }));

  it("another tenant cannot see or change a tenant's slots and deliveries", () =>
    withStore(engine, (store) => {
      const slot = '2026-11-22T08:00:00+00:00';
      store.deliveries.saveSlot(A, { slot, since: T, until: T, digest: { a: 1 }, message: { text: 'A' } });
      const claim = store.deliveries.claim(A, {
        slot,
        platform: 'discord',
        destination: 'C1',
        nonce: 'nA',
        message: { text: 'A' },
      });
      expect(store.deliveries.slot(B, slot)).toBeUndefined();
      expect(store.deliveries.get(B, slot, 'discord', 'C1')).toBeUndefined();
      expect(store.deliveries.list(B)).toEqual([]);
      expect(store.deliveries.markSlotRecorded(B, slot)).toBe(false);
      store.deliveries.startAttempt(B, claim.id);
      store.deliveries.recordError(B, claim.id, 'from B');
      store.deliveries.complete(B, claim.id, 'mB');
      expect(store.deliveries.get(A, slot, 'discord', 'C1')).toMatchObject({
        status: 'claimed',
        attempts: 0,
        lastError: null,
        messageId: null,
      });
      // B's own slot of the same time is its own, with its own content.
      store.deliveries.saveSlot(B, { slot, since: T, until: T, digest: { b: 1 }, message: { text: 'B' } });
      expect(store.deliveries.slot(A, slot)?.message).toEqual({ text: 'A' });
      expect(store.deliveries.slot(B, slot)?.message).toEqual({ text: 'B' });
      expect(store.deliveries.markSlotRecorded(A, slot)).toBe(true);
      expect(store.deliveries.slot(B, slot)?.recordedAt).toBeNull();
    }));

  it("another tenant's posted digests and reported items are not a tenant's", () =>
    withStore(engine, (store) => {
      const digest = { since: '2026-11-21T08:00:00.000Z', until: T, mode: 'extractive', promptVersion: null };
      store.summaries.recordDigest(A, digest, [{ fingerprint: ['talks'], articleIds: [1, 2] }], T);
      expect(store.summaries.reportedItems(B)).toEqual([]);
      expect(store.summaries.lastPosted(B)).toBeUndefined();
      expect(store.summaries.reportedItems(A)).toMatchObject([{ articleIds: [1, 2] }]);
      expect(store.summaries.lastPosted(A)).toMatchObject({ until: T });
    }));

  it("marks a feed's backlog reported for one tenant without starting its next digest period", () =>
    withStore(engine, (store) => {
      const feed = store.feeds.add('https://a.example/feed');
      const insert = (n: number) =>
        store.articles.insert({
          origin: `url:https://a.example/${n}`,
          kind: 'feed',
          feedId: feed.id,
          title: `Item ${n}`,
          published: T,
          publishedEstimated: false,
          dateSource: 'feed',
          text: `Item ${n} text.`,
          removed: [],
          tags: [],
          words: 3,
          contentHash: `h${n}`,
        });
      const ids = [insert(1), insert(2)];
      expect(store.summaries.markFeedReported(A, feed.id, T)).toBe(2);
      expect(store.summaries.reportedItems(A)).toMatchObject([{ articleIds: ids }]);
      expect(store.summaries.lastPosted(A)).toBeUndefined();
      expect(store.summaries.reportedItems(B)).toEqual([]);
    }));

  it("another tenant cannot read or change a tenant's settings", () =>
    withStore(engine, (store) => {
      store.settings.set(A, 'topic', 'energy markets');
      expect(store.settings.get(B, 'topic')).toBeUndefined();
      expect(store.settings.all(B)).toEqual({});
      expect(store.settings.remove(B, 'topic')).toBe(false);
      store.settings.set(B, 'topic', 'elections');
      expect(store.settings.all(A)).toEqual({ topic: 'energy markets' });
      expect(store.settings.all(B)).toEqual({ topic: 'elections' });
    }));

  it('refuses a malformed tenant id instead of storing it', () =>
    withStore(engine, (store) => {
      expect(() => store.settings.set('discord', 'topic', 'x')).toThrow(TenantIdError);
      expect(() => store.tenants.ensure("slack:T1' OR 1=1")).toThrow(TenantIdError);
      expect(store.tenants.list().map((t) => t.id)).toEqual(['operator']);
    }));
});
