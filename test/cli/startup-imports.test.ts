import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStoreSettings } from '../../src/store-settings.ts';
import { tempStore } from '../support/discord-store.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TRACE = resolve(ROOT, 'test/support/trace-packages.mjs');
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent' };

/** The npm packages `newsdesk ARGS` loads (the compiled CLI, as users run it). */
async function packagesLoadedBy(...args: string[]): Promise<string[]> {
  const { stderr } = await run(process.execPath, ['--import', TRACE, 'bin/newsdesk.js', ...args], {
    cwd: ROOT,
    env: ENV,
  }).catch((err: { stderr: string }) => err);
  return [...stderr.matchAll(/^package (\S+)$/gm)].map((m) => m[1]!);
}

const { store, cleanup } = tempStore();
const db = store.path; // an empty store: what loads does not depend on what it holds
afterAll(cleanup);

describe('what each CLI command loads', () => {
  it('--help loads the command line parser and nothing else', async () => {
    expect(await packagesLoadedBy('--help')).toEqual(['commander']);
  });

  it('whois and timeline read the store without the platforms, the LLM, text analysis or the config schema', async () => {
    for (const args of [
      ['whois', 'Nobody', '--db', db],
      ['timeline', '--db', db],
    ]) {
      const loaded = await packagesLoadedBy(...args);
      expect(loaded).toContain('better-sqlite3');
      for (const heavy of ['discord.js', '@slack/bolt', 'openai', 'chrono-node', 'zod', 'linkedom'])
        expect(loaded, `${args[0]} loads ${heavy}`).not.toContain(heavy);
    }
  });

  it('a summary without an LLM does not load the LLM client or the platforms', async () => {
    const loaded = await packagesLoadedBy('summary', '--db', db);
    expect(loaded).toContain('better-sqlite3');
    for (const heavy of ['discord.js', '@slack/bolt', 'openai'])
      expect(loaded, `summary loads ${heavy}`).not.toContain(heavy);
  });
});

describe('the settings a store query reads', () => {
  it('default to the store under ./data and the info level', () => {
    expect(loadStoreSettings({})).toEqual({
      NEWSDESK_DB: './data/newsdesk.db',
      LOG_LEVEL: 'info',
      SHARED_SOURCES: true,
    });
  });

  it('refuse an unknown log level and an empty store path with a ConfigError naming both', () => {
    expect(() => loadStoreSettings({ LOG_LEVEL: 'loud', NEWSDESK_DB: '' })).toThrow(
      expect.objectContaining({
        code: 'ERR_CONFIG',
        message: expect.stringMatching(/NEWSDESK_DB: .*\nLOG_LEVEL: expected one of trace, debug/),
      }),
    );
  });
});
