import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites each run a simulator, a server and kubectl: one file at a time
    // keeps their timing honest on a 2-core machine.
    fileParallelism: false,
  },
});
