import type { DeliveryTarget } from '../digest/target.ts';
import { tenantPlatform } from '../store/tenants.ts';

/** The channel of a tenant's subscription as a delivery target; undefined when its platform is not running. */
export type ChannelTargets = (tenantId: string, channel: string) => DeliveryTarget | undefined;

/** What a running platform offers here: the digest's delivery target, for any channel. */
export interface TargetMaker {
  /** With `guildId` (Discord), a channel of any other server is refused when posting. */
  digestTarget(channel: string, guildId?: string): DeliveryTarget;
}

/** A channel named with its platform, as the operator's subscriptions may (`discord:123`, `slack:C1`). */
const PLATFORM_CHANNEL = /^(discord|slack):(.+)$/;

/**
 * Resolves a subscription's channel on the platform of its tenant (a Discord server's channels are
 * Discord channels). The operator (console, CLI, FEEDS) has no platform of its own: its channel
 * names one (`discord:<id>`, `slack:<channel>`), or is taken on the only platform running.
 */
export function channelTargets(bots: { discord?: TargetMaker; slack?: TargetMaker }): ChannelTargets {
  return (tenantId, channel) => {
    const platform = tenantPlatform(tenantId);
    // A server's posts go only to its own channels, whatever channel id was given from chat.
    if (platform === 'discord') return bots.discord?.digestTarget(channel, tenantId.slice('discord:'.length));
    if (platform !== 'operator') return bots[platform]?.digestTarget(channel);
    const named = PLATFORM_CHANNEL.exec(channel);
    if (named) return bots[named[1] as 'discord' | 'slack']?.digestTarget(named[2] as string);
    const running = [bots.discord, bots.slack].filter((b): b is TargetMaker => b !== undefined);
    return running.length === 1 ? running[0]?.digestTarget(channel) : undefined;
  };
}
