import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-corpus-walk-');
const config = loadConfig({ LOG_LEVEL: 'silent' });

const article = (topic: string) =>
  `The regional assembly voted on Monday to ${topic}, after a debate that ran late into the evening ` +
  'and a promise from the governor that the plan would be reviewed again in the spring.\n';

function corpus(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function ingest(dir: string, db = join(tempDir(), 'store.db')) {
  const store = openStore(db);
  try {
    const report = await runIngest(store, { corpusDirs: [dir], feeds: false, config, indexKnowledge: false });
    const paths = store.articles.list().map((a) => a.path?.slice(dir.length + 1));
    return { report, paths, db };
  } finally {
    store.close();
  }
}

const failures = (report: { failed: { path: string; error: string }[] }, dir: string) =>
  Object.fromEntries(report.failed.map((f) => [f.path.slice(dir.length + 1), f.error]));

describe('corpus folder walk', () => {
  it('reports a symbolic link loop under failed and ingests the other files', async () => {
    const dir = corpus({ 'good.txt': article('widen the coastal road') });
    symlinkSync('b.txt', join(dir, 'a.txt'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    const { report, paths } = await ingest(dir);
    expect(report.new).toBe(1);
    expect(paths).toEqual(['good.txt']);
    expect(failures(report, dir)).toEqual({ 'a.txt': 'symbolic link loop', 'b.txt': 'symbolic link loop' });
  });

  it('never follows a link out of the corpus folder, and follows one that stays inside', async () => {
    const outside = corpus({ 'private.txt': article('keep this file out of the store') });
    const dir = corpus({ 'sub/inner.txt': article('fund a new ferry') });
    symlinkSync(join(outside, 'private.txt'), join(dir, 'absolute.txt'));
    symlinkSync(join('..', '..', outside.split('/').pop()!, 'private.txt'), join(dir, 'sub', 'relative.txt'));
    symlinkSync(outside, join(dir, 'folder-out'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    symlinkSync(join('sub', 'inner.txt'), join(dir, 'alias.txt'));
    const { report, paths } = await ingest(dir);
    const out = 'symbolic link out of the corpus folder (not followed)';
    expect(failures(report, dir)).toEqual({
      'absolute.txt': out,
      'folder-out': out,
      'passwd.txt': out,
      'sub/relative.txt': out,
    });
    // The link inside the folder is read (and found to be the same article as its target).
    expect(report).toMatchObject({ new: 1, duplicates: 1 });
    expect(report.articles.map((a) => a.path?.slice(dir.length + 1)).sort()).toEqual([
      'alias.txt',
      'sub/inner.txt',
    ]);
    expect(paths).toHaveLength(1);
  });

  it('keeps the articles of a folder that cannot be read, reporting it instead of removing them', async () => {
    const dir = corpus({
      'top.txt': article('widen the coastal road'),
      'sub/a.txt': article('fund a ferry'),
    });
    const first = await ingest(dir);
    expect(first.report.new).toBe(2);
    // The folder is still named there but leads nowhere (an unmounted share, say).
    rmSync(join(dir, 'sub'), { recursive: true });
    symlinkSync(join(dir, 'mount-point-gone'), join(dir, 'sub'));
    const again = await ingest(dir, first.db);
    expect(failures(again.report, dir)).toEqual({ sub: 'symbolic link to a missing file' });
    expect(again.report.removed).toBe(0);
    expect(again.paths.sort()).toEqual(['sub/a.txt', 'top.txt']);
  });

  // Root reads every folder whatever its mode, so the unreadable folder is read by an unprivileged
  // user: the CLI runs as `nobody` when the tests run as root.
  it('reports a folder it may not read (EACCES) under failed and removes nothing', async () => {
    const asRoot = process.getuid?.() === 0;
    const base = tempDir();
    chmodSync(base, 0o777);
    const dir = join(base, 'corpus');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'top.txt'), article('widen the coastal road'));
    writeFileSync(join(dir, 'sub', 'a.txt'), article('fund a ferry'));
    const db = join(base, 'store.db');
    const cli = async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [resolve('bin/newsdesk.js'), 'ingest', '--json', '--corpus', dir, '--db', db],
        {
          env: { ...process.env, LOG_LEVEL: 'silent' },
          timeout: 100_000,
          ...(asRoot && { uid: 65534, gid: 65534 }),
        },
      );
      return JSON.parse(stdout) as {
        new: number;
        removed: number;
        failed: { path: string; error: string }[];
      };
    };
    expect((await cli()).new).toBe(2);
    chmodSync(join(dir, 'sub'), 0o000);
    try {
      const again = await cli();
      expect(again.removed).toBe(0);
      expect(again.failed).toEqual([
        { path: join(dir, 'sub'), error: expect.stringMatching(/^cannot read folder: EACCES/) },
      ]);
    } finally {
      chmodSync(join(dir, 'sub'), 0o755);
    }
    const store = openStore(db);
    expect(store.articles.list()).toHaveLength(2);
    store.close();
  }, 200_000);
});
