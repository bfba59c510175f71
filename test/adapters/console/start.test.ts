import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp.ts';

const tempDir = useTempDirs('newsdesk-start-');
const corpus = resolve('../shared/corpus');

if (!existsSync(corpus)) console.warn(`skipping the npm start tests: ${corpus} is absent`);

/** `npm start` as a person runs it with no .env: no tokens, its own database, the sample corpus. */
function startBot(extra: Record<string, string> = {}): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NEWSDESK_DB: join(tempDir(), 'bot.db'),
      CORPUS_DIR: corpus,
      LOG_LEVEL: 'error',
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      ...extra,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => out, exit };
}

const waitFor = async (output: () => string, text: string) => {
  while (!output().includes(text)) await new Promise((r) => setTimeout(r, 50));
};

describe.skipIf(!existsSync(corpus))('npm start without tokens (console mode)', { timeout: 120_000 }, () => {
  it('prints the set-up hints, answers typed commands and exits 0 at EOF', async () => {
    const bot = startBot();
    bot.child.stdin?.end('/help\n/whois Witkoff\n/timeline\n/nope\n');
    expect(await bot.exit).toBe(0);
    const out = bot.output();
    expect(out).toContain('console mode');
    expect(out).toContain('newsdesk commands');
    expect(out).toContain('Unknown command /nope');
    expect(out).toContain('Ingested: 5 new');
    // The answers come in order: help, the actor's card with its sources, the dated timeline.
    const whois = out.slice(out.indexOf('newsdesk commands'), out.indexOf('Timeline'));
    expect(whois).toMatch(/Witkoff/);
    expect(whois).toContain('Sources');
    const timeline = out.slice(out.indexOf('Timeline'), out.indexOf('Unknown command /nope'));
    expect(timeline).toMatch(/^• \d{4}-\d\d-\d\d/m);
    expect(out).not.toContain('Something went wrong');
  });

  it('exits 0 on SIGTERM while waiting for input', async () => {
    const bot = startBot();
    await waitFor(bot.output, 'Ctrl-D quits');
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
  });

  it('starts with no corpus and explains what to configure', async () => {
    const bot = startBot({ CORPUS_DIR: join(tempDir(), 'missing') });
    bot.child.stdin?.end('');
    expect(await bot.exit).toBe(0);
    expect(bot.output()).toMatch(/No corpus folder at .*CORPUS_DIR/s);
    expect(bot.output()).toContain('SLACK_BOT_TOKEN');
  });

  it('stops with one line naming a half-configured platform', async () => {
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '' });
    let err = '';
    bot.child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    expect(await bot.exit).toBe(1);
    expect(err).toContain('SLACK_SIGNING_SECRET: required');
    expect(err).not.toContain('xoxb-1');
  });
});
