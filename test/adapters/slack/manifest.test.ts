import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { SLACK_BOT_SCOPES, slackManifest } from '../../../src/adapters/slack/manifest.ts';
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

describe('Slack app manifest in OAuth mode', () => {
  const runManifest = (args: string[], env: Record<string, string> = {}) => {
    const out = join(tempDir(), 'manifest.json');
    execFileSync(process.execPath, ['bin/newsdesk.js', 'slack-manifest', ...args, '--out', out], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  };

  it('`--redirect-url URL` adds the redirect URL and the uninstall events, HTTP at its host', () => {
    const m = runManifest(['--redirect-url', 'https://bot.example.org/slack/oauth_redirect']);
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.org/slack/oauth_redirect']);
    expect(m.oauth_config.scopes.bot).toEqual(SLACK_BOT_SCOPES);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.event_subscriptions).toEqual({
      request_url: 'https://bot.example.org/slack/events',
      bot_events: ['app_uninstalled', 'tokens_revoked'],
    });
    expect(m.features.slash_commands[0].url).toBe('https://bot.example.org/slack/events');
  });

  it('with the OAuth variables set, `--http URL` brings the redirect URL at that host', () => {
    const m = runManifest(['--http', 'https://news.example.net/'], {
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'a-state-secret-of-32-characters!',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
    });
    expect(m.oauth_config.redirect_urls).toEqual(['https://news.example.net/slack/oauth_redirect']);
    expect(m.settings.interactivity.request_url).toBe('https://news.example.net/slack/events');
  });

  it('without them, the manifest is as before: no redirect URL, no event subscriptions', () => {
    const m = runManifest(['--http', 'https://bot.example.org']);
    expect(m.oauth_config).toEqual({ scopes: { bot: SLACK_BOT_SCOPES } });
    expect(m.settings.event_subscriptions).toBeUndefined();
    expect(
      slackManifest(commands, { socketMode: true, redirectUrl: 'https://x.example/r' }),
    ).not.toHaveProperty('settings.event_subscriptions');
  });
});
