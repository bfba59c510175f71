// What bench:scale counts: every message the Discord stand-in creates, sorted into item posts (by the
// farm item links they carry), digests (by the nonce each schedule's slot must carry) and the rest;
// set against what should have arrived: each item that appeared, once in each following server's
// channel, and each schedule's slot once.
import { scheduleSlotKey } from '../../src/digest/channel-schedules.ts';
import { deliveryNonce } from '../../src/digest/deliver.ts';
import { scheduleCron } from '../../src/digest/schedule-spec.ts';
import { planSlot } from '../../src/digest/slots.ts';
import type { ScheduleRow } from '../../src/store/index.ts';
import type { StoredMessage } from '../../test/support/discord-server.ts';
import type { FarmItem, FeedFarm } from './farm.ts';
import { followers, type TenantPlan } from './tenants.ts';

export interface Figures {
  expected: number;
  once: number;
  duplicates: number;
  missing: number;
}

export const percentile = (xs: number[], p: number): number | undefined => {
  if (!xs.length) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const ITEM_LINK = /\/a\/(\d+)\/(\d+)/g;

export class DeliveryLedger {
  private readonly seen: { message: StoredMessage; at: number }[] = [];
  private digestNonces = new Set<string>();

  constructor(
    private readonly farm: FeedFarm,
    private readonly plan: TenantPlan[],
  ) {}

  /** The nonces the schedules' slots up to `until` must be posted with (deliver.ts's deliveryNonce). */
  expectDigests(schedules: ScheduleRow[], until: Date): void {
    this.digestNonces = new Set(
      schedules.flatMap((s) => {
        const plan = planSlot(scheduleCron(s), until);
        if (!plan || Date.parse(plan.until) < Date.parse(s.createdAt)) return [];
        return [deliveryNonce(scheduleSlotKey(plan.slot, s.id), 'discord', s.channel, s.tenantId)];
      }),
    );
  }

  record(message: StoredMessage, at = Date.now()): void {
    this.seen.push({ message, at });
  }

  /** Each message as the ledger sorts it: `channel feed-n` keys of item posts, digest nonces, the rest. */
  private sorted() {
    const itemPosts = new Map<string, number[]>();
    const digestPosts = new Map<string, number>();
    let continuations = 0;
    let other = 0;
    for (const { message, at } of this.seen) {
      // Only the first part of a message carries the nonce: the later parts of a long digest have none.
      if (message.nonce === undefined) continuations++;
      else if (this.digestNonces.has(message.nonce))
        digestPosts.set(message.nonce, (digestPosts.get(message.nonce) ?? 0) + 1);
      else {
        const links = JSON.stringify(message.embeds).matchAll(ITEM_LINK);
        const items = new Set([...links].map((m) => `${m[1]}-${m[2]}`));
        // A message with a nonce and no item link: a feed health notice.
        if (!items.size) other++;
        for (const item of items) {
          const key = `${message.channel_id} ${item}`;
          itemPosts.set(key, [...(itemPosts.get(key) ?? []), at]);
        }
      }
    }
    return { itemPosts, digestPosts, continuations, other };
  }

  /** The items that appeared during the run, each with the channels that should get it. */
  private expectedItems(): { item: FarmItem; channel: string }[] {
    const byFeed = followers(this.plan);
    return this.farm.feeds.flatMap((feed) =>
      feed.items
        .filter((i) => i.appearedAt !== undefined)
        .flatMap((item) =>
          (byFeed.get(feed.id) ?? []).map((t) => ({ item, channel: (this.plan[t] as TenantPlan).channel })),
        ),
    );
  }

  summary() {
    const { itemPosts, digestPosts, continuations, other } = this.sorted();
    const expected = this.expectedItems();
    const items: Figures = { expected: expected.length, once: 0, duplicates: 0, missing: 0 };
    const postLatencyMs: number[] = [];
    const wanted = new Set<string>();
    for (const { item, channel } of expected) {
      const key = `${channel} ${item.feed}-${item.n}`;
      wanted.add(key);
      const times = itemPosts.get(key) ?? [];
      if (times.length === 0) items.missing++;
      else if (times.length === 1) items.once++;
      else items.duplicates += times.length - 1;
      if (times[0] !== undefined) postLatencyMs.push(times[0] - (item.appearedAt as number));
    }
    const digests: Figures = { expected: this.digestNonces.size, once: 0, duplicates: 0, missing: 0 };
    for (const nonce of this.digestNonces) {
      const n = digestPosts.get(nonce) ?? 0;
      if (n === 0) digests.missing++;
      else if (n === 1) digests.once++;
      else digests.duplicates += n - 1;
    }
    // Item posts of items that should not have reached that channel (the backlog, another server's feed).
    const stray = [...itemPosts.keys()].filter((k) => !wanted.has(k)).length;
    return {
      items,
      digests,
      postLatencyMs,
      stray,
      continuations,
      healthNotices: other,
      messages: this.seen.length,
    };
  }

  /** What has not arrived yet: `channel feed-n (appeared at)` for items, `digest nonce` for digests. */
  missing(): string[] {
    const { itemPosts, digestPosts } = this.sorted();
    const items = this.expectedItems()
      .filter(({ item, channel }) => !itemPosts.has(`${channel} ${item.feed}-${item.n}`))
      .map(
        ({ item, channel }) =>
          `${channel} ${item.feed}-${item.n} (${new Date(item.appearedAt as number).toISOString()})`,
      );
    const digests = [...this.digestNonces].filter((n) => !digestPosts.has(n)).map((n) => `digest ${n}`);
    return [...items, ...digests];
  }

  /** True once every expected item post and digest has arrived (the run can stop draining). */
  complete(): boolean {
    const { items, digests } = this.summary();
    return items.missing === 0 && digests.missing === 0;
  }
}
