import { defineConfig } from 'vitest/config';

// The Firefox leg: each file launches headless Firefox (FIREFOX_PATH, else firefox-esr) with the
// built add-on installed (npm run build:firefox first), driven by puppeteer over WebDriver BiDi.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
