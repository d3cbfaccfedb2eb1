import { defineConfig } from 'vitest/config';

// Browser tests: each file launches Debian's Chromium with the built extension (npm run build first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Browsers on a shared 2-core machine: a poll gives the page 10 s, not the default 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
