// Unit, renderer and electron tests; e2e (real Chromium) has its own config in test/e2e/.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// A safety net, not a speed goal (speed is `npm run bench`): on a busy 2-core machine an antd render
// under jsdom or a whole-workbook round trip can take well over vitest's 5 s default.
const testTimeout = 30_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', environment: 'node', testTimeout, include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts'] },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          testTimeout,
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
