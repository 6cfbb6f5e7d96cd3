// Reads a workbook exported by 校表通 back into school data — with SheetJS, which is safe on
// untrusted files (ExcelJS is never used to read). Checks format, pack, school, period and
// hashes; every refusal is a ReportReadError naming file, sheet, row and column.
import * as XLSX from 'xlsx';
import type { Pack, Sheet } from '../pack/schema';
import { address, LEDGER_FIRST_DATA_ROW, statLayout } from './addresses';
import { STATUSES, type PeriodData } from '../model/data';
import { schoolProfileSchema, type SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { isValidPeriod } from '../model/period';
import { tableValue } from '../compute/stat-table';
import { periodContext, type PeriodContext } from '../compute/period-context';
import type { Lookup } from '../compute/indicator';
import type { Finding } from '../audit/types';
import { runAudit } from '../audit/run';
import { META_SHEET, NOTES_SHEET } from './context';
import { NOTE_SCOPE } from './layout-notes';
import { ruleExplanationKey } from '../audit/explanations';
import { formatProblem, metaHash, reportFormatVersion, UNPROTECTED_META_WARNING, upgradeWorkbook } from './report-format';
import { overallHash, sheetHash, type GridValue } from './grid';
import { ReportReadError } from './read-errors';
import { readCover, readStat } from './read-sheets';
import { readLedgerGroup, readLedgerSheet } from './read-ledger-extras';
import { groupParts } from '../pack/ledger-rows';
import { readIndicator } from './read-indicator';
import { computeIndicatorTable } from '../compute/indicator';
import { indicatorLayout } from './layout-indicator';
import { TEMPLATE_STATUS } from './template';
import { checkParsedWorkbook, checkSpreadsheetBytes, spreadsheetReadOptions, SPREADSHEET_LIMITS } from './limits';
import { checkReportPackage, REPORT_LIMITS, type CfbContainer } from './report-parts';

// Under Node SheetJS's own zip reader hands out Buffers, which it decodes natively; a plain
// Uint8Array takes its slower latin1 path. The global is used when present (no import: shared/ runs in the browser too).
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;

/** The parts as SheetJS's zip reader (CFB.read) would give them: a root, then one file entry each. */
function containerOf(parts: Map<string, Uint8Array>): CfbContainer {
  const zip: CfbContainer = { FullPaths: ['Root Entry/'], FileIndex: [{ name: 'Root Entry', type: 5 } as CfbContainer['FileIndex'][number]] };
  for (const [name, bytes] of parts) {
    const content = NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
    zip.FullPaths.push(`Root Entry/${name}`);
    zip.FileIndex.push({ name: name.slice(name.lastIndexOf('/') + 1), type: 2, content, size: content.length } as CfbContainer['FileIndex'][number]);
  }
  return zip;
}

// SheetJS's own second step of XLSX.read (exported, not typed): the workbook from inflated parts
const parseZip = (XLSX as unknown as { parse_zip: (zip: CfbContainer, o: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;

export const MAX_REPORT_BYTES = SPREADSHEET_LIMITS.maxFileBytes;

export interface ReadReportOptions {
  fileName?: string;
  /** restore shows a changed hash as a warning; the bureau and the CLI refuse the file */
  allowHashMismatch?: boolean;
  expect?: { schoolCode?: string; packId?: string; submission?: string; period?: string };
  /** another submission's period, for indicator sheets that read it (the period memo's lookup) */
  lookup?: Lookup;
}

export interface ReadReportResult {
  meta: Record<string, string>;
  pack: Pack;
  school: SchoolProfile;
  data: PeriodData;
  /** sheets whose content no longer matches the hash in _meta; `_meta` itself for a format-2 file
   * whose protected entries were edited; `(全部)` when only sha256:all disagrees */
  hashMismatches: string[];
  warnings: string[];
  /** the format the file was written in (`_meta` format `xiaobiao-report/{n}`): 1 or 2 */
  format: number;
  /** whether `_meta` (status, version, period, school, pack) is covered by the hashes: false for a
   * format-1 file, which is still read, with UNPROTECTED_META_WARNING first in `warnings` */
  metaProtected: boolean;
}

/** A warning of the read with where it is, for a caller that lists it by sheet and cell. */
export interface ReadWarning {
  message: string;
  sheet?: string;
  cell?: string;
  /** the two a verifier words itself: an unprotected format-1 `_meta`, another pack version */
  code?: 'metaUnprotected' | 'packVersion';
}

/** What the read computed on the way, for a caller that goes on with the same period (the bureau's
 * verification audits it and totals it): the period's memo, and the audit when the read ran it. */
export interface ReadReportDetail {
  result: ReadReportResult;
  context: PeriodContext;
  /** every finding of runAudit on the period, when the read needed it (to place a 说明) */
  findings?: Finding[];
  /** `result.warnings`, each with its sheet and cell where it has one */
  located: ReadWarning[];
}

function sheetValues(ws: XLSX.WorkSheet | undefined): GridValue[][] {
  if (!ws?.['!ref']) return [];
  const range = XLSX.utils.decode_range(ws['!ref']);
  // read with dense: true (limits.ts), so cells are in !data; an object-keyed sheet still works.
  // SheetJS keeps cells past a declared dimension that is too small (Excel shows them): read them too
  const dense = ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined;
  const lastRow = Math.max(range.e.r, (dense?.length ?? 0) - 1);
  const out: GridValue[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const row: GridValue[] = [];
    const lastCol = Math.max(range.e.c, (dense?.[r]?.length ?? 0) - 1);
    for (let c = 0; c <= lastCol; c++) {
      const cell = (dense ? dense[r]?.[c] : ws[XLSX.utils.encode_cell({ r, c })]) as XLSX.CellObject | undefined;
      const v = cell?.v;
      row.push(typeof v === 'number' || typeof v === 'string' ? v : v === undefined || v === null ? null : String(v));
    }
    out.push(row);
  }
  return out;
}

/** The finding key `{rule}|{sheet}|{row id or 代码}|{列}` of a 校验说明 row, from its cell address. */
function noteKey(sheets: Sheet[], data: PeriodData, rule: string, title: string, cell: string, pack: Pack, schoolType: string): string | undefined {
  const sheet = sheets.find((s) => s.title === title);
  if (!sheet || !/^[A-Z]+\d+$/.test(cell)) return undefined;
  const { r, c } = XLSX.utils.decode_cell(cell);
  if (sheet.kind === 'stat') {
    const row = sheet.rows[r + 1 - statLayout(sheet).firstDataRow];
    const col = sheet.columns[c - 2];
    return row && col ? `${rule}|${sheet.id}|${row.code}|${col.key}` : undefined;
  }
  if (sheet.kind === 'ledger') {
    const row = data.sheets[sheet.id]?.rows?.[r + 1 - LEDGER_FIRST_DATA_ROW];
    const col = sheet.columns[c - 1];
    return row && col ? `${rule}|${sheet.id}|${row.id}|${col.key}` : undefined;
  }
  if (sheet.kind === 'indicator') {
    // the rows an indicator sheet shows depend only on the school type, so its layout is known
    const table = computeIndicatorTable(sheet, { pack, school: { type: schoolType } as SchoolProfile, data: { ...data, sheets: {} } });
    const code = [...indicatorLayout(table).rowOf].find(([, row1]) => row1 === r + 1)?.[0];
    return code ? `${rule}|${sheet.id}|${code}|value` : undefined;
  }
  return undefined;
}

export function readReport(bytes: Uint8Array, packs: Map<string, Pack>, opts: ReadReportOptions = {}): ReadReportResult {
  return readReportDetail(bytes, packs, opts).result;
}

export function readReportDetail(bytes: Uint8Array, packs: Map<string, Pack>, opts: ReadReportOptions = {}): ReadReportDetail {
  const file = opts.fileName ?? '工作簿';
  const fail = (problem: string, sheet?: string): never => {
    throw new ReportReadError(problem, { file, sheet });
  };
  // size, kind and zip structure before SheetJS sees a byte (SheetJS would read text as CSV)
  const parts = new Map<string, Uint8Array>();
  checkSpreadsheetBytes(file, bytes, { parts, maxInflated: REPORT_LIMITS.maxInflatedBytes });
  // the parts are inflated once (above, bounded by their declared sizes), checked and scanned as
  // Excel shows them, then parsed by SheetJS from the same bytes — XLSX.read would inflate again
  const zip = containerOf(parts);
  const scans = checkReportPackage(file, zip, { ...SPREADSHEET_LIMITS, ...REPORT_LIMITS });
  let wb: XLSX.WorkBook;
  try {
    wb = parseZip(zip, { type: 'array', ...spreadsheetReadOptions() });
  } catch {
    return fail('无法打开：不是有效的 Excel 工作簿（.xlsx），或文件已损坏');
  }
  checkParsedWorkbook(file, wb);
  for (const n of wb.SheetNames) if (!wb.Sheets[n]) fail('无法读取此工作表（内容已损坏）', n);
  const metaValues = sheetValues(wb.Sheets[META_SHEET]);
  if (!metaValues.length) fail(`缺少隐藏工作表“${META_SHEET}”——不是校表通导出的报表`);
  const writtenMeta: Record<string, string> = {};
  for (const [k, v] of metaValues) if (k !== null && k !== undefined) writtenMeta[String(k)] = v === null || v === undefined ? '' : String(v);
  const formatIssue = formatProblem(writtenMeta.format, writtenMeta.appVersion);
  if (formatIssue) fail(formatIssue, META_SHEET);
  // the hashes are of the file as written; an older layout is then moved to the current one
  const format = reportFormatVersion(writtenMeta.format)!;
  const written = new Map(wb.SheetNames.map((n) => [n, sheetValues(wb.Sheets[n])]));
  const hashes: [string, string][] = wb.SheetNames.filter((n) => n !== META_SHEET).map((n) => [n, sheetHash(written.get(n)!)]);
  const hashMismatches = hashes.filter(([n, h]) => writtenMeta[`sha256:${n}`] !== h).map(([n]) => n);
  // format 2 on: _meta's own entries are hashed, and sha256:all covers that hash too
  const metaProtected = format >= 2;
  if (metaProtected) {
    const own = metaHash(writtenMeta);
    if (writtenMeta[`sha256:${META_SHEET}`] !== own) hashMismatches.push(META_SHEET);
    hashes.push([META_SHEET, own]);
  }
  if (writtenMeta['sha256:all'] !== overallHash(hashes) && !hashMismatches.length) hashMismatches.push('(全部)');
  const raw = upgradeWorkbook({ format, meta: writtenMeta, names: [...wb.SheetNames], sheets: written });
  const meta = raw.meta;

  const pack = packs.get(meta.pack ?? '') ?? fail(`报表包“${meta.pack}”未安装`, META_SHEET);
  const submission = findSubmission(pack, meta.submission ?? '') ?? fail(`报表包 ${pack.id} 没有报表“${meta.submission}”`, META_SHEET);
  const period = meta.period ?? '';
  if (!isValidPeriod(submission.periodKind, period)) fail(`期间“${period}”格式不对`, META_SHEET);
  if (meta.status === TEMPLATE_STATUS) fail('这是空白模板，没有学校数据，不能作为报表读入', META_SHEET);
  const status = STATUSES.find((s) => s === meta.status) ?? fail(`审核状态“${meta.status}”无效`, META_SHEET);
  const version = Number(meta.version);
  if (!Number.isInteger(version) || version < 0) fail(`版本号“${meta.version}”无效`, META_SHEET);
  const ex = opts.expect ?? {};
  if (ex.packId && ex.packId !== pack.id) fail(`这是报表包“${pack.id}”的文件，本校使用“${ex.packId}”`, META_SHEET);
  if (ex.schoolCode && ex.schoolCode !== meta.schoolCode)
    fail(`这是另一所学校（${meta.schoolName}，${meta.schoolCode}）的文件`, META_SHEET);
  if (ex.submission && ex.submission !== submission.code) fail(`这是 ${submission.code} 报表，不是 ${ex.submission}`, META_SHEET);
  if (ex.period && ex.period !== period) fail(`这是 ${period} 的报表，不是 ${ex.period}`, META_SHEET);

  const schoolType = meta.schoolType ?? '';
  if (!pack.schoolTypes.some((t) => t.id === schoolType)) fail(`办学类型“${schoolType}”不在报表包中`, META_SHEET);
  const sheets = sheetsFor(pack, submission, schoolType);
  const expectedNames = [...sheets.map((s) => s.title), NOTES_SHEET, META_SHEET];
  if (raw.names.join('|') !== expectedNames.join('|'))
    fail(`工作表应依次为 ${expectedNames.join('、')}，实为 ${raw.names.join('、')}`);

  const values = raw.sheets;

  const data: PeriodData = { submission: submission.code, period, status, version, sheets: {} };
  const located: ReadWarning[] = metaProtected ? [] : [{ message: UNPROTECTED_META_WARNING, sheet: META_SHEET, code: 'metaUnprotected' }];
  let cover = new Map<string, string>();
  const statReads: { sheet: (typeof sheets)[number]; computed: ReturnType<typeof readStat>['computed'] }[] = [];
  for (const sheet of sheets) {
    const where = { file, sheet: sheet.title };
    const v = values.get(sheet.title)!;
    // a figure Excel shows as a date is not the count SheetJS reads
    const dated = sheet.kind === 'stat' || sheet.kind === 'indicator' ? scans.get(sheet.title)?.dateCells.values().next().value : undefined;
    if (dated !== undefined)
      throw new ReportReadError('数字设置了日期格式：Excel 显示为日期，不是填写的数', { ...where, row: Math.floor(dated / 16384) + 1, col: (dated % 16384) + 1 });
    if (sheet.kind === 'cover') cover = readCover(v, sheet, schoolType, where);
    if (sheet.kind === 'ledger') data.sheets[sheet.id] = readLedgerSheet(v, sheet, where);
    if (sheet.kind === 'ledgerGroup') Object.assign(data.sheets, readLedgerGroup(v, sheet, groupParts(pack, sheet), where));
    if (sheet.kind === 'stat') {
      const read = readStat(v, sheet, where);
      if (Object.keys(read.entry.cells ?? {}).length) data.sheets[sheet.id] = read.entry;
      statReads.push({ sheet, computed: read.computed });
    }
    if (sheet.kind === 'indicator') {
      // which rows an indicator sheet shows depends only on the school type
      const entry = readIndicator(v, sheet, pack, { type: schoolType } as SchoolProfile, period, where);
      if (Object.keys(entry.cells ?? {}).length) data.sheets[sheet.id] = entry;
    }
  }
  // after the cells are read, so a figure no report may hold is named even when the hashes were redone
  if (hashMismatches.length && !opts.allowHashMismatch)
    fail(`内容与校验值不符（${hashMismatches.join('、')}）：文件在导出后被改动过`);
  const reportDate = cover.get('reportDate');
  if (reportDate && /^\d{4}-\d{2}-\d{2}$/.test(reportDate)) data.reportDate = reportDate;
  const profile = schoolProfileSchema.safeParse({
    code: cover.get('schoolCode'), name: cover.get('schoolName'), type: cover.get('schoolType'),
    sponsor: cover.get('sponsor'), township: cover.get('township'), urbanRural: cover.get('urbanRural'),
    head: cover.get('head'), statHead: cover.get('statHead'), filler: cover.get('filler'), phone: cover.get('phone'),
    packId: pack.id, ...(cover.has('puhui') ? { puhui: cover.get('puhui') === '是' } : {}),
  });
  if (!profile.success) fail(`封面信息不完整：${profile.error.issues.map((i) => i.message).join('；')}`, sheets[0]?.title);
  const school = profile.data!;
  if (school.code !== meta.schoolCode || school.name !== meta.schoolName || school.type !== schoolType)
    fail('封面的学校与 _meta 中的学校不一致', sheets[0]?.title);
  // what the school's Excel shows on 封面 must be what _meta says: a draft cannot become 已审核 in one of them
  const shown: [string, string, string][] = [['status', '审核状态', meta.status!], ['version', '版本', String(version)], ['period', '期间', period]];
  for (const [key, label, want] of shown)
    if (cover.has(key) && cover.get(key) !== want) fail(`封面的${label}为“${cover.get(key)}”，_meta 中为“${want}”：两处不一致，文件被改动过`, sheets[0]?.title);

  // computed cells must be what the file's own lists give; otherwise the file is inconsistent
  // one memo of the computed tables for this check and the audit below (as the export shares one)
  const pc = periodContext({ pack, school, data, lookup: opts.lookup });
  for (const { sheet, computed } of statReads) {
    if (sheet.kind !== 'stat') continue;
    const table = pc.stat(sheet.id)!;
    for (const c of computed) {
      const expected = tableValue(table, c.code, c.col);
      if (c.value !== expected)
        located.push({ message: `工作表「${sheet.title}」第${c.row1}行：计算格应为 ${expected}，文件中为 ${c.value ?? '空'}`, sheet: sheet.title, cell: address(c.col1, c.row1) });
    }
  }
  // 校验说明: re-attach each written 说明 to the warning it explains
  const notes = values.get(NOTES_SHEET)!.slice(3).filter((row) => row[4] !== null && row[4] !== '');
  // a 说明 on a cell of a statistics sheet, list or indicator sheet is keyed from its address; the
  // audit (the costliest step of a read) runs only for one it cannot place (a whole-list finding)
  let findings: Finding[] | undefined;
  const explanations: Record<string, string> = {};
  for (const row of notes) {
    const [rule, title, cell, , text, scope] = row.map((x) => (x === null ? '' : String(x)));
    if (!text) continue;
    // a 说明 written once for the whole rule stands on each of its rows: stored once again
    if (scope === NOTE_SCOPE.rule && rule) {
      explanations[ruleExplanationKey(rule)] = text;
      continue;
    }
    let key = noteKey(sheets, data, rule!, title!, cell!, pack, schoolType);
    if (!key) {
      findings ??= runAudit({ pack, school, data }, pc);
      key = findings.find((x) => x.severity === 'warning' && x.ruleId === rule && x.sheetTitle === title && (x.cell ?? '—') === cell)?.key;
    }
    if (key) explanations[key] = text;
    else located.push({ message: `校验说明：规则 ${rule}（${title} ${cell}）的说明找不到对应的提示，已忽略`, sheet: NOTES_SHEET });
  }
  if (Object.keys(explanations).length) data.explanations = explanations;
  if (meta.packVersion !== pack.version) located.push({ message: `文件使用报表包版本 ${meta.packVersion}，本机为 ${pack.version}`, sheet: META_SHEET, code: 'packVersion' });
  const warnings = located.map((w) => w.message);
  return { result: { meta, pack, school, data, hashMismatches, warnings, format, metaProtected }, context: pc, ...(findings ? { findings } : {}), located };
}
