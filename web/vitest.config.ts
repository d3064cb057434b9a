import { defineConfig } from 'vitest/config';

// Pure logic (lib/, api/) runs in node; React hook tests (`*.test.tsx`) ask for a DOM with a
// `// @vitest-environment happy-dom` line of their own.
export default defineConfig({
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
