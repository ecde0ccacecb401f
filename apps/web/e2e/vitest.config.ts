import { defineProject } from 'vitest/config';

/**
 * The browser suite: the real built web app, served by the real server (loopback, temp SQLite file), driven by
 * Debian's chromium through playwright-core. The global setup builds the app once into a private folder.
 * One file at a time: each file runs its own server and browser, and the machine has two cores.
 */
export default defineProject({
  test: {
    name: 'web-e2e',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
