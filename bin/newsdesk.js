#!/usr/bin/env node
// The CLI runs the JavaScript compiled at install (`npm ci` runs `prepare`, which builds dist/):
// nothing is compiled at run time. From sources, for development: `npm run dev -- ARGS`.
import { loadBuilt } from './load-built.js';

await loadBuilt('src/cli.js');
