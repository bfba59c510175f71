import type { Config } from '../config.ts';
import { errorMessage } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { deliveryNonce } from '../digest/deliver.ts';
import type { DeliveryTarget } from '../digest/target.ts';
import { isFullyBackedOff } from '../ingest/feeds/backoff.ts';
import type { HealthNoticeKind } from '../store/feed-health.ts';
import type { FeedRow } from '../store/feeds.ts';
import type { Store } from '../store/index.ts';
import type { SubscriptionRow } from '../store/subscriptions.ts';
import { failingReply, NEVER, recoveredReply } from './health-text.ts';
import { leaseMs, type NotifyOptions, sendDeadline, tenantsToNotify } from './options.ts';

export interface HealthReport {
  failing: number;
  recovered: number;
  failed: number;
}

/** Failed FEED_HEALTH_FAILURES polls in a row, or backed off to its longest wait between tries. */
export const isFailing = (feed: FeedRow, config: Pick<Config, 'FEED_HEALTH_FAILURES'>): boolean =>
  feed.consecutiveFailures >= config.FEED_HEALTH_FAILURES || isFullyBackedOff(feed.consecutiveFailures);

/** A failure run is named by the feed's last success before it: unchanged while the run lasts. */
const runOf = (feed: FeedRow): string => feed.lastSuccess ?? NEVER;

interface Notice {
  subscriptionId: number;
  run: string;
  kind: HealthNoticeKind;
  channel: string;
  message: Reply;
}

/**
 * Sends a notice once: claimed in the store first, looked for on the platform when an earlier
 * attempt may have landed, completed after. A failed send is retried by the next poll.
 */
async function sendNotice(
  store: Store,
  target: DeliveryTarget,
  tenantId: string,
  notice: Notice,
  options: NotifyOptions,
  config: Config,
): Promise<'posted' | 'held' | 'failed'> {
  const now = options.now().toISOString();
  const leaseUntil = new Date(options.now().getTime() + leaseMs(config)).toISOString();
  const key = `health:${notice.subscriptionId}:${notice.run}:${notice.kind}`;
  const nonce = deliveryNonce(key, target.platform, notice.channel, tenantId);
  const claim = store.feedHealth.claim(tenantId, { ...notice, nonce }, now, leaseUntil);
  // Posted already, or another poll holds it.
  if (!claim) return 'held';
  const where = {
    tenant: tenantId,
    channel: notice.channel,
    subscription: notice.subscriptionId,
    kind: notice.kind,
  };
  try {
    const found = claim.attempts > 0 ? await target.findPosted(claim.nonce) : null;
    let messageId = found;
    if (!messageId) {
      store.feedHealth.startAttempt(tenantId, claim);
      messageId = (await target.send(claim.message as Reply, claim.nonce, { signal: sendDeadline(config) }))
        .messageId;
    }
    store.feedHealth.complete(tenantId, claim, messageId, options.now().toISOString());
    options.log.info({ ...where, messageId }, 'feed health notice posted');
    return 'posted';
  } catch (err) {
    store.feedHealth.fail(tenantId, claim, errorMessage(err), now);
    options.log.warn({ ...where, err }, 'feed health notice not posted; retried at the next poll');
    return 'failed';
  }
}

/** A "failing" notice whose send may have landed before its answer was lost: recorded if found. */
async function settleUnsent(
  store: Store,
  target: DeliveryTarget,
  tenantId: string,
  sub: SubscriptionRow,
  options: NotifyOptions,
) {
  const now = options.now().toISOString();
  const open = store.feedHealth
    .list(tenantId)
    .filter((n) => n.subscriptionId === sub.id && n.kind === 'failing' && n.status === 'claimed');
  for (const notice of open) {
    if (notice.leaseUntil > now) continue;
    const found = notice.attempts > 0 ? await target.findPosted(notice.nonce) : null;
    if (found) store.feedHealth.complete(tenantId, notice, found, now);
  }
  store.feedHealth.dropUnsent(tenantId, sub.id, now);
}

function count(report: HealthReport, kind: HealthNoticeKind, outcome: 'posted' | 'held' | 'failed'): void {
  if (outcome === 'posted') report[kind]++;
  else if (outcome === 'failed') report.failed++;
}

async function checkSubscription(
  store: Store,
  config: Config,
  tenantId: string,
  sub: SubscriptionRow & { channel: string },
  target: DeliveryTarget,
  options: NotifyOptions,
  report: HealthReport,
): Promise<void> {
  const { feed, channel } = sub;
  const send = async (run: string, kind: HealthNoticeKind, message: Reply) =>
    count(
      report,
      kind,
      await sendNotice(
        store,
        target,
        tenantId,
        { subscriptionId: sub.id, run, kind, channel, message },
        options,
        config,
      ),
    );
  if (isFailing(feed, config)) {
    const run = runOf(feed);
    if (store.feedHealth.get(tenantId, sub.id, run, 'failing')?.status !== 'posted')
      await send(run, 'failing', failingReply(tenantId, sub.id, feed));
    return;
  }
  if (feed.consecutiveFailures > 0) return;
  await settleUnsent(store, target, tenantId, sub, options);
  for (const run of store.feedHealth.unrecoveredRuns(tenantId, sub.id))
    await send(run, 'recovered', recoveredReply(feed, run));
}

/**
 * Tells each subscription's channel once when its feed starts failing (FEED_HEALTH_FAILURES polls
 * in a row, or backed off to the longest wait) and once when it works again. Subscriptions without
 * a channel (the tenant's digest) show their health in /feeds list only. One tenant's or channel's
 * failure is logged and costs the others nothing.
 */
export async function notifyFeedHealth(
  store: Store,
  config: Config,
  options: NotifyOptions,
): Promise<HealthReport> {
  const report: HealthReport = { failing: 0, recovered: 0, failed: 0 };
  for (const tenant of tenantsToNotify(store, options)) {
    for (const sub of store.subscriptions.list(tenant.id)) {
      if (!sub.channel) continue;
      const target = options.targets(tenant.id, sub.channel);
      if (!target) continue;
      try {
        await checkSubscription(
          store,
          config,
          tenant.id,
          { ...sub, channel: sub.channel },
          target,
          options,
          report,
        );
      } catch (err) {
        report.failed++;
        options.log.error({ err, tenant: tenant.id, subscription: sub.id }, 'feed health check failed');
      }
    }
  }
  return report;
}
