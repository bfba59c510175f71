import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../src/adapters/slack/logger.ts';
import { loadConfig, slackConfigured } from '../../../src/config.ts';

const OAUTH_ENV = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret-value',
  SLACK_STATE_SECRET: 'a-state-secret-of-32-characters!',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
};

/** Every problem loadConfig reports for env, one line each. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as Error).message.split('\n');
  }
}

describe('Slack OAuth configuration', () => {
  it('is on with all three variables and a signing secret, beside no single-workspace token', () => {
    const config = loadConfig(OAUTH_ENV);
    expect(slackConfigured(config)).toBe(true);
    expect(config.SLACK_CLIENT_ID).toBe('1111.2222');
    expect(slackConfigured(loadConfig({}))).toBe(false);
    expect(slackConfigured(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(true);
  });

  it('takes all three or none, and names the missing ones', () => {
    expect(problems({ SLACK_CLIENT_ID: '1111.2222', SLACK_SIGNING_SECRET: 's' })).toEqual([
      'SLACK_CLIENT_SECRET: required with SLACK_CLIENT_ID (OAuth mode needs all three)',
      'SLACK_STATE_SECRET: required with SLACK_CLIENT_ID (OAuth mode needs all three)',
    ]);
    expect(problems({ ...OAUTH_ENV, SLACK_CLIENT_ID: '' })).toEqual([
      'SLACK_CLIENT_ID: required with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth mode needs all three)',
    ]);
  });

  it('refuses a short state secret, a missing signing secret, a bot or app token and operator digest channels', () => {
    expect(
      problems({
        ...OAUTH_ENV,
        SLACK_STATE_SECRET: 'short',
        SLACK_SIGNING_SECRET: '',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        DIGEST_SLACK_CHANNELS: 'C1',
      }),
    ).toEqual([
      'SLACK_STATE_SECRET: at least 16 characters (e.g. openssl rand -hex 32)',
      'SLACK_SIGNING_SECRET: required in OAuth mode (SLACK_CLIENT_ID)',
      'SLACK_BOT_TOKEN: leave it empty in OAuth mode: each workspace gets its token by installing',
      'SLACK_APP_TOKEN: leave it empty in OAuth mode: the install flow and requests are served over HTTP',
      "DIGEST_SLACK_CHANNELS: not used in OAuth mode: no workspace is the operator's",
    ]);
  });
});

describe("Bolt's log lines", () => {
  it('lose every Slack token and each configured secret before they reach the log', () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) });
    const bolt = boltLogger(log, ['the-client-secret', undefined]);
    bolt.debug('http request body: {"client_secret":"the-client-secret","code":"c1"}');
    bolt.info('tokens', {
      bot: 'xoxb-123-456-AbC',
      user: 'xoxp-9-8',
      rotating: 'xoxe.xoxb-1-Zz',
      app: 'xapp-1-A-2',
    });
    bolt.error(new Error('auth failed for xoxb-777-888'));
    const text = lines.join('');
    for (const secret of [
      'the-client-secret',
      'xoxb-123',
      'xoxp-9-8',
      'xoxe.xoxb-1',
      'xapp-1-A-2',
      'xoxb-777',
    ])
      expect(text).not.toContain(secret);
    expect(text.match(/\[redacted\]/g)).toHaveLength(6);
    expect(text).toContain('"code\\":\\"c1\\"');
  });
});
