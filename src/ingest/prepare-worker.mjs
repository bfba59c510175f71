// Worker entry: the code is TypeScript, so the worker registers tsx first (workers do not inherit
// the parent's loader hooks).
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
