import { REST, Routes } from 'discord.js';
import type { Config } from '../../config.ts';
import type { CommandDefinition } from '../../core/command.ts';
import { UserError } from '../../core/errors.ts';
import { commandJson } from './commands-json.ts';

export interface Registration {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: string[];
}

/**
 * Replaces the application's slash commands with these definitions (one PUT): in DISCORD_GUILD_ID
 * when set (instant), else globally (Discord may take up to an hour to show them everywhere).
 */
export async function registerCommands(
  config: Config,
  definitions: CommandDefinition[],
): Promise<Registration> {
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((name) => !config[name]);
  if (missing.length)
    throw new UserError(`register needs ${missing.join(' and ')} (see README, Discord setup)`);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN!,
  );
  const app = config.DISCORD_APPLICATION_ID!;
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(app, guildId) : Routes.applicationCommands(app);
  await rest.put(route, { body: definitions.map(commandJson) });
  return {
    scope: guildId ? 'guild' : 'global',
    ...(guildId ? { guildId } : {}),
    commands: definitions.map((d) => d.name),
  };
}
