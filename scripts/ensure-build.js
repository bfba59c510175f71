// Builds dist/ (tsc -p tsconfig.build.json) when any source is newer than the last build. Run by the
// test setup and the startup benchmark, so that nothing that spawns bin/newsdesk*.js can run a
// stale build; `npm run build` always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only in its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const stampOf = (root) => join(root, 'dist', '.built');

/**
 * True when dist/ is missing or older than a source.
 */
export function buildIsStale(root = ROOT) {
  const stamp = stampOf(root);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => existsSync(join(root, s)) && newestMtime(join(root, s)) > built);
}

/**
 * Compiles into a fresh folder and swaps it in whole: a source deleted since the last build leaves
 * no stale .js behind, and a process starting during the build never loads half a dist/.
 */
export function build(root = ROOT) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const started = new Date();
  const dist = join(root, 'dist');
  const fresh = join(root, `dist.building-${process.pid}`);
  const old = join(root, `dist.old-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', fresh], {
      stdio: 'inherit',
    });
    // The stamp keeps the build's start: a source saved while tsc ran is newer, so the next run rebuilds.
    const stamp = join(fresh, '.built');
    writeFileSync(stamp, `${started.toISOString()}\n`);
    utimesSync(stamp, started, started);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(fresh, dist);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

export function ensureBuild() {
  if (buildIsStale()) build();
}

/** Vitest's globalSetup entry (vitest.config.ts). */
export const setup = ensureBuild;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--always')) build();
  else ensureBuild();
}
