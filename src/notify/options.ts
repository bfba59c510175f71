import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { TenantRow } from '../store/tenants.ts';
import type { ChannelTargets } from './targets.ts';

/** A claim's time beyond its sends' deadline: the store's writes, and the clocks of several machines. */
const LEASE_MARGIN_MS = 30_000;

/**
 * How long a claim is held before another poll may take it again. The sends made under a claim are
 * aborted at POST_TIMEOUT_MS (sendDeadline), so a claim still held after that was left by a process
 * that died or hung mid-send; the next taker looks for its post by nonce before sending again. Short,
 * so that a killed worker's posts go out at the next poll after it, not minutes later.
 */
export const leaseMs = (config: Pick<Config, 'POST_TIMEOUT_MS'>): number =>
  config.POST_TIMEOUT_MS + LEASE_MARGIN_MS;

/** The deadline of every send made under one claim, together. */
export const sendDeadline = (config: Pick<Config, 'POST_TIMEOUT_MS'>): AbortSignal =>
  AbortSignal.timeout(config.POST_TIMEOUT_MS);

export interface NotifyOptions {
  targets: ChannelTargets;
  log: Logger;
  /** The clock pacing and leases read (tests pass their own). */
  now: () => Date;
  /**
   * Only the tenants following these feeds (the feeds a poll just polled: what can have changed);
   * every tenant when absent. A tenant's articles that wait (a failed send, a channel over its
   * budget) are taken up at the next poll of any feed it follows, as with a full run.
   */
  feeds?: number[];
}

/** The tenants a notify run visits. */
export const tenantsToNotify = (store: Store, options: Pick<NotifyOptions, 'feeds'>): TenantRow[] =>
  options.feeds ? store.tenants.following(options.feeds) : store.tenants.list();
