// Grid entry speed in real Chromium against a fresh web build (web-build.ts), with the app's own
// database settings: paste 1,000 × 10 from the real clipboard, from Ctrl+V's keydown until the
// paste's one transaction completes. (Keystroke → committed moved to keystroke-bench.ts: this
// context is off the record — IndexedDB in memory, never fsynced — so its commits could not be
// compared with a strict commit on disk.)
// Nothing in the app is changed for this: the bench wraps IndexedDB's object store add() from
// outside (page.evaluate, worker.evaluate), as a profiler would.
import { benchWebBuild } from './web-build';

const KEYS = Number(process.env.BENCH_GRID_KEYS ?? 200);
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal: string;
}

function block(n: number, tag: string): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(['小学', GRADES[i % 6], `${GRADES[i % 6]}（${i + 1}）班${tag}`, 40 + (i % 9), 20, 1, 0, 0, 0, 0].join('\t'));
  return lines.join('\r\n') + '\r\n';
}

// Strings, not functions: the TypeScript runner's helpers do not exist inside the page.
// Records when each transaction that adds to the 修改记录 completes (absolute time). Wraps the
// store's add(), which Dexie looks up at each call (unlike transaction(), bound at open).
const WATCH_COMMITS = `(() => {
  if (self.__xbCommits) return;
  self.__xbCommits = [];
  const watched = new WeakSet();
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (...args) {
    const tx = this.transaction;
    if (this.name === 'changes' && !watched.has(tx)) {
      watched.add(tx);
      tx.addEventListener('complete', () => self.__xbCommits.push(performance.timeOrigin + performance.now()));
    }
    return add.apply(this, args);
  };
})()`;
// A worker of the bench's own, served at CLOCK_URL (routed, same origin), tells the workers'
// time: a test's page may run a fake clock (the harness fixes "today"), its workers do not.
const CLOCK_URL = '/__xb-bench-clock.js';
const CLOCK = 'onmessage = () => postMessage(performance.timeOrigin + performance.now());';
const ARM = `async () => {
  const now = () => performance.timeOrigin + performance.now();
  window.__xbKey = 0;
  window.addEventListener('keydown', () => { window.__xbKey = now(); }, true);
  // worker time − page time, from the ping with the shortest round trip
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

export async function benchGrid(): Promise<BenchRow[]> {
  benchWebBuild();
  // imported late: the harness finds the build through XB_DIST_WEB, set by benchWebBuild
  const { openApp } = await import('../e2e/harness');
  const app = await openApp(new Date('2025-10-20T10:00:00+08:00'));
  try {
    const { page, tid } = app;
    await app.env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    // the workspace of the demo school, not the setup page still closing
    await page.waitForFunction(() => document.querySelector('[data-testid=school-name]')?.textContent?.includes('罗江区实验小学'));
    await tid('sheet-nav-classList').click();
    await tid('cell-classList-0-stage').waitFor();
    await page.route(`**${CLOCK_URL}`, (route) => route.fulfill({ contentType: 'text/javascript', body: CLOCK }));
    await page.evaluate(WATCH_COMMITS);
    const clockError = (await page.evaluate(`(${ARM})()`)) as number;
    if (clockError > 1) throw new Error(`页面与工作线程的时钟对不准（±${clockError.toFixed(1)} ms）`);
    // the app's data worker, if it could start (else the page writes, and is watched above)
    const writer = page.workers().find((w) => w.url().includes('data-worker'));
    await writer?.evaluate(WATCH_COMMITS);
    const commits = async () => [
      ...((await page.evaluate('window.__xbCommits.map((t) => t + window.__xbOffset)')) as number[]),
      ...(writer ? ((await writer.evaluate('self.__xbCommits')) as number[]) : []),
    ];
    /** ms from the last keydown until the first commit after it, and until 已保存 showed */
    const waitCommit = async (what: string): Promise<[number, number]> => {
      const give = Date.now() + 10_000;
      for (;;) {
        const [key, saved] = (await page.evaluate('[window.__xbKey + window.__xbOffset, window.__xbSaved && window.__xbSaved + window.__xbOffset]')) as number[];
        const first = (await commits()).filter((t) => t >= key!).sort((a, b) => a - b)[0];
        if (first !== undefined && saved) return [first - key!, saved - key!];
        if (Date.now() > give) {
          // what the page showed, for the next time this happens
          const [focus, count, dialogs, status] = (await page.evaluate(
            `[document.activeElement?.dataset?.testid, document.querySelector('.ledger-toolbar .count')?.textContent, document.querySelectorAll('.ant-modal').length, document.querySelector('[data-testid=save-status]')?.textContent]`,
          )) as string[];
          throw new Error(`${what}：10 秒内没有写入数据库（焦点 ${focus}，${count}，对话框 ${dialogs} 个，${status}）`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    // the cell must really have the focus: a key typed anywhere else would never reach the database
    const focusOn = async (id: string) => {
      for (let i = 0; i < 50; i++) {
        await tid(id).focus();
        if (await page.evaluate((t) => (document.activeElement as HTMLElement | null)?.dataset.testid === t, id)) return;
        await page.waitForTimeout(100);
      }
      throw new Error(`无法把光标放到 ${id}`);
    };

    const paste = async (rows: number, tag: string) => {
      await page.evaluate((t) => navigator.clipboard.writeText(t), block(rows, tag));
      // back to the top of the list (row 0 may be scrolled away) — from inside the grid only: in
      // the sheet menu Ctrl+Home moves the focus to its first item a frame later, away from the cell
      if (await page.evaluate(() => !!document.activeElement?.closest('[data-testid="ledger-classList"]'))) await page.keyboard.press('Control+Home');
      await focusOn('cell-classList-0-stage');
      await page.evaluate('window.__xbSaved = 0');
      await page.keyboard.press('Control+V');
      return (await waitCommit(`粘贴 ${rows} 行`))[0];
    };
    await paste(KEYS + 5, 'a'); // a first paste over the demo rows (not timed)

    // keystroke → committed is measured on a profile on disk, against floors of the same run: keystroke-bench.ts
    const pasteMs: number[] = [];
    for (const tag of ['x', 'y', 'z']) pasteMs.push(await paste(1000, tag));
    pasteMs.sort((a, b) => a - b);
    return [
      { name: '网格：粘贴 1,000 行 × 10 列到写入（中位数，3 次）', value: +pasteMs[1]!.toFixed(0), unit: 'ms', goal: '≤ 1000 ms' },
    ];
  } finally {
    await app.close();
  }
}
