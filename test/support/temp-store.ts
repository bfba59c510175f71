import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temp folders for SQLite files, removed by `cleanup()` (call it in afterEach). */
export function tempDirs(prefix: string) {
  const dirs: string[] = [];
  return {
    dir(): string {
      const d = mkdtempSync(join(tmpdir(), `newsdesk-${prefix}-`));
      dirs.push(d);
      return d;
    },
    db(): string {
      return join(this.dir(), 'store.db');
    },
    cleanup(): void {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
