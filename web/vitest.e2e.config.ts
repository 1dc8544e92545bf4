import { defineConfig } from 'vitest/config';

// The end-to-end paths: real Chromium (Debian's) against a running local cloud (SPIL_URL).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // the local cloud starts a function's JVM on its first request, as Lambda does: answers may take seconds
    expect: { poll: { timeout: 30_000, interval: 250 } },
    reporters: ['default'],
  },
});
