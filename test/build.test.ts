import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, buildIsStale } from '../scripts/ensure-build.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A two-file project with the same build layout as ours (tsconfig.build.json, src/, dist/). */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/kept.ts'), 'export const kept = 1;\n');
  writeFileSync(join(root, 'src/removed.ts'), 'export const removed = 2;\n');
  writeFileSync(
    join(root, 'tsconfig.build.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        target: 'es2022',
        outDir: 'dist',
        rootDir: '.',
        skipLibCheck: true,
      },
      include: ['src'],
    }),
  );
  return root;
}

describe('the build (scripts/ensure-build.js)', () => {
  it('leaves no compiled file of a deleted source and no temporary folder behind', () => {
    const root = project();
    expect(buildIsStale(root)).toBe(true);
    build(root);
    expect(existsSync(join(root, 'dist/src/removed.js'))).toBe(true);
    expect(buildIsStale(root)).toBe(false);

    rmSync(join(root, 'src/removed.ts'));
    build(root);
    expect(existsSync(join(root, 'dist/src/kept.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/src/removed.js'))).toBe(false);
    expect(existsSync(join(root, 'dist/.built'))).toBe(true);
    expect(['dist.building-', 'dist.old-'].some((p) => existsSync(join(root, `${p}${process.pid}`)))).toBe(
      false,
    );
  });
});
