import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SLACK_PATHS } from '../adapters/slack/paths.ts';
import { UserError } from '../core/errors.ts';
import { type CliContext, printJson } from './context.ts';

interface ManifestOpts {
  out?: string;
  http?: string;
  redirectUrl?: string;
  name: string;
}

/**
 * Where the manifest sends Slack: Socket Mode, or HTTP at --http; in OAuth mode (--redirect-url, or
 * SLACK_CLIENT_ID set) also the redirect URL, HTTP at its host unless --http names another.
 */
function manifestUrls(opts: ManifestOpts, ctx: CliContext): { publicUrl?: string; redirectUrl?: string } {
  const http = opts.http?.replace(/\/+$/, '');
  if (opts.redirectUrl) {
    let redirect: URL;
    try {
      redirect = new URL(opts.redirectUrl);
    } catch (err) {
      throw new UserError(`--redirect-url: not a URL: ${opts.redirectUrl}`, { cause: err });
    }
    return { publicUrl: http ?? redirect.origin, redirectUrl: redirect.toString() };
  }
  if (ctx.config.SLACK_CLIENT_ID) {
    if (!http)
      throw new UserError(
        'SLACK_CLIENT_ID is set (OAuth mode, served over HTTP): give --http https://your.host (or --redirect-url)',
      );
    return { publicUrl: http, redirectUrl: `${http}${SLACK_PATHS.oauthRedirect}` };
  }
  return http ? { publicUrl: http } : {};
}

function registerSlackManifest(program: Command, ctx: CliContext): void {
  program
    .command('slack-manifest')
    .description('Write a Slack app manifest (commands, scopes, Socket Mode) to paste at api.slack.com/apps')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--http <url>', 'HTTP mode: the public base URL Slack posts to (default: Socket Mode)')
    .option(
      '--redirect-url <url>',
      'OAuth mode: the install redirect URL, e.g. https://your.host/slack/oauth_redirect (implies HTTP mode)',
    )
    .option('--name <name>', 'app and bot display name', 'newsdesk')
    .action(async (opts: ManifestOpts) => {
      const [{ commands }, { slackManifest }] = await Promise.all([
        import('../../commands/index.ts'),
        import('../adapters/slack/manifest.ts'),
      ]);
      const urls = manifestUrls(opts, ctx);
      const manifest = slackManifest(commands, { socketMode: !urls.publicUrl, name: opts.name, ...urls });
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
  registerSlackManifest(program, ctx);
  registerDiscordRegister(program, ctx);
}
