import type { Command } from 'commander';
import { commands } from '../../commands/index.ts';
import { registerCommands } from '../adapters/discord/index.ts';
import { type CliContext, printJson } from './context.ts';

function registerDiscordRegister(program: Command, ctx: CliContext): void {
  program
    .command('register')
    .description(
      'Deploy the slash commands to Discord: to DISCORD_GUILD_ID when set (instant), else globally',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await registerCommands(ctx.config, commands);
      if (opts.json) return printJson(result);
      const where = result.guildId
        ? `guild ${result.guildId}`
        : 'all servers (global; may take up to an hour)';
      process.stdout.write(
        `Registered ${result.commands.length} commands in ${where}: /${result.commands.join(', /')}\n`,
      );
    });
}

// Each part of this file belongs to one bot platform: `register` (Discord), `slack-manifest` (Slack).
export function registerBotCommands(program: Command, ctx: CliContext): void {
  registerDiscordRegister(program, ctx);
}
