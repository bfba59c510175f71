import pino from 'pino';
import { type SlackBot, startSlackBot } from '../../src/adapters/slack/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Store } from '../../src/store/index.ts';
import type { SlackStandIn } from './slack-api.ts';

export const OAUTH = {
  clientId: '1111.2222',
  clientSecret: 'client-secret-0123456789abcdef',
  stateSecret: 'state-secret-0123456789abcdef',
  signingSecret: 'signing-secret-0123456789abcdef',
};

export interface OAuthBot {
  bot: SlackBot;
  config: Config;
  /** The app's base URL on 127.0.0.1 (install page, redirect, /slack/events). */
  appUrl: string;
  events: string;
  /** Every log line the bot wrote, at trace level (Bolt's and the Web API client's included). */
  logs: string[];
}

/**
 * The Slack app in OAuth mode on 127.0.0.1, its Web API and authorize page on the stand-in, which
 * knows it as a Slack app with these client credentials and the app's redirect URL.
 */
export async function startOAuthBot(
  api: SlackStandIn,
  store: Store,
  env: Record<string, string> = {},
  now?: () => Date,
): Promise<OAuthBot> {
  const logs: string[] = [];
  const log = pino({ level: 'trace' }, { write: (line: string) => void logs.push(line) });
  const config = loadConfig({
    SLACK_CLIENT_ID: OAUTH.clientId,
    SLACK_CLIENT_SECRET: OAUTH.clientSecret,
    SLACK_STATE_SECRET: OAUTH.stateSecret,
    SLACK_SIGNING_SECRET: OAUTH.signingSecret,
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const bot = await startSlackBot({ config, store, log, webApiRetries: 0, ...(now ? { now } : {}) });
  const appUrl = `http://127.0.0.1:${bot.port}`;
  api.oauthApp({
    clientId: OAUTH.clientId,
    clientSecret: OAUTH.clientSecret,
    redirectUrl: `${appUrl}/slack/oauth_redirect`,
  });
  return { bot, config, appUrl, events: `${appUrl}/slack/events`, logs };
}
