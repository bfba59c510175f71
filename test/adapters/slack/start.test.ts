import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../../src/adapters/slack/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { openStore } from '../../../src/store/index.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { useTempDirs } from '../../support/temp.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const tempDir = useTempDirs('newsdesk-slack-start-');
let api: SlackStandIn;
beforeAll(async () => {
  api = await new SlackStandIn().start();
  api.rejectToken('xoxb-revoked');
});
afterAll(() => api?.close());

/** Starts the app with a token Slack rejects; resolves with what start-up threw and any unhandled rejection. */
async function startRejected(env: Record<string, string>) {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const store = openStore(':memory:');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-revoked',
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    ...env,
  });
  try {
    const bot = await startSlackBot({ config, store, log: pino({ level: 'silent' }), webApiRetries: 0 });
    await bot.stop();
    return { thrown: undefined, unhandled };
  } catch (thrown) {
    // A rejection Bolt left behind would surface within a few turns of the event loop.
    await new Promise((r) => setTimeout(r, 200));
    return { thrown, unhandled };
  } finally {
    process.off('unhandledRejection', onUnhandled);
    store.close();
  }
}

describe('Slack start-up with a rejected token', () => {
  it.each([
    ['HTTP mode', { SLACK_SIGNING_SECRET: 'secret' }],
    ['Socket Mode', { SLACK_APP_TOKEN: 'xapp-test' }],
  ])(
    '%s: start-up fails with ERR_SLACK_START naming what Slack said, nothing unhandled',
    async (_mode, env) => {
      const { thrown, unhandled } = await startRejected(env);
      expect(thrown).toMatchObject({
        code: 'ERR_SLACK_START',
        message:
          'Slack did not start: Slack refused the token (invalid_auth): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN',
      });
      expect(unhandled).toEqual([]);
    },
  );

  it('stops the bot process in HTTP mode with one line and exit code 1', async () => {
    const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: '/tmp',
        NEWSDESK_DB: join(tempDir(), 'bot.db'),
        CORPUS_DIR: tempDir(),
        LOG_LEVEL: 'silent',
        SLACK_BOT_TOKEN: 'xoxb-revoked',
        SLACK_SIGNING_SECRET: 'signing-secret-value',
        SLACK_API_URL: api.apiUrl,
        PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((done) => {
      // Before the fix the process served on: give up on it after a minute and a half.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done(null);
      }, 90_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        done(exitCode);
      });
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'newsdesk: Slack did not start: Slack refused the token (invalid_auth): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN',
    ]);
  }, 120_000);
});
