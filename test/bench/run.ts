// `npm run bench`: export speed of real workbooks against raw ExcelJS writing the same cells
// (values only, no styles) in the same run, so the ratio is independent of the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { REPO_ROOT, seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { buildReport, type ReportInput } from '../../shared/xlsx/report';
import type { SheetGrid } from '../../shared/xlsx/grid';
import { exportReport } from '../../shared/xlsx/export';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { benchGrid } from './browser-grid';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** The baseline: the same cell values, already laid out, written by ExcelJS with no styles. */
async function rawExcelJs(grids: SheetGrid[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((row, r) => {
      const xr = ws.getRow(r + 1);
      row.forEach((c, ci) => {
        if (c.v !== null) xr.getCell(ci + 1).value = c.v;
      });
    });
  }
  return (await wb.xlsx.writeBuffer()).byteLength;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: JIT and module caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function sampleRows(n: number): LedgerRow[] {
  const rows: LedgerRow[] = [];
  const dishes = ['米饭', '红烧肉', '番茄炒蛋', '青椒肉丝', '麻婆豆腐', '清炒白菜', '土豆烧鸡', '冬瓜排骨汤'];
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 31);
    rows.push({
      id: `s${i}`, date: `2025-10-${String(day).padStart(2, '0')}`, meal: ['早餐', '午餐', '晚餐'][i % 3]!, dish: dishes[i % 8]!,
      amount: 150, sampleTime: '11:40', sampler: '赵敏', disposeTime: `2025-11-${String(Math.min(day, 28)).padStart(2, '0')} 12:00`, disposer: '钱伟', remark: null,
    });
  }
  return rows;
}

async function main() {
  const pack = seedPacks().get('luojiang')!;
  const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
  const xnc = demo.periods.filter((p) => p.submission === 'XNC').at(-1)!;
  const spaq: PeriodData = { submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0, sheets: { sampleLog: { rows: sampleRows(9000) } } };
  const big = demoSchool({ pack, type: '九年一贯制学校', today: '2026-11-25' });
  const bigXnc = big.periods.filter((p) => p.submission === 'XNC').at(-1)!;
  const bigPrev = big.periods.filter((p) => p.submission === 'XNC').at(-2);
  const bigStudents = bigXnc.sheets.classList!.rows!.reduce((n, r) => n + Number(r.students), 0);
  const bigSpaq = big.periods.find((p) => p.submission === 'SPAQ')!;
  const cases: { name: string; input: ReportInput; cells: number }[] = [
    {
      name: `XNC 九年一贯制（${bigStudents} 名学生，${bigXnc.sheets.classList!.rows!.length} 个班，${bigXnc.sheets.staffList?.rows?.length ?? 0} 名教职工）`,
      input: { pack, school: big.school, data: bigXnc, previous: bigPrev, appVersion: 'bench' }, cells: 0,
    },
    {
      name: `SPAQ 整月（${bigSpaq.period}，${Object.values(bigSpaq.sheets).reduce((n, e) => n + (e.rows?.length ?? 0), 0)} 行台账）`,
      input: { pack, school: big.school, data: bigSpaq, appVersion: 'bench' }, cells: 0,
    },
    { name: `XNC 示例小学（${xnc.sheets.classList!.rows!.length} 个班）`, input: { pack, school: demo.school, data: xnc, appVersion: 'bench' }, cells: 0 },
    { name: 'SPAQ 食品留样记录 9,000 行', input: { pack, school: demo.school, data: spaq, appVersion: 'bench' }, cells: 0 },
  ];
  const results = [];
  for (const c of cases) {
    const { grids } = buildReport(c.input);
    const cells = grids.reduce((s, g) => s + g.rows.reduce((t, r) => t + r.filter((x) => x.v !== null).length, 0), 0);
    let bytes = 0;
    const ours = await median(async () => {
      bytes = (await exportReport(c.input)).bytes.length;
    });
    const raw = await median(() => rawExcelJs(grids));
    results.push({ case: c.name, cells, bytes, exportMs: +ours.toFixed(1), rawExcelJsMs: +raw.toFixed(1), ratio: +(ours / raw).toFixed(2) });
  }
  console.log(`\n导出基准（中位数，${RUNS} 次；ratio = 校表通导出（排版、计算、审核、哈希、样式） / 裸 ExcelJS 写入同样的单元格值）`);
  console.table(results);
  const dir = join(REPO_ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'export.json');
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, runs: RUNS, results }, null, 2));
  console.log(`结果已写入 ${out}`);
  console.log('\n网格录入（Chromium，dist-web；见 test/bench/browser-grid.ts）');
  const grid = await benchGrid();
  console.table(grid);
  return grid;
}

const grid = await main();
// import of a 20,000-row roster (Node core + the write in Chromium): test/bench/import-bench.ts
console.log('\n导入基准（20,000 行教职工名册 .xlsx；写入对照同一次运行中裸写入同样记录的下限）');
console.table(await (await import('./import-bench')).benchImport());
// keystroke → committed on a profile on disk, with its floors of the same run: test/bench/keystroke-bench.ts
console.log(`\n按键到写入（Chromium，磁盘上的配置，与同一次运行中的下限相比；负载 ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' / ')}）`);
console.table(await (await import('./keystroke-bench')).benchKeystroke());
// IndexedDB commit latency, strict vs relaxed durability (docs/durability.md): test/bench/idb-durability.ts
console.log('\nIndexedDB 提交耗时（ms，每次修改一个事务：名册行 + 修改记录；strict = 提交前 fsync）');
const idb = await (await import('./idb-durability')).benchIdbDurability();
console.table(idb);
// the keystroke / strict-commit ratio is printed by keystroke-bench.ts, against floors of its own run
// the first hour's speed, each against a floor of the same run (README「性能基准」)
console.log('\n冷启动到第一个可操作的界面（Chromium，每次新浏览器、新配置目录；见 test/bench/cold-start.ts）');
console.table(await (await import('./cold-start')).benchColdStart());
console.log('\n长台账滚轮滚动（Chromium；见 test/bench/ledger-scroll.ts）');
console.table(await (await import('./ledger-scroll')).benchLedgerScroll());
console.log('\n限额内最宽的文件（Node；见 test/bench/wide-import.ts）');
console.table((await import('./wide-import')).benchWideImport());
// the bureau's round: `xiaobiao consolidate` of 75 / 150 / 300 / 1,000 XNC workbooks against raw SheetJS of the same files
console.log(`\n区教育局汇总（xiaobiao consolidate，工作线程；下限 = 同一次运行中裸 SheetJS 读同样的文件；负载 ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' / ')}）`);
console.table(await (await import('./consolidate-bench')).benchConsolidate());
