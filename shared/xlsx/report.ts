// Builds every sheet of one submission's workbook as grids, plus _meta with the hashes.
// Pure: the same input gives the same grids (exportedAt aside), which the tests rely on.
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { runAudit } from '../audit/run';
import type { Finding } from '../audit/types';
import { coverGrid } from './layout-cover';
import { ledgerGrid } from './layout-ledger';
import { groupGrid } from './layout-group';
import { groupParts, ledgerRows } from '../pack/ledger-rows';
import { statGrid } from './layout-stat';
import { indicatorGrid } from './layout-indicator';
import type { IndicatorInput } from '../compute/indicator';
import { periodContext } from '../compute/period-context';
import { metaGrid, notesGrid } from './layout-notes';
import { cleanGrid, gridValues, overallHash, sheetHash, type GridValue, type SheetGrid } from './grid';
import { META_SHEET, REPORT_FORMAT, reportFileName, type ReportContext } from './context';
import { metaHash } from './report-format';

export interface ReportInput {
  pack: Pack;
  school: SchoolProfile;
  data: PeriodData;
  appVersion: string;
  now?: Date;
  /** the previous period, so warnings that compare with it reach 校验说明 */
  previous?: PeriodData;
  /** another submission's period (e.g. the XNC 学年 a month belongs to) for indicators */
  lookup?: IndicatorInput['lookup'];
  /** the submission's months before this one, for rules spanning a quarter */
  history?: readonly PeriodData[];
}

export interface BuiltReport {
  fileName: string;
  grids: SheetGrid[];
  meta: Record<string, string | number>;
  findings: Finding[];
}

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function buildReport(input: ReportInput): BuiltReport {
  const { pack, school } = input;
  const submission = findSubmission(pack, input.data.submission);
  if (!submission) throw new Error(`报表包 ${pack.id} 没有报表 ${input.data.submission}`);
  // the same rules for the app and the CLI: compare only with an approved previous period, and
  // a period that has 逻辑校验 errors (the pack changed since approval) leaves as 草稿
  const previous = input.previous?.status === '已审核' ? input.previous : undefined;
  // the audit and the sheets share one memo of the period's computed tables
  const pc = periodContext({ pack, school, data: input.data, lookup: input.lookup });
  const findings = runAudit({ pack, school, data: input.data, previous, lookup: input.lookup, history: input.history }, pc);
  const hasErrors = findings.some((f) => f.severity === 'error');
  const data: PeriodData = hasErrors && input.data.status === '已审核' ? { ...input.data, status: '草稿' } : input.data;
  const now = input.now ?? new Date();
  const ctx: ReportContext = {
    pack, submission, school, data, now, appVersion: input.appVersion, reportDate: data.reportDate ?? localDate(now),
  };
  const grids: SheetGrid[] = [];
  for (const sheet of sheetsFor(pack, submission, school.type)) {
    if (sheet.kind === 'cover') grids.push(coverGrid(sheet, ctx));
    if (sheet.kind === 'ledger') grids.push(ledgerGrid(sheet, ledgerRows(sheet, data), ctx));
    if (sheet.kind === 'ledgerGroup')
      grids.push(groupGrid(sheet, groupParts(pack, sheet).map((p) => ({ sheet: p, rows: ledgerRows(p, data) })), ctx));
    if (sheet.kind === 'stat') grids.push(statGrid(pc.stat(sheet.id)!, ctx));
    if (sheet.kind === 'indicator') grids.push(indicatorGrid(pc.indicator(sheet.id)!, ctx));
  }
  grids.push(notesGrid(findings.filter((f) => f.severity === 'warning'), ctx));
  // data that reached the database another way (a data file, an older version) may hold text an
  // .xlsx cannot carry: hash what is written, so the file reads back with matching hashes
  grids.splice(0, grids.length, ...grids.map(cleanGrid));

  const hashes: [string, string][] = grids.map((g) => [g.name, sheetHash(gridValues(g))]);
  const meta: Record<string, string | number> = {
    format: REPORT_FORMAT,
    pack: pack.id,
    packVersion: pack.version,
    submission: submission.code,
    period: data.period,
    schoolCode: school.code,
    schoolName: school.name,
    schoolType: school.type,
    version: data.version,
    status: data.status,
    exportedAt: now.toISOString(),
    appVersion: input.appVersion,
  };
  for (const [name, h] of hashes) meta[`sha256:${name}`] = h;
  // _meta itself (status, version, period, school, pack) is covered too, and by sha256:all
  const own = metaHash(meta);
  meta['sha256:_meta'] = own;
  meta['sha256:all'] = overallHash([...hashes, [META_SHEET, own]]);
  grids.push(metaGrid(Object.entries(meta) as [string, GridValue][]));
  return { fileName: reportFileName(school, submission.code, data.period), grids, meta, findings };
}
