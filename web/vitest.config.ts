import { defineConfig } from 'vitest/config';

// Unit tests cover pure logic only (lib/, api/), so the node environment suffices.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
