import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-audit-key.ts'],
    // Generous limits: every file builds the real app on its own database copy, and CI shares two
    // cores between two workers; these bound a hung test, they do not measure speed.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    // A worker imports the app's modules once for all the files it runs, instead of once per file
    // (that import was half of the suite's time). Files still get their own app and database
    // (test/helpers.ts); module-level state in src must be set per app, not assumed fresh.
    isolate: false,
  },
});
