import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineResult, WhoisResult } from '../../src/knowledge/types.ts';
import { tempStore } from '../support/discord-store.ts';
import { hasSharedCorpus, ingestFolder, OWN_FIXTURES, SHARED_CORPUS } from './corpus.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/newsdesk.js');
const ENV = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: process.env.HOME ?? '/tmp' };
const cli = (db: string, ...args: string[]) => run('node', [BIN, ...args, '--db', db], { env: ENV });

/** Ingests `dir` into a store for the suite; returns the store path once ready. */
function ingestedStore(dir: string): () => string {
  let db = '';
  let dispose: () => void;
  beforeAll(async () => {
    const s = tempStore();
    dispose = s.cleanup;
    await ingestFolder(s.store, dir);
    db = s.store.path;
    s.store.close();
  });
  afterAll(() => dispose());
  return () => db;
}

describe('newsdesk whois / timeline on our own corpus', () => {
  const db = ingestedStore(OWN_FIXTURES);

  it('prints a person with role history and sources', async () => {
    const { stdout } = await cli(db(), 'whois', 'Balan', '--json').catch((e: { stdout: string }) => e);
    const r = JSON.parse(stdout) as WhoisResult;
    expect(r.actor).toBeNull();
    expect(r.candidates.map((c) => c.name).sort()).toEqual(['Elena Balan', 'Victor Balan']);
    const victor = JSON.parse((await cli(db(), 'whois', 'Victor', 'Balan', '--json')).stdout) as WhoisResult;
    expect(victor.actor?.role).toMatch(/^former .*chief of staff/);
    expect(victor.actor?.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('says "no actor named" with suggestions and exits 1 for an unknown name', async () => {
    const err = (await cli(db(), 'whois', 'Vasilestu').then(
      () => null,
      (e: { stdout: string; code: number }) => e,
    ))!;
    expect(err.code).toBe(1);
    expect(err.stdout).toMatch(/no actor named "Vasilestu"\. Did you mean: Ileana Vasilescu/);
  });

  it('prints vague dates as written and filters by actor', async () => {
    const { stdout } = await cli(db(), 'timeline', '--from', '2024-01');
    expect(stdout).toMatch(/^late Mar 2024 — Talks in Vienna/m);
    expect(stdout).toMatch(/^13 Apr 2024 — Talks in Tallinn/m);
    const json = JSON.parse(
      (await cli(db(), 'timeline', '--actor', 'Rusu', '--json')).stdout,
    ) as TimelineResult;
    expect(json.events.map((e) => e.date)).toContain('2024-04-30');
  });

  it('rejects a bad date with a clear error', async () => {
    const err = (await cli(db(), 'timeline', '--to', 'tomorrow').then(
      () => null,
      (e: { stderr: string; code: number }) => e,
    ))!;
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/not a date: "tomorrow"/);
  });
});

describe.skipIf(!hasSharedCorpus)('newsdesk whois / timeline on the shared sample corpus', () => {
  const db = ingestedStore(SHARED_CORPUS);

  it('answers whois Witkoff with the full name, roles and sources', async () => {
    const r = JSON.parse((await cli(db(), 'whois', 'Witkoff', '--json')).stdout) as WhoisResult;
    expect(r.actor?.name).toMatch(/^Steven? Witkoff$/);
    expect(r.actor?.aliases).toEqual(expect.arrayContaining(['Witkoff']));
    expect(r.actor?.roles.some((x) => /envoy/i.test(x.role))).toBe(true);
    expect(r.actor?.sources.length).toBe(5);
  });

  it('merges the spellings of Zelensky', async () => {
    const r = JSON.parse((await cli(db(), 'whois', 'Zelensky', '--json')).stdout) as WhoisResult;
    expect(r.actor?.aliases).toEqual(expect.arrayContaining(['Zelenskiy', 'Zelenskyy']));
    expect(r.actor?.role).toMatch(/president/i);
  });

  it('knows the Kremlin as an organisation', async () => {
    const r = JSON.parse((await cli(db(), 'whois', 'Kremlin', '--json')).stdout) as WhoisResult;
    expect(r.actor?.kind).toBe('organisation');
  });

  it('gives one timeline entry for the Geneva talks, with its sources', async () => {
    const r = JSON.parse(
      (await cli(db(), 'timeline', '--json', '--query', 'Geneva')).stdout,
    ) as TimelineResult;
    const geneva = r.events.filter((e) => e.place === 'Geneva');
    expect(geneva).toHaveLength(1);
    expect(geneva[0]!.date).toBe('2025-11-23');
    expect(geneva[0]!.sources.length).toBeGreaterThanOrEqual(4);
  });
});
