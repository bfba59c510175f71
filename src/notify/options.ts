import type { Logger } from '../log.ts';
import type { ChannelTargets } from './targets.ts';

/** How long a claim is held before another poll may take it again (a crash mid-send, a hung call). */
export const LEASE_MS = 10 * 60_000;

export interface NotifyOptions {
  targets: ChannelTargets;
  log: Logger;
  /** The clock pacing and leases read (tests pass their own). */
  now: () => Date;
}
