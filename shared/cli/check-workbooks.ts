// `check 文件.xlsx --previous 上期.xlsx --related 其他.xlsx …`: a bureau checking one school's
// workbook supplies the files the cross-period rules read — last period (year-on-year rules,
// compared only when that file is 已审核, as in the app), the months before (a quarter's 应急演练)
// and other reports (the 学年's 班级名册 a month's indicators read). Each file must be the same
// school's and pack's, intact (hashes), and the period it is given for.
import { basename } from 'node:path';
import type { PeriodData } from '../model/data';
import { previousPeriod } from '../model/period';
import { historyOf, historyPeriods } from '../model/history';
import { findSubmission } from '../pack/applicability';
import { relatedSubmissions } from '../pack/related';
import { readReport, type ReadReportResult } from '../xlsx/read';
import { readInput } from './commands';
import { UsageError } from './args';
import { seedPacks } from './seeds';

export interface CheckContext {
  /** last period, only when its file is approved */
  previous?: PeriodData;
  history: PeriodData[];
  lookup: (submission: string, period: string) => PeriodData | undefined;
  /** what was compared with, for the human output */
  header: string[];
  /** files given that no rule of this period reads, shown on stderr */
  remarks: string[];
}

function readOther(path: string, main: ReadReportResult, period?: string): ReadReportResult {
  const bytes = readInput(path);
  const expect = { schoolCode: main.meta.schoolCode, packId: main.pack.id, ...(period ? { submission: main.data.submission, period } : {}) };
  return readReport(bytes, seedPacks(), { fileName: basename(path), expect });
}

export function readCheckContext(main: ReadReportResult, previousPath: string | undefined, relatedPaths: readonly string[]): CheckContext {
  const sub = findSubmission(main.pack, main.data.submission)!;
  const prevPeriod = previousPeriod(sub.periodKind, main.data.period);
  const prevName = `${sub.code} ${prevPeriod}`;
  const header: string[] = [];
  const remarks: string[] = [];
  const all: PeriodData[] = [];
  const seen = new Map<string, string>([[`${sub.code} ${main.data.period}`, '要审核的工作簿']]);
  const add = (r: ReadReportResult, path: string) => {
    const name = `${r.data.submission} ${r.data.period}`;
    const before = seen.get(name);
    if (before) throw new UsageError(`文件「${basename(path)}」是 ${name}，与${before === '要审核的工作簿' ? before : `「${before}」`}重复`);
    seen.set(name, basename(path));
    all.push(r.data);
  };

  let previous: PeriodData | undefined;
  if (previousPath) {
    const r = readOther(previousPath, main, prevPeriod);
    add(r, previousPath);
    previous = r.data.status === '已审核' ? r.data : undefined;
    header.push(previous ? `与上期 ${prevName}（已审核，第 ${r.data.version} 版，「${basename(previousPath)}」）比较` : `上期 ${prevName}（「${basename(previousPath)}」）未审核，不作比较`);
  } else header.push(`未给出上期（--previous ${prevName} 的工作簿）：不与上期比较`);

  const months = new Set(historyPeriods(sub.periodKind, main.data.period));
  const reads = new Set(relatedSubmissions(main.pack, sub.code));
  for (const path of relatedPaths) {
    const r = readOther(path, main);
    add(r, path);
    const used = (r.data.submission === sub.code && months.has(r.data.period)) || reads.has(r.data.submission);
    if (!used) remarks.push(`文件「${basename(path)}」（${r.data.submission} ${r.data.period}）本期的审核用不到，未使用`);
  }
  const history = historyOf(all, sub.code, sub.periodKind, main.data.period);
  if (relatedPaths.length) header.push(`另据 ${relatedPaths.map((p) => `「${basename(p)}」`).join('、')} 审核跨月、跨报表的规则`);
  return {
    previous, history, header, remarks,
    lookup: (s, p) => all.find((d) => d.submission === s && d.period === p),
  };
}
