import type { Config } from '../config.ts';
import { errorMessage } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { deliveryNonce } from '../digest/deliver.ts';
import type { DeliveryTarget } from '../digest/target.ts';
import { type ArticleFilter, compileFilter } from '../filters/index.ts';
import type { Store } from '../store/index.ts';
import type { ItemFilters, PendingItem } from '../store/item-posts.ts';
import { foldReply, itemReply } from './item-reply.ts';
import { leaseMs, type NotifyOptions, sendDeadline, tenantsToNotify } from './options.ts';

/** Sends of one article (its post or a fold) after which it is given up on, so it cannot block its channel forever. */
export const MAX_ATTEMPTS = 10;
const MINUTE_MS = 60_000;

export interface ItemPostReport {
  /** Messages sent (an "and N more" fold is one). */
  messages: number;
  /** Articles those messages carried. */
  articles: number;
  /** Articles whose message failed (retried at the next poll). */
  failed: number;
}

interface Planned {
  items: PendingItem[];
  reply: Reply;
}

/**
 * The messages for a channel's batch within its budget of messages: each article its own post
 * while the budget lasts, and when it does not, the last message folds the rest into one.
 */
export function planMessages(items: PendingItem[], budget: number): Planned[] {
  if (items.length <= budget) return items.map((item) => ({ items: [item], reply: itemReply(item) }));
  const singles = items.slice(0, budget - 1).map((item) => ({ items: [item], reply: itemReply(item) }));
  const rest = items.slice(budget - 1);
  return [...singles, { items: rest, reply: foldReply(rest) }];
}

interface ChannelRun {
  store: Store;
  tenantId: string;
  channel: string;
  target: DeliveryTarget;
  options: NotifyOptions;
  report: ItemPostReport;
}

const idsOf = (items: PendingItem[]) => items.map((i) => i.articleId);

/**
 * Articles an earlier send carried whose answer never came back: the message may be in the channel
 * already. Found ones are recorded as posted; the rest are sent again. Returns those still to send.
 */
async function settleEarlierSends(run: ChannelRun, items: PendingItem[]): Promise<PendingItem[]> {
  const { store, tenantId, channel, target, options } = run;
  const byNonce = new Map<string, PendingItem[]>();
  for (const item of items)
    if (item.nonce && item.attempts > 0) byNonce.set(item.nonce, [...(byNonce.get(item.nonce) ?? []), item]);
  const settled = new Set<number>();
  for (const [nonce, group] of byNonce) {
    const now = options.now().toISOString();
    try {
      const found = await target.findPosted(nonce);
      if (!found) continue;
      store.itemPosts.complete(tenantId, channel, idsOf(group), found, now);
      options.log.info(
        { tenant: tenantId, channel, messageId: found },
        'item post was already sent; recorded it',
      );
    } catch (err) {
      store.itemPosts.fail(tenantId, channel, idsOf(group), errorMessage(err), now, MAX_ATTEMPTS);
      options.log.warn(
        { err, tenant: tenantId, channel },
        'could not look for an earlier item post; next poll',
      );
    }
    for (const item of group) settled.add(item.articleId);
  }
  return items.filter((i) => !settled.has(i.articleId));
}

/** The subscription's stored filter; one a change of the filter rules made unreadable lets all through, loudly. */
function filterOf(
  run: ChannelRun,
  subscriptionId: number,
  terms: ItemFilters | undefined,
): ArticleFilter | null {
  if (!terms || (terms.include.length === 0 && terms.exclude.length === 0)) return null;
  try {
    return compileFilter({ include: terms.include.join(', '), exclude: terms.exclude.join(', ') });
  } catch (err) {
    run.options.log.error(
      { err, tenant: run.tenantId, subscription: subscriptionId },
      'stored item filter unreadable',
    );
    return null;
  }
}

/** Marks the articles their subscription's include and exclude terms leave out; returns the rest. */
function applyFilters(run: ChannelRun, items: PendingItem[]): PendingItem[] {
  const stored = run.store.itemPosts.filters(run.tenantId);
  const filters = new Map<number, ArticleFilter | null>();
  const left: number[] = [];
  const kept = items.filter((item) => {
    if (!filters.has(item.subscriptionId))
      filters.set(item.subscriptionId, filterOf(run, item.subscriptionId, stored.get(item.subscriptionId)));
    const filter = filters.get(item.subscriptionId);
    if (!filter || filter.test({ title: item.title, text: item.text })) return true;
    left.push(item.articleId);
    return false;
  });
  if (left.length)
    run.store.itemPosts.filterOut(run.tenantId, run.channel, left, run.options.now().toISOString());
  return kept;
}

async function sendPlanned(run: ChannelRun, planned: Planned, signal: AbortSignal): Promise<void> {
  const { store, tenantId, channel, target, options, report } = run;
  const ids = idsOf(planned.items);
  const nonce = deliveryNonce(`items:${ids.join(',')}`, target.platform, channel, tenantId);
  const now = options.now().toISOString();
  try {
    store.itemPosts.startAttempt(tenantId, channel, ids, nonce, now);
    const { messageId } = await target.send(planned.reply, nonce, { signal });
    store.itemPosts.complete(tenantId, channel, ids, messageId, options.now().toISOString());
    report.messages++;
    report.articles += ids.length;
  } catch (err) {
    store.itemPosts.fail(tenantId, channel, ids, errorMessage(err), now, MAX_ATTEMPTS);
    report.failed += ids.length;
    const where = { err, tenant: tenantId, channel, articles: ids };
    // This send was the last one fail() allows for some article: it is abandoned now.
    if (planned.items.some((item) => item.attempts + 1 >= MAX_ATTEMPTS))
      options.log.error(where, `item post given up after ${MAX_ATTEMPTS} failed sends`);
    else options.log.warn(where, 'item post failed; retried at the next poll');
  }
}

/** One channel of one tenant: its new articles, paced and capped, each sent once. */
async function postToChannel(run: ChannelRun, config: Config): Promise<void> {
  const { store, tenantId, channel, options } = run;
  const now = options.now();
  const recent = store.itemPosts.messagesSince(
    tenantId,
    channel,
    new Date(now.getTime() - MINUTE_MS).toISOString(),
  );
  const budget = config.ITEM_POSTS_PER_MINUTE - recent;
  // The channel had its messages this minute: its articles wait for the next poll.
  if (budget <= 0) return;
  const pending = store.itemPosts.pending(tenantId, channel, now.toISOString(), config.ITEM_POSTS_PER_POLL);
  if (pending.length === 0) return;
  const leaseUntil = new Date(now.getTime() + leaseMs(config)).toISOString();
  const held = new Set(
    store.itemPosts.claim(tenantId, channel, idsOf(pending), now.toISOString(), leaseUntil),
  );
  const signal = sendDeadline(config);
  const toSend = applyFilters(
    run,
    await settleEarlierSends(
      run,
      pending.filter((item) => held.has(item.articleId)),
    ),
  );
  if (toSend.length === 0) return;
  for (const planned of planMessages(toSend, budget)) await sendPlanned(run, planned, signal);
}

/**
 * Posts the new articles of every tenant's items subscriptions to their channels: never the backlog
 * (what the feed held when it was subscribed), each article once per tenant and channel (claimed in
 * the store before it is sent), at most ITEM_POSTS_PER_MINUTE messages a minute per channel with the
 * rest folded into one "and N more" message, and at most ITEM_POSTS_PER_POLL articles per channel
 * per poll (the others wait for the next). A channel whose platform is not running keeps its articles.
 */
export async function postNewItems(
  store: Store,
  config: Config,
  options: NotifyOptions,
): Promise<ItemPostReport> {
  const report: ItemPostReport = { messages: 0, articles: 0, failed: 0 };
  for (const tenant of tenantsToNotify(store, options)) {
    let channels: string[] = [];
    try {
      store.itemPosts.startMissing(tenant.id, options.now().toISOString());
      channels = store.itemPosts.channels(tenant.id);
    } catch (err) {
      options.log.error({ err, tenant: tenant.id }, 'could not read item subscriptions');
    }
    for (const channel of channels) {
      const target = options.targets(tenant.id, channel);
      if (!target) continue;
      try {
        await postToChannel({ store, tenantId: tenant.id, channel, target, options, report }, config);
      } catch (err) {
        options.log.error({ err, tenant: tenant.id, channel }, 'item posts failed for a channel');
      }
    }
  }
  if (report.messages || report.failed) options.log.info(report, 'item posts sent');
  return report;
}
