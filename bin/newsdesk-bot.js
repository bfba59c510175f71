#!/usr/bin/env node
// `npm start`: the bot process (console mode when no platform tokens are set), from the JavaScript
// compiled at install; `npm run dev:bot` runs it from sources.
import { loadBuilt } from './load-built.js';

await loadBuilt('src/main.js');
