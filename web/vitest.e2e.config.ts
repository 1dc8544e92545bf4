import { defineConfig } from 'vitest/config';

// The end-to-end paths: real Chromium (Debian's) against a running local cloud (SPIL_URL).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
