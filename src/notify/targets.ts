import type { Config } from '../config.ts';
import type { DeliveryTarget } from '../digest/target.ts';
import type { Logger } from '../log.ts';
import { tenantPlatform } from '../store/tenants.ts';

/** The channel of a tenant's subscription as a delivery target; undefined when its platform is not running. */
export type ChannelTargets = (tenantId: string, channel: string) => DeliveryTarget | undefined;

/**
 * What a running platform offers here: the digest's delivery target, for any channel; with the
 * tenant's own id on the platform (guild id, team id), a channel of that server or workspace only
 * (Discord checks the channel's server; Slack in OAuth mode posts with that workspace's token).
 */
export interface TargetMaker {
  digestTarget(channel: string, platformId?: string): DeliveryTarget;
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
    // A server's posts go only to its own channels, whatever channel id was given from chat; a workspace's
    // (OAuth mode) go out with its own token, which reaches no other workspace's channel.
    if (platform !== 'operator')
      return bots[platform]?.digestTarget(channel, tenantId.slice(platform.length + 1));
    const named = PLATFORM_CHANNEL.exec(channel);
    if (named) return bots[named[1] as 'discord' | 'slack']?.digestTarget(named[2] as string);
    const running = [bots.discord, bots.slack].filter((b): b is TargetMaker => b !== undefined);
    return running.length === 1 ? running[0]?.digestTarget(channel) : undefined;
  };
}

/** The operator's daily digest destinations (DIGEST_SLACK_CHANNELS, DIGEST_DISCORD_CHANNEL_IDS) on the platforms running. */
export function operatorDigestTargets(
  config: Pick<Config, 'DIGEST_SLACK_CHANNELS' | 'DIGEST_DISCORD_CHANNEL_IDS'>,
  bots: { discord?: TargetMaker | undefined; slack?: TargetMaker | undefined },
  log: Logger,
): DeliveryTarget[] {
  const { slack, discord } = bots;
  const targets: DeliveryTarget[] = [];
  if (config.DIGEST_SLACK_CHANNELS.length && !slack)
    log.warn('DIGEST_SLACK_CHANNELS is set but Slack is off');
  if (slack) targets.push(...config.DIGEST_SLACK_CHANNELS.map((c) => slack.digestTarget(c)));
  if (config.DIGEST_DISCORD_CHANNEL_IDS.length && !discord)
    log.warn('DIGEST_DISCORD_CHANNEL_IDS is set but Discord is off');
  if (discord) targets.push(...config.DIGEST_DISCORD_CHANNEL_IDS.map((c) => discord.digestTarget(c)));
  return targets;
}
