import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp.ts';
import { applicationKeys, postRaw, signatureHeaders } from './signed-post.ts';

const tempDir = useTempDirs('newsdesk-discord-http-');

describe('the bot process with only DISCORD_PUBLIC_KEY set', { timeout: 120_000 }, () => {
  it('serves the interactions endpoint instead of console mode, answers a signed PING and exits 0 on SIGTERM', async () => {
    const keys = applicationKeys();
    const dir = tempDir();
    const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        NEWSDESK_DB: join(dir, 'bot.db'),
        CORPUS_DIR: dir,
        LOG_LEVEL: 'info',
        DISCORD_TOKEN: '',
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: '',
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_INTERACTIONS_PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const lines = createInterface({ input: child.stderr! });
    let port = 0;
    for await (const line of lines) {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'discord interactions endpoint listening') {
        port = entry.port ?? 0;
        break;
      }
    }
    expect(port).toBeGreaterThan(0);

    const body = JSON.stringify({ id: '1', token: 't', application_id: '1', type: 1 });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = `http://127.0.0.1:${port}/interactions`;
    expect(await postRaw(url, body, signatureHeaders(body, { key: keys.privateKey, timestamp }))).toEqual({
      status: 200,
      body: { type: 1 },
    });
    expect((await postRaw(url, body, {})).status).toBe(401);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
