import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { TenantRow } from '../store/tenants.ts';
import type { ChannelTargets } from './targets.ts';

/** How long a claim is held before another poll may take it again (a crash mid-send, a hung call). */
export const LEASE_MS = 10 * 60_000;

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
