// Worker entry: the parse code is TypeScript, so the worker registers tsx first (workers do not
// inherit the parent's loader hooks).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
