import { fileURLToPath } from 'node:url';

/**
 * True when this code runs from its TypeScript sources (tests, `npm run dev`), false when it runs
 * from the build in dist/ (the CLI, `npm start`): files beside the code are found differently.
 */
export const fromSources = import.meta.url.endsWith('.ts');

/** The project folder (prompts/ lives there), whether the code runs from src/ or from dist/src/. */
export const PROJECT_ROOT = fileURLToPath(new URL(fromSources ? '../../' : '../../../', import.meta.url));

/**
 * The entry of a worker thread beside the module at `base`: its compiled .js in the build; from
 * sources, a .mjs shim that registers tsx first (workers do not inherit the parent's loader hooks).
 */
export const workerUrl = (name: string, base: string): URL =>
  new URL(`./${name}${fromSources ? '.mjs' : '.js'}`, base);
