// A Chromium we can kill like a power cut kills an app: we spawn it ourselves (so we hold its
// pid), in its own process group with a persistent profile on disk, and drive it over CDP.
// `kill()` sends SIGKILL to the whole group — browser, renderer, storage — with no chance to
// flush, unload or close the database; what survives is only what IndexedDB had committed.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness';

export interface KillableBrowser {
  pid: number;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** SIGKILL the process group and wait until the browser process is gone */
  kill: () => Promise<void>;
}

function waitForEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err.slice(-2000)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened: ${err.slice(-2000)}`));
    });
  });
}

/** Starts Chromium on `userDataDir` (created if missing) and connects to its default context. */
export async function startKillable(userDataDir: string, today?: Date): Promise<KillableBrowser> {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, '--window-size=1440,900', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const pid = child.pid!;
  const killGroup = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    const endpoint = await waitForEndpoint(child);
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0]!;
    if (today) await context.clock.setFixedTime(today);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1440, height: 900 });
    return {
      pid, browser, context, page,
      kill: async () => {
        killGroup();
        await exited;
        // the CDP socket notices the death on its own; don't wait for a graceful close
        void browser.close().catch(() => undefined);
      },
    };
  } catch (e) {
    killGroup();
    throw e;
  }
}
