#!/usr/bin/env node
// `npm start`: the bot process (console mode when no platform tokens are set).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
