import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { slackManifest } from '../../../src/adapters/slack/manifest.ts';
import { useTempDirs } from '../../support/temp.ts';

const tempDir = useTempDirs('newsdesk-manifest-');

describe('Slack app manifest', () => {
  it('lists one slash command per command definition, in Socket Mode by default', () => {
    const m = slackManifest(commands, { socketMode: true }) as {
      features: { slash_commands: { command: string; url?: string; usage_hint?: string }[] };
      settings: { socket_mode_enabled: boolean };
      oauth_config: { scopes: { bot: string[] } };
    };
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    expect(m.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'channels:history']),
    );
    expect(m.features.slash_commands.find((c) => c.command === '/feeds')?.usage_hint).toContain(
      'add url:<url>',
    );
  });

  it('`newsdesk slack-manifest --http URL --out FILE` writes request URLs for HTTP mode', () => {
    const out = join(tempDir(), 'manifest.json');
    execFileSync(
      process.execPath,
      ['bin/newsdesk.js', 'slack-manifest', '--http', 'https://bot.example.org/', '--out', out],
      {
        env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
      },
    );
    const m = JSON.parse(readFileSync(out, 'utf8'));
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
    expect(m.features.slash_commands[0].url).toBe('https://bot.example.org/slack/events');
  });
});
