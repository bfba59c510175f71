/** True when dist/ is missing or older than a source; `root` is the project folder (this one by default). */
export function buildIsStale(root?: string): boolean;
/** Compiles src/ and commands/ into a fresh folder swapped in as dist/ (tsc -p tsconfig.build.json). */
export function build(root?: string): void;
/** Builds when the build is stale. */
export function ensureBuild(): void;
/** Vitest's globalSetup entry. */
export const setup: () => void;
