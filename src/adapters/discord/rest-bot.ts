import { Client, Routes } from 'discord.js';
import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import { discordDigestTarget } from './digest-target.ts';
import { NO_MENTIONS } from './render.ts';

/**
 * Discord for a queue worker: the REST client alone, no gateway session (many workers would each
 * hold one, and Discord limits sessions), with the same delivery targets as the bot's. The bot's own
 * user id, which finds its earlier posts, is asked for once here.
 */
export async function startDiscordRest(config: Config) {
  if (!config.DISCORD_TOKEN) throw new UserError('DISCORD_TOKEN is not set');
  const client = new Client({
    intents: [],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  client.rest.setToken(config.DISCORD_TOKEN);
  const self = (await client.rest.get(Routes.user())) as { id: string };
  return {
    digestTarget: (channelId: string, guildId?: string) =>
      discordDigestTarget(client, channelId, guildId, self.id),
    stop: () => client.destroy(),
  };
}
