import { type Config, slackConfigured } from '../config.ts';
import type { DeliveryTarget } from '../digest/target.ts';
import type { Logger } from '../log.ts';
import { type ChannelTargets, channelTargets, operatorDigestTargets } from '../notify/index.ts';
import type { Store } from '../store/index.ts';

/** Where a worker posts: the platforms' REST clients from the configuration, no chat session. */
export interface WorkerPlatforms {
  /** Any platform is configured (DISCORD_TOKEN, SLACK_BOT_TOKEN or SLACK_CLIENT_ID). */
  any: boolean;
  channels: ChannelTargets;
  operator: DeliveryTarget[];
  stop(): Promise<void>;
}

export async function workerPlatforms(config: Config, store: Store, log: Logger): Promise<WorkerPlatforms> {
  const discord = config.DISCORD_TOKEN
    ? await import('../adapters/discord/rest-bot.ts').then((m) => m.startDiscordRest(config))
    : undefined;
  const slack = slackConfigured(config)
    ? await import('../adapters/slack/rest-bot.ts').then((m) => m.slackRestBot(config, store, log))
    : undefined;
  return {
    any: Boolean(discord || slack),
    channels: channelTargets({ ...(discord ? { discord } : {}), ...(slack ? { slack } : {}) }),
    operator: operatorDigestTargets(config, { discord, slack }, log),
    stop: async () => {
      await discord?.stop();
    },
  };
}
