// Serves dist-web from a local static server and launches Debian's Chromium headless.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

// XB_DIST_WEB lets parallel work build into its own folder (vite build --outDir …)
const ROOT = resolve(process.env.XB_DIST_WEB ?? resolve(__dirname, '..', '..', 'dist-web'));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error('dist-web/index.html missing: run `npm run build:web` first');
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
    if (!file.startsWith(ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** A browser with a fresh profile on disk, so IndexedDB survives reloads like a user's would. */
export async function launch(): Promise<{ browser: Browser; context: BrowserContext; downloads: string; close: () => Promise<void> }> {
  const downloads = mkdtempSync(join(tmpdir(), 'xiaobiao-e2e-'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  return {
    browser, context, downloads,
    close: async () => {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * One app session for a test file: dist-web served, Chromium launched with a fixed "today",
 * the page open, and the helpers every e2e test drives it with (test ids, antd Select options,
 * downloads).
 */
export async function openApp(today: Date) {
  const server = await serveDist();
  const env = await launch();
  await env.context.clock.setFixedTime(today);
  const page = await env.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  const tid = (id: string) => page.getByTestId(id);
  return {
    page, env, tid, pageErrors,
    async pickOption(testId: string, label: string) {
      const select = tid(testId);
      await select.click();
      // the option of THIS select: another one's dropdown may still be closing (two “其他” on screen).
      // An open select's input names its listbox (aria-controls), which sits inside its own dropdown
      const input = select.locator('input[aria-controls]');
      await input.first().waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
      const list = (await input.count()) ? await input.first().getAttribute('aria-controls') : null;
      const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
      const option = (scope: string) => page.locator(`${scope} .ant-select-item-option`).filter({ hasText: new RegExp(`^${label}$`) });
      const own = list ? option(`${open}:has([id="${list}"])`) : undefined;
      const found = own && (await own.first().waitFor({ timeout: 5_000 }).then(() => true, () => false));
      await (found ? own! : option(open)).first().click();
    },
    /** Runs `click`, saves the download it starts, and returns its name and bytes. */
    async download(click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
      const wait = page.waitForEvent('download');
      await click();
      const dl = await wait;
      const path = join(env.downloads, dl.suggestedFilename());
      await dl.saveAs(path);
      return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
    },
    async close() {
      await env.close();
      await server.close();
    },
  };
}

export type AppSession = Awaited<ReturnType<typeof openApp>>;
