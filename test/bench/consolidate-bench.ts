// Consolidation of 75 / 150 / 300 / 1,000 generated XNC workbooks (`xiaobiao consolidate`, worker
// threads one per core, whole: gather, verify, versions, completeness, totals, indicators, 差异系数,
// summary workbook), wall time and peak RSS (threads share the process, so its RSS counts them),
// against the floor of the same run: raw SheetJS XLSX.read of the same files on the same pool.
// Goals (2 cores): 300 ≤ 5 s, 1,000 ≤ 15 s, linear in schools, peak RSS ≤ 1 GB, per file ≤ 1.5× raw.
// The district is generated once into .bench/district-1000 (demo-district; BENCH_REGENERATE=1 to redo).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../shared/cli/commands';
import { defaultThreads, runPool } from '../../shared/consolidate/worker-pool';

// the floor's workers load this module: it imports nothing of the app at its top (the CLI is
// imported when the bench runs), so they load SheetJS and nothing else
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cli = async () => (await import('../../shared/cli/main')).main;

const SIZES = (process.env.BENCH_CONSOLIDATE ?? '75,150,300,1000').split(',').map(Number);
const DIR = join(REPO_ROOT, '.bench', 'district-1000');

/** Worker side of the floor: read the file and parse it with SheetJS, nothing else. */
export function rawReadWorker() {
  return (path: string) => {
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
    return wb.SheetNames.length;
  };
}

const quiet: Io = { out: () => {}, err: () => {}, today: () => '2025-10-31' };

async function ensureDistrict(): Promise<{ schools: { code: string; files: string[] }[]; generatedS?: number }> {
  const manifest = join(DIR, 'manifest.json');
  if (existsSync(manifest) && !process.env.BENCH_REGENERATE) return JSON.parse(readFileSync(manifest, 'utf8'));
  rmSync(DIR, { recursive: true, force: true });
  const t = performance.now();
  const code = await (await cli())(['demo-district', '--pack', 'luojiang', '--schools', '1000', '--seed', 'bench', '--out', DIR], quiet);
  if (code !== 0) throw new Error(`demo-district 失败（${code}）`);
  return { ...JSON.parse(readFileSync(manifest, 'utf8')), generatedS: (performance.now() - t) / 1000 };
}

/** Peak RSS while `fn` runs, sampled every 25 ms (the main thread waits on the workers, so it samples). */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakMb: Math.round(peak / 2 ** 20), value };
}

export async function benchConsolidate() {
  const district = await ensureDistrict();
  if (district.generatedS) console.log(`示例学区 1,000 所学校生成用时 ${district.generatedS.toFixed(1)} 秒（demo-district，${defaultThreads()} 线程）`);
  const registryLines = readFileSync(join(DIR, 'registry.csv'), 'utf8').split('\r\n');
  const work = join(REPO_ROOT, '.bench', 'consolidate');
  mkdirSync(work, { recursive: true });
  const rows = [];
  for (const n of SIZES) {
    // the first n schools of the district: their files and a registry of just them
    const schools = district.schools.slice(0, n);
    const codes = new Set(schools.map((s) => s.code));
    const files = schools.flatMap((s) => s.files).map((f) => join(DIR, f));
    const registry = join(work, `registry-${n}.csv`);
    writeFileSync(registry, [registryLines[0], ...registryLines.slice(1).filter((l) => codes.has(l.slice(0, 10).replace('\uFEFF', ''))), ''].join('\r\n'));
    const raw = await measured(() => runPool<string, number>({ module: import.meta.url, factory: 'rawReadWorker', tasks: files }));
    const load = loadavg()[0]!.toFixed(1);
    const main = await cli();
    const ours = await measured(() =>
      main(['consolidate', '--pack', 'luojiang', '--submission', 'XNC', '--period', '2025-2026', '--registry', registry, '--out', join(work, `summary-${n}.xlsx`), ...files], quiet),
    );
    if (ours.value !== 0) throw new Error(`consolidate 失败（${ours.value}）`);
    rows.push({
      schools: n, files: files.length, consolidateMs: Math.round(ours.ms), msPerFile: +(ours.ms / files.length).toFixed(1),
      rawSheetJsMs: Math.round(raw.ms), ratio: +(ours.ms / raw.ms).toFixed(2), peakRssMb: ours.peakMb, rawPeakRssMb: raw.peakMb,
      load1m: load, goal: n === 300 ? '≤ 5,000 ms' : n === 1000 ? '≤ 15,000 ms' : '',
    });
  }
  const per = rows.map((r) => r.msPerFile);
  console.log(`线性：每个文件 ${Math.min(...per)}–${Math.max(...per)} ms；进程最高 RSS（含线程）${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  writeFileSync(join(REPO_ROOT, '.bench', 'consolidate.json'), JSON.stringify({ at: new Date().toISOString(), threads: defaultThreads(), loadavg: loadavg(), rows }, null, 2));
  return rows;
}

// run alone: node shared/cli/run-ts.mjs test/bench/consolidate-bench.ts
if (isMainThread && process.argv[1]?.endsWith('consolidate-bench.ts')) console.table(await benchConsolidate());
