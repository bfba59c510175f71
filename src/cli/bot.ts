import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type CliContext, printJson } from './context.ts';

function registerSlackManifest(program: Command): void {
  program
    .command('slack-manifest')
    .description('Write a Slack app manifest (commands, scopes, Socket Mode) to paste at api.slack.com/apps')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--http <url>', 'HTTP mode: the public base URL Slack posts to (default: Socket Mode)')
    .option('--name <name>', 'app and bot display name', 'newsdesk')
    .action(async (opts: { out?: string; http?: string; name: string }) => {
      const [{ commands }, { slackManifest }] = await Promise.all([
        import('../../commands/index.ts'),
        import('../adapters/slack/manifest.ts'),
      ]);
      const manifest = slackManifest(commands, {
        socketMode: !opts.http,
        name: opts.name,
        ...(opts.http ? { publicUrl: opts.http.replace(/\/+$/, '') } : {}),
      });
      const json = `${JSON.stringify(manifest, null, 2)}\n`;
      if (opts.out) {
        writeFileSync(opts.out, json);
        process.stderr.write(`Wrote the Slack app manifest to ${opts.out}\n`);
      } else process.stdout.write(json);
    });
}

function registerDiscordRegister(program: Command, ctx: CliContext): void {
  program
    .command('register')
    .description(
      'Deploy the slash commands to Discord: to DISCORD_GUILD_ID when set (instant), else globally',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const [{ commands }, { registerCommands }] = await Promise.all([
        import('../../commands/index.ts'),
        import('../adapters/discord/index.ts'),
      ]);
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
  registerSlackManifest(program);
  registerDiscordRegister(program, ctx);
}
