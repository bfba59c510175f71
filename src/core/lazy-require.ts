import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency with a CommonJS build, loaded synchronously on first use instead of at start-up.
 * For the heavy parsers (HTML, dates, YAML) that a start with nothing new to read never needs:
 * importing them eagerly cost most of `npm start`'s CPU before the console prompt. Give each
 * library one lazy door and use it everywhere, so that it is never loaded twice (ESM and CJS).
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
