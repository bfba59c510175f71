import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestResult, SummaryResult } from '../../src/summarize/types.ts';
import { cleanupTemps, hasCorpus, ingestCorpus, tempStore } from './helpers.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/newsdesk.js');
const ENV = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: process.env.HOME ?? '/tmp' };

afterEach(cleanupTemps);

describe.skipIf(!hasCorpus)('newsdesk digest / summary', () => {
  it('prints a sourced extractive digest as JSON and records nothing', async () => {
    const store = tempStore();
    await ingestCorpus(store);
    store.close();
    const { stdout } = await run('node', [BIN, 'digest', '--json', '--db', store.path], { env: ENV });
    const digest = JSON.parse(stdout) as DigestResult;
    expect(digest.mode).toBe('extractive');
    expect(digest.items.length).toBeGreaterThanOrEqual(3);
    expect(digest.items.every((i) => i.sources.length > 0)).toBe(true);
    const again = JSON.parse(
      (await run('node', [BIN, 'digest', '--json', '--db', store.path], { env: ENV })).stdout,
    );
    expect(again.items).toEqual(digest.items);
  });

  it('prints a human summary with mode, period and sources', async () => {
    const store = tempStore();
    await ingestCorpus(store);
    store.close();
    const { stdout } = await run('node', [BIN, 'summary', 'security guarantees', '--db', store.path], {
      env: ENV,
    });
    expect(stdout).toMatch(/^Summary of "security guarantees", last 30 days/);
    expect(stdout).toMatch(/mode: extractive/);
    expect(stdout).toMatch(/ {3}- .*corpus\/\d{3}_/);
    const json = JSON.parse(
      (await run('node', [BIN, 'summary', 'security guarantees', '--json', '--db', store.path], { env: ENV }))
        .stdout,
    ) as SummaryResult;
    expect(json.items.length).toBeGreaterThan(0);
  });

  it('rejects --since and --hours together with a clear error', async () => {
    const store = tempStore();
    store.close();
    const err = await run(
      'node',
      [BIN, 'digest', '--since', '2025-01-01', '--hours', '5', '--db', store.path],
      {
        env: ENV,
      },
    ).catch((e: { stderr: string; code: number }) => e);
    expect('stderr' in err && err.stderr).toMatch(/--since or --hours, not both/);
  });
});
