// Keystroke → committed, against floors measured in the same run, page and profile
// (`npm run bench`, or this file alone: `node shared/cli/run-ts.mjs test/bench/keystroke-bench.ts`).
//
// What is compared, so the ratio means something:
//   - the profile is ON DISK (launchPersistentContext), as a user's is: a plain Playwright context
//     is off the record, its IndexedDB in memory, where 'strict' durability costs nothing;
//   - keystroke → committed: from the keydown of one key typed into an empty 班级名册 cell (the
//     demo 小学, 200+ rows) until the `complete` event of the read-write transaction that wrote it
//     with its 修改记录 entry — the app's data worker, strict durability (fsync before complete);
//   - the floor: the same two records (a 名册 row and a 修改记录 entry, the same shapes) put by ONE
//     bare strict IndexedDB transaction over the same two object stores of the app's own database,
//     no reads, no Dexie, timed from its creation to `complete` — in the data worker (where the
//     keystrokes are written) and on the page, one right after each keystroke's commit, so both see
//     the same disk, load and page state. Their rows and entries belong to a submission no
//     view shows ('BENCH') and are deleted at the end.
//   - also printed: the separate-profile floor of idb-durability.ts (strict p95), as before.
// Nothing in the app is changed for this: IndexedDB's add() is wrapped from outside (as a profiler).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { benchWebBuild } from './web-build';
import type { BenchRow } from './browser-grid';

const KEYS = Number(process.env.BENCH_GRID_KEYS ?? 200);
/** ms between moving to the next cell and typing (0: as fast as the browser takes keys) */
const PAUSE = Number(process.env.BENCH_GRID_PAUSE ?? 0);
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

function block(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(['小学', GRADES[i % 6], `${GRADES[i % 6]}（${i + 1}）班k`, 40 + (i % 9), 20, 1, 0, 0, 0, 0].join('\t'));
  return lines.join('\r\n') + '\r\n';
}

// Strings, not functions: the TypeScript runner's helpers do not exist inside the page.
// Records when each transaction that adds or puts a 修改记录 entry completes (its own clock),
// and, for the breakdown, when its first request was made. Dexie looks the store methods up at
// each call, so wrapping the prototype sees them.
const WATCH = `(() => {
  if (self.__xbCommits) return;
  self.__xbCommits = [];
  const now = () => performance.timeOrigin + performance.now();
  const seen = new WeakMap();
  const first = (store) => {
    const tx = store.transaction;
    if (tx.mode !== 'readwrite' || seen.has(tx)) return seen.get(tx);
    const rec = { start: now(), write: 0, trail: false, floor: !!tx.__xbFloor };
    seen.set(tx, rec);
    tx.addEventListener('complete', () => rec.trail && !rec.floor && self.__xbCommits.push({ ...rec, done: now() }));
    return rec;
  };
  const P = IDBObjectStore.prototype;
  for (const m of ['get', 'getAll', 'openCursor', 'add', 'put', 'delete', 'count']) {
    const orig = P[m];
    P[m] = function (...args) {
      const rec = first(this);
      if (rec) {
        if ((m === 'add' || m === 'put' || m === 'delete') && !rec.write) rec.write = now();
        if (this.name === 'changes' && (m === 'add' || m === 'put' || m === 'delete')) rec.trail = true;
      }
      return orig.apply(this, args);
    };
  }
})()`;

// One bare strict transaction writing what a keystroke writes; resolves its ms (creation → complete).
const FLOOR = `(i) => new Promise((resolve, reject) => {
  const go = (db) => {
    const t = performance.now();
    const tx = db.transaction(['rows', 'changes'], 'readwrite', { durability: 'strict' });
    tx.__xbFloor = true;
    tx.objectStore('rows').put({ id: 'bench-floor', submission: 'BENCH', period: '2025-2026', sheetId: 'classList', seq: 1, values: { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 40, headTeacher: 'ABCDEFGHIJ'.slice(0, 1 + (i % 9)) } });
    tx.objectStore('changes').add({ at: new Date().toISOString(), who: '王老师', submission: 'BENCH', period: '2025-2026', sheetId: 'classList', rowId: 'bench-floor', field: 'headTeacher', action: 'edit', new: 'A', edit: 'bench-' + i });
    tx.oncomplete = () => resolve(performance.now() - t);
    tx.onerror = () => reject(tx.error);
  };
  if (self.__xbDb) return go(self.__xbDb);
  const req = indexedDB.open('xiaobiao');
  req.onsuccess = () => go((self.__xbDb = req.result));
  req.onerror = () => reject(req.error);
})`;

const CLEANUP = `new Promise((resolve, reject) => {
  const tx = self.__xbDb.transaction(['rows', 'changes'], 'readwrite');
  tx.objectStore('rows').delete('bench-floor');
  const cur = tx.objectStore('changes').index('[submission+period]').openCursor(IDBKeyRange.only(['BENCH', '2025-2026']));
  cur.onsuccess = () => { if (cur.result) { cur.result.delete(); cur.result.continue(); } };
  tx.oncomplete = () => { self.__xbDb.close(); resolve(0); };
  tx.onerror = () => reject(tx.error);
})`;

// for the breakdown: when the page posts a job to a worker, when the data worker receives it
const WATCH_POST = `(() => {
  self.__xbPosts = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) {
    self.__xbPosts.push(performance.timeOrigin + performance.now());
    return post.apply(this, args);
  };
})()`;
const WATCH_RECEIVE = `(() => {
  self.__xbReceived = [];
  self.addEventListener('message', () => self.__xbReceived.push(performance.timeOrigin + performance.now()));
})()`;

const CLOCK_URL = '/__xb-bench-clock.js';
const CLOCK = 'onmessage = () => postMessage(performance.timeOrigin + performance.now());';
// worker time − page time, from the ping with the shortest round trip; the keydown's time
const ARM = `async () => {
  const now = () => performance.timeOrigin + performance.now();
  window.__xbKey = 0;
  window.addEventListener('keydown', () => { window.__xbKey = now(); }, true);
  const clock = new Worker('${CLOCK_URL}');
  let offset = 0, best = Infinity;
  for (let i = 0; i < 30; i++) {
    const sent = now();
    const at = await new Promise((ok) => { clock.onmessage = (ev) => ok(ev.data); clock.postMessage(0); });
    const back = now();
    if (back - sent < best) { best = back - sent; offset = at - (sent + back) / 2; }
  }
  clock.terminate();
  window.__xbOffset = offset;
  // 已保存 on screen: the save status's data-state turning to saved
  window.__xbSaved = 0;
  new MutationObserver(() => {
    const s = document.querySelector('[data-testid=save-status]');
    if (s && s.dataset.state === 'saved' && !window.__xbSaved) window.__xbSaved = now();
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
  return best / 2;
}`;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

/** `memory`: an off-the-record context (IndexedDB in memory, no fsync): the app's own overhead without the disk */
export async function benchKeystroke(where: 'disk' | 'memory' = 'disk'): Promise<BenchRow[]> {
  benchWebBuild();
  // imported late: the harness finds the build through XB_DIST_WEB, set by benchWebBuild
  const { serveDist, CHROMIUM_ARGS } = await import('../e2e/harness');
  const server = await serveDist();
  const profile = mkdtempSync(join(process.env.BENCH_IDB_DIR ?? tmpdir(), 'xiaobiao-keys-'));
  const options = { locale: 'zh-CN', viewport: { width: 1440, height: 900 } };
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = where === 'memory' ? await chromium.launch({ executablePath, args: CHROMIUM_ARGS }) : undefined;
  const context = browser ? await browser.newContext(options) : await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, ...options });
  try {
    await context.clock.setFixedTime(new Date('2025-10-20T10:00:00+08:00'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`**${CLOCK_URL}`, (route) => route.fulfill({ contentType: 'text/javascript', body: CLOCK }));
    await page.goto(server.url);
    const tid = (id: string) => page.getByTestId(id);
    await tid('setup-demo').click();
    await tid('demo-type').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^小学$/ }).click();
    await tid('demo-confirm').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=school-name]')?.textContent?.includes('罗江区实验小学'));
    await tid('sheet-nav-classList').click();
    await tid('cell-classList-0-stage').waitFor();
    const writer = page.workers().find((w) => w.url().includes('data-worker'));
    if (!writer) throw new Error('数据线程没有启动：按键在页面线程写入，与下限不可比');
    await page.evaluate(WATCH);
    await writer.evaluate(WATCH);
    await writer.evaluate(WATCH_RECEIVE);
    const clockError = (await page.evaluate(`(${ARM})()`)) as number;
    if (clockError > 1) throw new Error(`页面与工作线程的时钟对不准（±${clockError.toFixed(1)} ms）`);
    type Commit = { start: number; write: number; done: number };
    const commits = async (): Promise<Commit[]> => (await writer.evaluate('self.__xbCommits')) as Commit[];
    const pageCommits = async () => ((await page.evaluate('self.__xbCommits')) as Commit[]).length;
    const keyAt = async () => (await page.evaluate('window.__xbKey + window.__xbOffset')) as number;
    const waitCommit = async (what: string, after: number): Promise<Commit> => {
      const give = Date.now() + 10_000;
      for (;;) {
        const c = (await commits()).filter((x) => x.done >= after).sort((a, b) => a.done - b.done)[0];
        if (c) return c;
        if (Date.now() > give) throw new Error(`${what}：10 秒内没有写入数据库（焦点 ${await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.testid)}）`);
        await new Promise((r) => setTimeout(r, 3));
      }
    };
    const focusOn = async (id: string) => {
      for (let i = 0; i < 50; i++) {
        await tid(id).focus();
        if (await page.evaluate((t) => (document.activeElement as HTMLElement | null)?.dataset.testid === t, id)) return;
        await page.waitForTimeout(100);
      }
      throw new Error(`无法把光标放到 ${id}`);
    };

    // rows to type into (not timed)
    await page.evaluate((t) => navigator.clipboard.writeText(t), block(KEYS + 5));
    await focusOn('cell-classList-0-stage');
    await page.keyboard.press('Control+V');
    for (let t = 0; !(await pageCommits()); t++) {
      if (t > 2000) throw new Error('粘贴：10 秒内没有写入数据库');
      await page.waitForTimeout(5);
    }
    await page.waitForTimeout(500);

    // after the clock pings, which post too
    await page.evaluate(WATCH_POST);
    const lastOf = async (expr: string, after: number) => ((await (expr.startsWith('w') ? writer.evaluate(expr.slice(1)) : page.evaluate(expr))) as number[]).filter((t) => t >= after)[0] ?? NaN;
    const keyMs: number[] = [];
    const parts = { queue: [] as number[], read: [] as number[], commit: [] as number[], post: [] as number[], hop: [] as number[] };
    const floorWorker: number[] = [];
    const floorPage: number[] = [];
    await focusOn('cell-classList-0-headTeacher');
    const shownMs: number[] = [];
    for (let i = 0; i < KEYS; i++) {
      await page.evaluate('window.__xbSaved = 0');
      await page.keyboard.press(String.fromCharCode(0x41 + (i % 26)));
      const key = await keyAt();
      const c = await waitCommit(`第 ${i + 1} 次按键`, key);
      keyMs.push(c.done - key);
      await page.waitForFunction('window.__xbSaved > 0', undefined, { timeout: 10_000 });
      shownMs.push(((await page.evaluate('window.__xbSaved + window.__xbOffset')) as number) - key);
      parts.queue.push(c.start - key);
      const posted = await lastOf('self.__xbPosts.map((t) => t + window.__xbOffset)', key);
      const received = await lastOf('wself.__xbReceived', key);
      parts.post.push(posted - key);
      parts.hop.push(received - posted);
      parts.read.push(c.write - c.start);
      parts.commit.push(c.done - c.write);
      await page.keyboard.press('Enter');
      // the floors, in the same state of page and disk, between two keystrokes
      floorWorker.push((await writer.evaluate(`(${FLOOR})(${i})`)) as number);
      floorPage.push((await page.evaluate(`(${FLOOR})(${i})`)) as number);
      if (PAUSE) await page.waitForTimeout(PAUSE);
    }
    await writer.evaluate(CLEANUP);
    await page.evaluate(CLEANUP);
    if (errors.length) throw new Error(`页面出错：${errors.join('；')}`);
    if (process.env.BENCH_GRID_DUMP) {
      const line = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
      console.log('按键到写入（ms，依次）', line(keyMs));
      console.log('  按键 → 第一次请求', line(parts.queue));
      console.log('    按键 → 页面发出', line(parts.post));
      console.log('    页面发出 → 数据线程收到', line(parts.hop));
      console.log('  读取', line(parts.read));
      console.log('  提交', line(parts.commit));
      console.log('下限（数据线程，ms，依次）', line(floorWorker));
      console.log('下限（页面线程，ms，依次）', line(floorPage));
    }
    const k95 = pct(keyMs, 0.95);
    const w95 = pct(floorWorker, 0.95);
    const p95 = pct(floorPage, 0.95);
    const r = (x: number) => +x.toFixed(1);
    return [
      { name: `按键到写入${where === 'disk' ? '磁盘' : '（内存中的配置，无 fsync）'}（p95，${KEYS} 次，数据线程，strict）`, value: r(k95), unit: 'ms', goal: where === 'disk' ? '≤ 2 × 下限' : '—' },
      { name: '  其中 按键 → 事务第一次请求（p95）', value: r(pct(parts.queue, 0.95)), unit: 'ms', goal: '—' },
      { name: '  其中 第一次请求 → 写入请求（读取，p95）', value: r(pct(parts.read, 0.95)), unit: 'ms', goal: '—' },
      { name: '  其中 写入请求 → complete（提交 + fsync，p95）', value: r(pct(parts.commit, 0.95)), unit: 'ms', goal: '—' },
      { name: '按键到写入（p50）', value: r(pct(keyMs, 0.5)), unit: 'ms', goal: '—' },
      { name: '下限，数据线程（p50）', value: r(pct(floorWorker, 0.5)), unit: 'ms', goal: '—' },
      { name: `按键到界面显示“已保存”（p95）`, value: r(pct(shownMs, 0.95)), unit: 'ms', goal: '—' },
      { name: '下限：同样两条记录，裸 strict 事务，数据线程（p95）', value: r(w95), unit: 'ms', goal: '—' },
      { name: '下限：同样两条记录，裸 strict 事务，页面线程（p95）', value: r(p95), unit: 'ms', goal: '—' },
      { name: '按键 p95 / 数据线程下限 p95', value: +(k95 / w95).toFixed(2), unit: '×', goal: '≤ 2' },
      { name: '按键 p50 / 数据线程下限 p50', value: +(pct(keyMs, 0.5) / pct(floorWorker, 0.5)).toFixed(2), unit: '×', goal: '—' },
    ];
  } finally {
    await context.close();
    await browser?.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('keystroke-bench.ts')) {
  console.log(`按键到写入（Chromium，dist-web；负载 ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' / ')}）`);
  console.table(await benchKeystroke(process.env.BENCH_KEYS_MEMORY ? 'memory' : 'disk'));
  const { benchIdbDurability } = await import('./idb-durability');
  console.log('IndexedDB 提交耗时（另一配置，idb-durability.ts）');
  console.table(await benchIdbDurability());
}
