// Cold start of the built web app (dist-web) to its first interactive screen, in Chromium, against
// a floor measured in the same run. Each run is a new browser on a new profile on disk (no HTTP
// cache, IndexedDB on disk as a user's), timed from the navigation start of the page:
//   - floor: a static page of the same server with one <input> (what the browser, the server
//     and this measurement cost on this machine at this moment);
//   - empty: the app with no database → the setup page's 学校名称 input is on screen, enabled,
//     and the page's thread is free to take a click (a task queued after it ran);
//   - demo: the app over a profile holding the demo 九年一贯制 school (loaded once through the UI,
//     the profile copied for each run) → the workspace's sheet list is on screen, the first
//     cell of the first sheet (封面) is rendered, the loading spinner is gone, and the thread
//     is free as above.
// Median and p95 of BENCH_COLD_RUNS runs (counts, not wall-clock). Run by `npm run bench`.
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { benchWebBuild } from './web-build';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const FLOOR_PATH = '/__xb-floor.html';
const FLOOR = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>floor</title><body><input data-testid="floor-input"></body></html>';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
// the e2e harness's flags
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A string, not a function: the TypeScript runner's helpers do not exist inside the page. */
const DETECT = `(() => {
  const ready = {
    floor: () => document.querySelector('[data-testid=floor-input]'),
    empty: () => !document.querySelector('.app-loading') && document.querySelector('[data-testid=setup-name]:not([disabled])'),
    demo: () => !document.querySelector('.app-loading') && document.querySelector('[data-testid^=sheet-nav-]') &&
      document.querySelector('[data-testid=sheet-content] table td, [data-testid=sheet-content] [data-testid^=cell-]'),
  };
  const which = location.pathname.endsWith('floor.html') ? 'floor' : (localStorage.getItem('__xbCase') || 'empty');
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const check = () => {
    const el = document.documentElement && ready[which]();
    if (el && visible(el)) {
      const seen = performance.now();
      // interactive = the thread can take the next input: a task queued now has run
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__xbReady = { seen, free: performance.now() }; };
      ch.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

const DUMP = `JSON.stringify({ nav: (({ responseEnd, domInteractive, domContentLoadedEventEnd, loadEventEnd }) => ({ responseEnd, domInteractive, domContentLoadedEventEnd, loadEventEnd }))(performance.getEntriesByType('navigation')[0]),
  res: performance.getEntriesByType('resource').map((r) => [r.name.replace(/.*\\//, ''), Math.round(r.startTime), Math.round(r.responseEnd)]),
  marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), ready: window.__xbReady })`;

function serve(root: string) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === FLOOR_PATH) return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(FLOOR);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise<{ url: string; close: () => void }>((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })),
  );
}

async function withProfile<T>(profile: string, fn: (ctx: Awaited<ReturnType<typeof chromium.launchPersistentContext>>) => Promise<T>): Promise<T> {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS, locale: 'zh-CN', viewport: { width: 1440, height: 900 },
  });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** One cold start: a new browser on `profile`, ms from navigation start to seen / free. */
async function once(profile: string, url: string, which: string): Promise<{ seen: number; free: number }> {
  return withProfile(profile, async (ctx) => {
    await ctx.addInitScript(`localStorage.setItem('__xbCase', ${JSON.stringify(which)}); ${DETECT}`);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    // the browser's own first navigation (process start-up, profile creation) is not the app's:
    // every case, the floor too, is a second navigation in a browser that has shown one page
    await page.goto(url.replace(/\/[^/]*$/, FLOOR_PATH) + '?warm-up');
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __xbReady?: unknown }).__xbReady, undefined, { timeout: 60_000, polling: 50 });
    if (process.env.BENCH_COLD_DUMP) console.log(which, await page.evaluate(DUMP));
    return (await page.evaluate('window.__xbReady')) as { seen: number; free: number };
  });
}

/** A profile holding the demo 九年一贯制 school, loaded through the setup page as a user does. */
async function demoProfile(url: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'xiaobiao-cold-demo-'));
  await withProfile(profile, async (ctx) => {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url);
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('demo-type').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^九年一贯制学校$/ }).click();
    await page.getByTestId('demo-confirm').click();
    await page.locator('[data-testid^=sheet-nav-]').first().waitFor({ timeout: 60_000 });
    // the data worker and the first backup settle before the browser closes
    await page.waitForTimeout(1500);
  });
  return profile;
}

const pick = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export interface ColdRow { case: string; medianMs: number; p95Ms: number; shownMedianMs: number; floorMedianMs: number; ratio: number; goal: string }

export async function benchColdStart(): Promise<ColdRow[]> {
  const root = benchWebBuild();
  const server = await serve(root);
  const demo = await demoProfile(server.url + '/');
  const cases: Record<'floor' | 'empty' | 'demo', { seen: number[]; free: number[] }> = {
    floor: { seen: [], free: [] }, empty: { seen: [], free: [] }, demo: { seen: [], free: [] },
  };
  try {
    // interleaved, so a burst of load on the machine hits every case alike
    for (let i = 0; i < RUNS; i++) {
      for (const which of ['floor', 'empty', 'demo'] as const) {
        const profile = mkdtempSync(join(tmpdir(), 'xiaobiao-cold-'));
        try {
          if (which === 'demo') cpSync(demo, profile, { recursive: true });
          const r = await once(profile, server.url + (which === 'floor' ? FLOOR_PATH : '/'), which);
          cases[which].seen.push(r.seen);
          cases[which].free.push(r.free);
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      }
    }
  } finally {
    server.close();
    rmSync(demo, { recursive: true, force: true });
  }
  const floor = pick(cases.floor.free, 0.5);
  const row = (name: string, c: { seen: number[]; free: number[] }, goal: string): ColdRow => ({
    case: name, medianMs: Math.round(pick(c.free, 0.5)), p95Ms: Math.round(pick(c.free, 0.95)), shownMedianMs: Math.round(pick(c.seen, 0.5)),
    floorMedianMs: Math.round(floor), ratio: +(pick(c.free, 0.5) / floor).toFixed(2), goal,
  });
  return [
    row('下限：同一服务器的静态页（一个输入框）', cases.floor, '—'),
    row('冷启动：空数据库 → 学校信息页可输入', cases.empty, '≤ 1000 ms'),
    row('冷启动：示例九年一贯制学校 → 工作台表单与首格', cases.demo, '≤ 1500 ms'),
  ];
}

if (process.argv[1]?.endsWith('cold-start.ts')) console.table(await benchColdStart());
