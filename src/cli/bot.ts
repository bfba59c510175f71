import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { commands } from '../../commands/index.ts';
import { slackManifest } from '../adapters/slack/manifest.ts';
import type { CliContext } from './context.ts';

function registerSlackManifest(program: Command): void {
  program
    .command('slack-manifest')
    .description('Write a Slack app manifest (commands, scopes, Socket Mode) to paste at api.slack.com/apps')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--http <url>', 'HTTP mode: the public base URL Slack posts to (default: Socket Mode)')
    .option('--name <name>', 'app and bot display name', 'newsdesk')
    .action((opts: { out?: string; http?: string; name: string }) => {
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

export function registerBotCommands(program: Command, _ctx: CliContext): void {
  registerSlackManifest(program);
}
