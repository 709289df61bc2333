import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start emulators, keychain daemons and child processes: give them room,
    // but keep the two cores of CI machines from being oversubscribed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // The CLI tests run bin/orcw.mjs, which runs the bundle: rebuild it when a source changed.
    globalSetup: ['test/support/cli-bundle-setup.ts'],
  },
});
