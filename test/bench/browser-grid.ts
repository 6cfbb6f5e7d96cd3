// Grid entry speed in real Chromium against the built web app (dist-web; built first if
// missing), with the app's own database settings:
//   (a) keystroke → durable: one key typed into an empty 班级名册 cell, timed from the keydown
//       event in the page until a second IndexedDB connection sees the 修改记录 entry of that
//       edit — which the app writes in the same transaction as the cell, so the cell is
//       committed then. Enter moves on between keys (a first key after moving is written at
//       once; further keys within 400 ms are batched by design, see use-cell-commit.ts).
//   (b) paste 1,000 × 10 from the real clipboard: from Ctrl+V's keydown until the paste's one
//       transaction is visible the same way.
// No hook in the app: the page is observed from outside, as a user's data would be.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared/cli/seeds';

const KEYS = Number(process.env.BENCH_GRID_KEYS ?? 200);
/** ms between moving to the next cell and typing (0: as fast as the browser takes keys) */
const PAUSE = Number(process.env.BENCH_GRID_PAUSE ?? 0);
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
const ARM = `async () => {
  window.__xbKey = 0;
  window.addEventListener('keydown', () => { window.__xbKey = performance.now(); }, true);
  // a second connection of its own, kept open: it sees a transaction only once committed
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open('xiaobiao');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  window.__xbChanges = () => new Promise((ok, fail) => {
    // the newest key, not count(): counting tens of thousands of records would be the bottleneck
    const req = db.transaction('changes', 'readonly').objectStore('changes').openKeyCursor(null, 'prev');
    req.onsuccess = () => ok(req.result ? req.result.key : 0);
    req.onerror = () => fail(req.error);
  });
}`;
// a key that never reaches the database must fail the bench loudly, not hang it
const WAIT_COMMIT = `async (before) => {
  const give = performance.now() + 10000;
  for (;;) {
    if (performance.now() > give) throw new Error('10 秒内没有写入（按键未到达数据库）');
    if ((await window.__xbChanges()) > before) return performance.now() - window.__xbKey;
  }
}`;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

export async function benchGrid(): Promise<BenchRow[]> {
  process.env.XB_DIST_WEB ??= join(REPO_ROOT, 'dist-web');
  const dist = process.env.XB_DIST_WEB;
  if (!existsSync(join(dist, 'index.html')))
    execSync(`npx vite build --config renderer/vite.config.ts --outDir "${dist}" --emptyOutDir`, { cwd: REPO_ROOT, stdio: 'ignore' });
  // imported late: the harness finds dist-web through XB_DIST_WEB, set above
  const { openApp } = await import('../e2e/harness');
  const app = await openApp(new Date('2025-10-20T10:00:00+08:00'));
  try {
    const { page, tid } = app;
    await app.env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await tid('sheet-nav-classList').click();
    await tid('cell-classList-0-stage').waitFor();
    await page.evaluate(`(${ARM})()`);
    const changes = () => page.evaluate('window.__xbChanges()') as Promise<number>;

    const paste = async (rows: number, tag: string) => {
      await page.evaluate((t) => navigator.clipboard.writeText(t), block(rows, tag));
      await page.keyboard.press('Control+Home'); // back to the top of the list (row 0 may be scrolled away)
      await tid('cell-classList-0-stage').focus();
      const before = await changes();
      await page.keyboard.press('Control+V');
      return (await page.evaluate(`(${WAIT_COMMIT})(${before})`)) as number;
    };
    await paste(KEYS + 5, 'a'); // rows to type into

    const keyMs: number[] = [];
    await tid('cell-classList-0-headTeacher').focus();
    for (let i = 0; i < KEYS; i++) {
      const before = await changes();
      await page.keyboard.press(String.fromCharCode(0x41 + (i % 26)));
      keyMs.push(
        (await page.evaluate(`(${WAIT_COMMIT})(${before})`).catch((e: Error) => {
          throw new Error(`第 ${i + 1} 次按键：${e.message}`);
        })) as number,
      );
      await page.keyboard.press('Enter');
      if (PAUSE) await page.waitForTimeout(PAUSE);
    }

    const pasteMs: number[] = [];
    for (const tag of ['x', 'y', 'z']) pasteMs.push(await paste(1000, tag));
    pasteMs.sort((a, b) => a - b);
    return [
      { name: `网格：按键到写入 IndexedDB（p95，${KEYS} 次）`, value: +p95(keyMs).toFixed(1), unit: 'ms', goal: '≤ 30 ms' },
      { name: '网格：粘贴 1,000 行 × 10 列到写入（中位数，3 次）', value: +pasteMs[1]!.toFixed(0), unit: 'ms', goal: '≤ 1000 ms' },
    ];
  } finally {
    await app.close();
  }
}
