import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../support/slack-api.ts';
import { OAUTH } from '../../support/slack-oauth-bot.ts';
import { useTempDirs } from '../../support/temp.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const tempDir = useTempDirs('newsdesk-oauth-start-');
let api: SlackStandIn;
beforeAll(async () => {
  api = await new SlackStandIn().start();
});
afterAll(() => api?.close());

describe('the bot process in OAuth mode', () => {
  it('starts the Slack app with no bot token, serves the install page, and logs no secret', async () => {
    const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: '/tmp',
        NEWSDESK_DB: join(tempDir(), 'bot.db'),
        CORPUS_DIR: tempDir(),
        LOG_LEVEL: 'debug',
        SLACK_CLIENT_ID: OAUTH.clientId,
        SLACK_CLIENT_SECRET: OAUTH.clientSecret,
        SLACK_STATE_SECRET: OAUTH.stateSecret,
        SLACK_SIGNING_SECRET: OAUTH.signingSecret,
        SLACK_API_URL: api.apiUrl,
        PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    try {
      const started = await new Promise<Record<string, unknown>>((done, fail) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const line = stderr.split('\n').find((l) => l.includes('"slack app started"'));
          if (line) done(JSON.parse(line));
        });
        child.on('exit', (code) => fail(new Error(`the bot exited (${code}): ${stderr}`)));
      });
      expect(started).toMatchObject({ mode: 'http', oauth: true, install: '/slack/install' });
      const page = await fetch(`http://127.0.0.1:${started.port}/slack/install`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`client_id=${OAUTH.clientId}`);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((done) => child.once('exit', done));
      }
    }
    // Console mode did not start, and nothing secret was logged.
    expect(stderr).not.toContain('console');
    for (const secret of [OAUTH.clientSecret, OAUTH.stateSecret, OAUTH.signingSecret])
      expect(stderr).not.toContain(secret);
  }, 120_000);
});
