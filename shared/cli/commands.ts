// The CLI's commands. Each takes parsed args and an output sink and returns an exit code:
// 0 ok, 1 audit errors (check), 2 bad input (a Chinese message says what and where).
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { findPeriod, type PeriodData, type SchoolData } from '../model/data';
import type { Pack } from '../pack/schema';
import { findSubmission } from '../pack/applicability';
import { isValidPeriod, previousPeriod } from '../model/period';
import { parseDate } from '../model/values';
import { historyOf } from '../model/history';
import { demoSchool } from '../demo/demo-school';
import { exportReport } from '../xlsx/export';
import { readReport } from '../xlsx/read';
import { countBySeverity, runAudit } from '../audit/run';
import { flag, UsageError, type Args } from './args';
import { appVersion, seedPacks } from './seeds';
import { DataFileError, dataValueIssues, readSchoolDataFile } from '../model/data-file';
import { writeOut, type WriteIo } from './write-out';

export interface Io extends WriteIo {
  out(line: string): void;
  err(line: string): void;
  today(): string;
}

export class InputError extends Error {}

/** A file named on the command line, as bytes; one that cannot be read is an input error (exit 2). */
export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`文件「${path}」无法读取：${(e as Error).message}`);
  }
}

export function readSchoolData(path: string): SchoolData {
  const bytes = readInput(path);
  try {
    // size, encoding, depth and prototype keys are refused before the schema (docs/limits.md)
    return readSchoolDataFile(path, bytes);
  } catch (e) {
    if (e instanceof DataFileError) throw new InputError(e.message);
    throw e;
  }
}

export async function demo(args: Args, io: Io): Promise<number> {
  const packId = flag(args, 'pack', 'luojiang');
  const pack = seedPacks().get(packId);
  if (!pack) throw new UsageError(`没有报表包“${packId}”，可选：${[...seedPacks().keys()].join('、')}`);
  const type = flag(args, 'type', '小学');
  if (!pack.schoolTypes.some((t) => t.id === type))
    throw new UsageError(`报表包 ${pack.id} 没有办学类型“${type}”，可选：${pack.schoolTypes.map((t) => t.id).join('、')}`);
  const today = flag(args, 'today', io.today());
  if (parseDate(today) !== today) throw new UsageError(`--today “${today}”不是有效日期，应如 2025-10-31`);
  const data = demoSchool({ pack, type, today });
  const out = resolve(flag(args, 'out', 'school.json'));
  await writeOut(io, out, JSON.stringify(data, null, 2) + '\n');
  const periods = data.periods.map((p) => `${p.submission} ${p.period}`).join('、');
  io.err(`已生成示例学校 ${data.school.name}（${data.school.type}），包含 ${periods}`);
  io.out(out);
  return 0;
}

/** One period of a data file with what the audit and the export read around it. */
export interface SchoolPeriod {
  data: SchoolData;
  pack: Pack;
  periodData: PeriodData;
  /** the previous period as stored, any status (callers compare only with an approved one) */
  previous?: PeriodData;
  history: PeriodData[];
  lookup: (submission: string, period: string) => PeriodData | undefined;
  /** values the app would not have stored, by their path in the file (dataValueIssues) */
  issues: string[];
}

/** Reads `file` and finds --submission/--period in it; every refusal names what is wrong. */
export function loadSchoolPeriod(file: string, code: string, period: string): SchoolPeriod {
  const data = readSchoolData(file);
  const pack = seedPacks().get(data.school.packId);
  if (!pack) throw new InputError(`文件「${file}」：学校使用的报表包“${data.school.packId}”未安装`);
  if (!pack.schoolTypes.some((t) => t.id === data.school.type))
    throw new InputError(`文件「${file}」 school.type：办学类型“${data.school.type}”不在报表包 ${pack.id} 中`);
  const submission = findSubmission(pack, code);
  if (!submission) throw new UsageError(`报表包 ${pack.id} 没有报表 ${code}，可选：${pack.submissions.map((s) => s.code).join('、')}`);
  if (!isValidPeriod(submission.periodKind, period))
    throw new UsageError(`期间“${period}”格式不对，${submission.periodKind === 'schoolYear' ? '学年如 2025-2026' : '月份如 2025-10'}`);
  const periodData = findPeriod(data, code, period);
  if (!periodData) throw new InputError(`文件「${file}」中没有 ${code} ${period} 的数据`);
  const previous = findPeriod(data, code, previousPeriod(submission.periodKind, period));
  const history = historyOf(data.periods, code, submission.periodKind, period);
  const issues = dataValueIssues(data, pack).map((x) => `文件「${file}」 ${x}`);
  return { data, pack, periodData, previous, history, lookup: (sub, p) => findPeriod(data, sub, p), issues };
}

export async function exportCmd(args: Args, io: Io): Promise<number> {
  const { data, pack, periodData, previous, history, lookup, issues } = loadSchoolPeriod(flag(args, 'data'), flag(args, 'submission'), flag(args, 'period'));
  for (const x of issues) io.err(`注意：${x}`);
  const report = await exportReport({ pack, school: data.school, data: periodData, appVersion: appVersion(), previous, history, lookup });
  const dir = resolve(flag(args, 'out', '.'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, report.fileName);
  await writeOut(io, path, report.bytes);
  io.out(path);
  return 0;
}

export async function read(args: Args, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('请给出要读取的 .xlsx 文件');
  const bytes = readInput(file);
  const r = readReport(bytes, seedPacks(), { fileName: basename(file) });
  if (args.flags.get('json')) {
    io.out(JSON.stringify({ meta: r.meta, school: r.school, data: r.data, warnings: r.warnings }, null, 2));
    return 0;
  }
  const { errors, warnings } = countBySeverity(runAudit({ pack: r.pack, school: r.school, data: r.data }));
  io.out(`${r.meta.schoolName}（${r.meta.schoolCode}） ${r.meta.submission} ${r.meta.period}  ${r.meta.status} 版本 ${r.meta.version}`);
  io.out(`报表包 ${r.pack.bureau} ${r.pack.id}@${r.meta.packVersion}；导出于 ${r.meta.exportedAt}；校验值一致`);
  for (const [id, entry] of Object.entries(r.data.sheets)) {
    const sheet = r.pack.sheets[id];
    const size = entry.rows ? `${entry.rows.length} 行` : `${Object.keys(entry.cells ?? {}).length} 个填报格`;
    io.out(`  ${sheet?.title ?? id}：${size}`);
  }
  io.out(`审核：逻辑校验 ${errors} 条，经验校验 ${warnings} 条`);
  for (const w of r.warnings) io.err(`注意：${w}`);
  return 0;
}
