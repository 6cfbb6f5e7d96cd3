// Unit, renderer and electron tests; e2e (real Chromium) has its own config in test/e2e/.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// A safety net, not a speed goal (speed is `npm run bench`): on a busy 2-core machine an antd render
// under jsdom or a whole-workbook round trip can take well over vitest's 5 s default.
const testTimeout = 30_000;

/**
 * The one unhandled error not reported: React's scheduler flushing a commit's passive effects through
 * setImmediate after a renderer file's jsdom window is gone ("window is not defined" read by
 * react-dom's callback). test/renderer/setup.ts drains the scheduler before teardown, yet on a busy
 * 2-core CI a file still ends now and then with one such flush pending, after all its tests passed;
 * no app code runs in it. Any other error, and this one from anywhere else, still fails the run.
 */
function isJsdomTeardownFlush(error: { name?: string; message?: string; stack?: string }): boolean {
  const stack = error.stack ?? '';
  return error.name === 'ReferenceError' && error.message === 'window is not defined'
    && stack.includes('react-dom-client.') && stack.includes('performWorkUntilDeadline');
}

export default defineConfig({
  test: {
    onUnhandledError: (error) => !isJsdomTeardownFlush(error),
    projects: [
      {
        // pure shared/ code with no module mocks: one module graph per worker instead of one per file
        // (a third of the time on 2 cores went to importing the same modules again, file after file)
        test: { name: 'unit', environment: 'node', testTimeout, isolate: false, include: ['test/unit/**/*.test.ts'] },
      },
      {
        // main and preload are tested with `electron` faked through vi.mock: each file keeps its own modules
        test: { name: 'electron', environment: 'node', testTimeout, include: ['test/electron/**/*.test.ts'] },
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
