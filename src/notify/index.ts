// Messages newsdesk posts into subscribed channels by itself after a feed poll: new items
// (mode:items) and feed health. The platforms are reached only through delivery targets.

import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { type HealthReport, notifyFeedHealth } from './feed-health.ts';
import { type ItemPostReport, postNewItems } from './item-posts.ts';
import type { NotifyOptions } from './options.ts';

export type { HealthReport } from './feed-health.ts';
export type { ItemPostReport } from './item-posts.ts';
export type { NotifyOptions } from './options.ts';
export { type ChannelTargets, channelTargets, operatorDigestTargets } from './targets.ts';

export interface ChannelReport {
  items: ItemPostReport;
  health: HealthReport;
}

/** After a feed poll: each subscribed channel gets its new items, then any change in its feeds' health. */
export async function notifyChannels(
  store: Store,
  config: Config,
  options: NotifyOptions,
): Promise<ChannelReport> {
  const items = await postNewItems(store, config, options);
  const health = await notifyFeedHealth(store, config, options);
  return { items, health };
}
