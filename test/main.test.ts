import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandIn } from './support/slack-api.ts';
import { useTempDirs } from './support/temp.ts';

const tempDir = useTempDirs('newsdesk-main-');
const corpus = resolve('../shared/corpus');
if (!existsSync(corpus)) console.warn(`skipping the bot process tests: ${corpus} is absent`);

let api: SlackStandIn;
const children: ChildProcess[] = [];
beforeAll(async () => {
  api = await new SlackStandIn().start();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await api?.close();
});

/** Starts `npm start`'s script with Slack on (pointed at the stand-in) and resolves at a log message. */
function startBot(db: string): {
  child: ChildProcess;
  logged: (msg: string) => Promise<Record<string, unknown>>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      NEWSDESK_DB: db,
      CORPUS_DIR: corpus,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-secret-token',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      SLACK_APP_TOKEN: '',
      DISCORD_TOKEN: '',
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      DIGEST_CRON: '0 8 * * *',
      DIGEST_TZ: 'Europe/Kyiv',
      DIGEST_SLACK_CHANNELS: 'CDAILY',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const waiting: (() => void)[] = [];
  let buffer = '';
  let all = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    all += chunk.toString();
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      lines.push(JSON.parse(part));
      for (const wake of waiting.splice(0)) wake();
    }
  });
  child.stderr?.on('end', () => {
    for (const wake of waiting.splice(0)) wake();
  });
  const logged = async (msg: string) => {
    for (;;) {
      const hit = lines.find((l) => l.msg === msg);
      if (hit) return hit;
      if (child.exitCode !== null)
        throw new Error(`bot exited before logging "${msg}": ${JSON.stringify(lines)}`);
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return { child, logged, stderr: () => all };
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    child.on('exit', (code) => done(code));
    child.kill('SIGTERM');
  });

describe.skipIf(!existsSync(corpus))('the bot process with Slack configured', { timeout: 180_000 }, () => {
  it('posts the missed digest slot once on start, not again on the next start, and exits 0 on SIGTERM', async () => {
    const db = join(tempDir(), 'bot.db');
    const first = startBot(db);
    const done = await first.logged('digest catch-up done');
    expect(done.outcomes).toMatchObject([{ platform: 'slack', destination: 'CDAILY', status: 'posted' }]);
    expect(await stop(first.child)).toBe(0);

    const second = startBot(db);
    const again = await second.logged('digest catch-up done');
    expect(again.outcomes).toMatchObject([{ destination: 'CDAILY', status: 'already-posted' }]);
    expect(await stop(second.child)).toBe(0);
    for (const secret of ['xoxb-secret-token', 'signing-secret-value']) {
      expect(first.stderr() + second.stderr()).not.toContain(secret);
    }

    const posts = api.posts.filter((p) => p.channel === 'CDAILY');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.metadata?.event_type).toBe('newsdesk_digest');
    expect(JSON.stringify(posts[0]?.blocks)).toContain('Mode: extractive');
  });
});
