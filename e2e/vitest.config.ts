import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each file starts two simulators, a server and a browser; on a loaded 2-core machine
    // page loads and SSE samples can take seconds, so timeouts are generous. No test sleeps:
    // they wait for conditions, and these limits only bound how long a broken build hangs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One file at a time: the browser, simulators and server share two cores.
    fileParallelism: false,
    // Never retry: a test that passes only on a second attempt is a flaky test to fix.
    retry: 0,
  },
});
