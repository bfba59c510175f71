import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Tests spawn bin/newsdesk*.js, which run the build in dist/: rebuilt first when a source is newer.
    // The store, delivery and queue tests also run on a throw-away PostgreSQL cluster.
    globalSetup: ['scripts/ensure-build.js', 'test/support/pg-cluster.ts'],
  },
});
