// A 20,000-row ledger scrolled with the mouse wheel, in Chromium against the web build, against a
// floor in the same browser: a plain static <table> holding the same 20,000 rows and columns as
// text (no inputs, no script), scrolled by the same wheel events. Frame time = the gap between
// consecutive requestAnimationFrame callbacks while the wheel turns; p95 of each, and the ratio.
// The rows: the demo 小学's 教职工名册 copied to 20,000 records (raw IndexedDB, as an import
// leaves them), then the page reloaded. Bounded by counts (BENCH_SCROLL_WHEELS wheel steps each
// way). Run by `npm run bench`.
import type { Page } from 'playwright-core';
import { benchWebBuild } from './web-build';

const ROWS = Number(process.env.BENCH_SCROLL_ROWS ?? 20_000);
const WHEELS = Number(process.env.BENCH_SCROLL_WHEELS ?? 60);
const say = (what: string) => process.env.BENCH_SCROLL_DUMP && console.log(new Date().toISOString().slice(11, 19), what);
const STEP = 240; // px per wheel step: two notches of a Windows mouse

// Strings, not functions: the TypeScript runner's helpers do not exist inside the page.
const FILL = `async ({ sheetId, rows }) => {
  const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const db = await req(indexedDB.open('xiaobiao'));
  const all = await req(db.transaction('rows').objectStore('rows').getAll());
  // the latest period's rows: the one the workspace opens on (the period containing today)
  const period = all.filter((r) => r.sheetId === sheetId).map((r) => r.period).sort().at(-1);
  const mine = all.filter((r) => r.sheetId === sheetId && r.period === period).sort((a, b) => a.seq - b.seq);
  if (!mine.length) throw new Error('no rows to copy');
  await new Promise((ok, ko) => {
    const tx = db.transaction('rows', 'readwrite');
    const s = tx.objectStore('rows');
    for (let i = mine.length; i < rows; i++) {
      const t = mine[i % mine.length];
      s.put({ ...t, id: 'bench-' + i, seq: i + 1, values: { ...t.values, name: (t.values.name || '') + i } });
    }
    tx.oncomplete = ok;
    tx.onerror = () => ko(tx.error);
  });
  db.close();
  return mine.length;
}`;
/** The grid's visible texts, row by row, to build the static floor with the same content. */
const TEXTS = `({ sheetId, rows }) => {
  const head = [...document.querySelectorAll('[data-testid=ledger-' + sheetId + '] thead th')].map((th) => th.textContent);
  const first = [...document.querySelectorAll('[data-testid=ledger-' + sheetId + '] tbody tr[data-index]')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => { const c = td.querySelector('input, select'); return c ? c.value : td.textContent; }));
  const widths = [...document.querySelectorAll('[data-testid=ledger-' + sheetId + '] thead tr:last-child th')].map((th) => Math.round(th.getBoundingClientRect().width));
  return { head, sample: first.slice(0, 20), widths };
}`;
const FRAMES = `() => new Promise((ok) => {
  const gaps = [];
  let last = 0;
  window.__xbStop = () => ok(gaps);
  const tick = (t) => { if (last) gaps.push(t - last); last = t; if (window.__xbStop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})`;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wheel down WHEELS steps then back up, over the element `target`; the rAF gaps meanwhile. */
async function scrollFrames(page: Page, target: string): Promise<number[]> {
  const box = (await page.locator(target).first().boundingBox({ timeout: 120_000 }))!;
  await page.mouse.move(box.x + Math.min(box.width / 2, 600), box.y + Math.min(box.height / 2, 400));
  const frames = page.evaluate(`(${FRAMES})()`) as Promise<number[]>;
  await page.waitForTimeout(100);
  for (let i = 0; i < WHEELS; i++) await page.mouse.wheel(0, STEP);
  for (let i = 0; i < WHEELS; i++) await page.mouse.wheel(0, -STEP);
  await page.waitForTimeout(100);
  await page.evaluate('window.__xbStop(); window.__xbStop = undefined');
  return frames;
}

export interface ScrollRow { name: string; value: number; unit: string; goal: string }

export async function benchLedgerScroll(): Promise<ScrollRow[]> {
  benchWebBuild();
  const { serveDist, launch } = await import('../e2e/harness');
  const server = await serveDist();
  const env = await launch();
  try {
    const page = await env.context.newPage();
    const tid = (id: string) => page.getByTestId(id);
    await page.goto(server.url);
    await tid('setup-demo').click();
    await tid('demo-type').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^小学$/ }).click();
    await tid('demo-confirm').click();
    await tid('sheet-nav-staffList').click({ timeout: 60_000 });
    await tid('cell-staffList-0-name').waitFor({ timeout: 60_000 });
    say('demo loaded');
    await page.evaluate(`(${FILL})({ sheetId: 'staffList', rows: ${ROWS} })`);
    await page.reload();
    await tid('sheet-nav-staffList').click({ timeout: 60_000 });
    await page.getByText(`共 ${ROWS} 行`).waitFor({ timeout: 120_000 });
    await tid('cell-staffList-0-name').waitFor();
    say('20,000 rows shown');
    await page.waitForTimeout(1000); // the audit of 20,000 rows settles
    const app = await scrollFrames(page, '[data-testid=ledger-staffList] tbody');
    const { head, sample, widths } = (await page.evaluate(`(${TEXTS})({ sheetId: 'staffList', rows: ${ROWS} })`)) as { head: string[]; sample: string[][]; widths: number[] };

    // the floor: the same rows and columns as static text in the same browser
    say(`app scrolled: ${app.length} frames`);
    const floorPage = await env.context.newPage();
    await floorPage.setViewportSize(page.viewportSize()!);
    const esc = (t: unknown) => String(t ?? '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    const body: string[] = [];
    for (let i = 0; i < ROWS; i++) body.push(`<tr>${sample[i % sample.length]!.map((t, c) => `<td>${c === 0 ? i + 1 : esc(t)}</td>`).join('')}</tr>`);
    // served and parsed as a page (setContent of 20,000 rows timed out on a busy machine); fixed
    // layout with the grid's column widths, as the grid itself has; no sticky header and no collapsed
    // borders (a sticky header over 20,000 rows made every wheel step repaint the table on the CPU)
    const html = `<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; font: 14px sans-serif } .pane { height: 100vh; overflow: auto }
      table { table-layout: fixed; width: ${widths.reduce((a, b) => a + b, 0)}px }
      td, th { padding: 6px 8px; white-space: nowrap; overflow: hidden; height: 20px }
    </style><div class="pane"><table><colgroup>${widths.map((w) => `<col style="width:${w}px">`).join('')}</colgroup><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
    await floorPage.route('**/__xb-floor-table.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await floorPage.goto(server.url + '__xb-floor-table.html', { waitUntil: 'commit' });
    await floorPage.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n && document.readyState === 'complete', ROWS, { timeout: 600_000, polling: 1000 });
    say('floor page built');
    const floor = await scrollFrames(floorPage, '.pane');
    say('floor scrolled');
    await floorPage.close();
    const a = p95(app);
    const f = p95(floor);
    const r = (x: number) => +x.toFixed(1);
    return [
      { name: `台账 ${ROWS.toLocaleString('en-US')} 行滚轮滚动：帧间隔 p95（${app.length} 帧；中位数 ${r(median(app))}）`, value: r(a), unit: 'ms', goal: '≤ 1.5× 下限' },
      { name: `  下限：同样行列的静态 <table>（${floor.length} 帧；中位数 ${r(median(floor))}）`, value: r(f), unit: 'ms', goal: '—' },
      { name: '  台账 / 下限', value: +(a / f).toFixed(2), unit: '×', goal: '≤ 1.5' },
    ];
  } finally {
    await env.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('ledger-scroll.ts')) console.table(await benchLedgerScroll());
