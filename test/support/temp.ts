import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * A fresh temporary folder per call, removed after each test (or, with scope 'all', after the file's
 * last test, for fixtures built once in beforeAll).
 */
export function useTempDirs(prefix = 'newsdesk-', scope: 'each' | 'all' = 'each'): () => string {
  const dirs: string[] = [];
  (scope === 'each' ? afterEach : afterAll)(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
