import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
// No DATABASE_URL from the caller's environment or a .env: the refusal is what is tested.
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent' };

async function worker(...args: string[]) {
  return run(process.execPath, [resolve(ROOT, 'bin/newsdesk.js'), 'worker', ...args], {
    cwd: '/tmp',
    env: ENV,
  })
    .then((r) => ({ code: 0, ...r }))
    .catch((err: { code: number; stdout: string; stderr: string }) => err);
}

describe('newsdesk worker', () => {
  it('names the valid queues when given an unknown one', async () => {
    const { code, stderr } = await worker('--queues', 'polls,pagez');
    expect(code).toBe(1);
    expect(stderr).toBe(
      'newsdesk: --queues: unknown queue "pagez"; valid queues are polls, pages, llm, digests\n',
    );
  });

  it('refuses to start without DATABASE_URL, saying why', async () => {
    const { code, stderr } = await worker('--queues', 'polls');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^newsdesk: newsdesk worker needs DATABASE_URL \(postgres:\/\/\.\.\.\)/);
  });
});
