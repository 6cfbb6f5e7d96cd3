// End-to-end tests: the built web renderer (dist-web) served on localhost, driven in real
// Chromium through playwright-core. `npm run test:e2e` builds dist-web first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
