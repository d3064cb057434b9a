import { defineConfig } from 'vitest/config';

// Pure logic (lib/, api/) runs in node; React hook tests (`*.test.tsx`) ask for a DOM with a
// `// @vitest-environment happy-dom` line of their own. Every test starts with the English
// texts loaded (src/i18n/testSetup.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['src/i18n/testSetup.ts'],
  },
});
