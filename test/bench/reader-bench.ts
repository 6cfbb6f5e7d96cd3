// The report reader against raw SheetJS in the same run (docs/limits.md): a 小学 XNC demo workbook
// (goal: readReport ≤ 1.5× XLSX.read of the same bytes), and the costliest files under the report
// limits (goal: ≤ 2 s and ≤ 300 MB each; each is refused after every part was parsed and hashed).
// Run: node shared/cli/run-ts.mjs test/bench/reader-bench.ts  (BENCH_RUNS, default 41).
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { rezip, utf8 } from '../hostile/zip-tools';

const RUNS = Number(process.env.BENCH_RUNS ?? 41);
const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;

function timed(fn: () => unknown): number {
  const t = performance.now();
  try {
    fn();
  } catch {
    // the worst files are refused at the layout check, after all the work
  }
  return performance.now() - t;
}

/** The export with its 教职工名册 replaced by `rows` rows of 10 cells: numbers or 21-character texts. */
function worst(good: Uint8Array, rows: number, text: boolean): Uint8Array {
  let body = '';
  for (let r = 1; r <= rows; r++) {
    body += `<row r="${r}">`;
    for (let c = 0; c < 10; c++) {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      body += text ? `<c r="${ref}" t="inlineStr"><is><t>${'文'.repeat(20)}${r}</t></is></c>` : `<c r="${ref}"><v>${r + c}</v></c>`;
    }
    body += '</row>';
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  return rezip(good, (p) => p.set('xl/worksheets/sheet3.xml', utf8(xml)));
}

async function main() {
  const packs = seedPacks();
  const pack = packs.get('luojiang')!;
  const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
  const xnc = demo.periods.filter((p) => p.submission === 'XNC').at(-1)!;
  const { bytes } = await exportReport({ pack, school: demo.school, data: xnc, appVersion: 'bench' });
  const raw: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 8; i++) timed(() => readReport(bytes, packs, { fileName: 'x.xlsx' })), timed(() => XLSX.read(bytes, { type: 'array' }));
  // interleaved, so load on the machine falls on both alike
  for (let i = 0; i < RUNS; i++) {
    raw.push(timed(() => XLSX.read(bytes, { type: 'array' })));
    ours.push(timed(() => readReport(bytes, packs, { fileName: 'x.xlsx' })));
  }
  console.log(`XNC 示例小学 (${bytes.length} B): readReport ${median(ours).toFixed(1)} ms, XLSX.read ${median(raw).toFixed(1)} ms, ${(median(ours) / median(raw)).toFixed(2)}× (goal ≤ 1.5×)`);
  for (const [name, file] of [['196,000 numbers', worst(bytes, 19_600, false)], ['196,000 texts', worst(bytes, 19_600, true)]] as const) {
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const rawMs = timed(() => XLSX.read(file, { type: 'array' }));
    const iv = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const ms = timed(() => readReport(file, packs, { fileName: 'worst.xlsx' }));
    clearInterval(iv);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`worst under the limits, ${name} (${file.length} B): readReport ${ms.toFixed(0)} ms (XLSX.read ${rawMs.toFixed(0)} ms), RSS +${((peak - rss0) / 1048576).toFixed(0)} MB (goal ≤ 2 s, ≤ 300 MB)`);
  }
}

await main();
