import { Client, DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import type { DeliveryTarget } from '../../digest/target.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { discordDigestTarget } from './digest-target.ts';
import { handleInteraction } from './interactions.ts';
import { NO_MENTIONS } from './render.ts';

export interface DiscordBot {
  client: Client;
  stop(): Promise<void>;
  /** A channel as a digest destination; with `guildId`, only a channel of that server. */
  digestTarget(channelId: string, guildId?: string): DeliveryTarget;
}

export interface DiscordBotOptions {
  config: Config;
  store: Store;
  log: Logger;
  now?: () => Date;
}

// Gateway close code for a rejected token: @discordjs/ws gives up on it rather than reconnecting.
const AUTHENTICATION_FAILED = 4004;

const isUnauthorized = (err: unknown): boolean =>
  (err instanceof DiscordAPIError && err.status === 401) ||
  (err instanceof Error &&
    /TokenInvalid|An invalid token was provided|Authentication failed/i.test(`${err.name} ${err.message}`));

/** A rejected token stops everything: Discord would keep answering 401, so retrying is pointless. */
export const UNAUTHORIZED_MESSAGE =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized): the Discord client is stopped; check the bot token.';

/**
 * Logs in with the least intents (Guilds: slash commands arrive as interactions, no message content),
 * answers interactions, and resolves once the client is ready. A rejected token rejects with a UserError.
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { config, store, log } = options;
  if (!config.DISCORD_TOKEN) throw new UserError('DISCORD_TOKEN is not set');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, {
      config,
      store,
      log,
      ...(options.now ? { now: options.now } : {}),
    });
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event) => {
    if (event.code === AUTHENTICATION_FAILED) {
      log.error(UNAUTHORIZED_MESSAGE);
      void client.destroy();
    }
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    await client.destroy();
    if (isUnauthorized(err)) throw new UserError(UNAUTHORIZED_MESSAGE);
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord client ready');
  return {
    client,
    stop: () => client.destroy(),
    digestTarget: (channelId, guildId) => discordDigestTarget(client, channelId, guildId),
  };
}
