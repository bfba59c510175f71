import { existsSync } from 'node:fs';

/** Imports a module of the build (dist/), or says how to make it when there is none. */
export async function loadBuilt(path) {
  const url = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(url)) {
    process.stderr.write(`newsdesk: ${url.pathname} is missing: run \`npm run build\` (npm ci does it)\n`);
    process.exit(1);
  }
  await import(url.href);
}
