// Builds dist/ (tsc -p tsconfig.build.json) when any source is newer than the last build. Run by the
// test setup and the startup benchmark, so that nothing that spawns bin/newsdesk*.js can run a
// stale build; `npm run build` always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.built');
const SOURCES = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only in its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than a source. */
export function buildIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => existsSync(join(ROOT, s)) && newestMtime(join(ROOT, s)) > built);
}

export function build() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const started = new Date();
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  // The stamp keeps the build's start: a source saved while tsc ran is newer, so the next run rebuilds.
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
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
