/** True when dist/ is missing or older than a source. */
export function buildIsStale(): boolean;
/** Compiles src/ and commands/ into dist/ (tsc -p tsconfig.build.json). */
export function build(): void;
/** Builds when the build is stale. */
export function ensureBuild(): void;
/** Vitest's globalSetup entry. */
export const setup: () => void;
