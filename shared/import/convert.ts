// Source rows → ledger rows: each mapped cell goes through the parser typed cells use
// (parseInput), then the whole list through the audit's own ledger checks (checkLedger), so an
// imported or pasted row is judged exactly as the 审核 would judge it. Errors (逻辑校验) make a row
// invalid; warnings (经验校验) are shown but do not block, as in the grid.
import type { LedgerColumn, LedgerSheet, Pack } from '../pack/schema';
import type { CellValue, LedgerRow } from '../model/data';
import type { SchoolProfile } from '../model/school';
import type { Severity } from '../audit/types';
import { ambiguousYearMonth, hasColumnType, parseInput } from '../model/values';
import { removedChars } from '../model/clean-text';
import { checkLedger, type LedgerContext } from '../audit/ledger-checks';
import { periodRange } from '../model/period';
import { findSubmission } from '../pack/applicability';
import { columnLetter } from '../xlsx/addresses';
import { newRowDefaults } from '../pack/row-defaults';
import type { DecodedSheet, RawCell } from './decode';
import type { ColumnMapping } from './header';
import { ValueTally, type ValueChoice, type ValueMap } from './value-map';

import type { ValidationTarget } from './import-target';
export type { ValidationTarget } from './import-target';

export interface RowProblem {
  /** index into the converted rows */
  index: number;
  /** where the value came from: 1-based Excel row, column letter and header text */
  sourceRow: number;
  sourceCol?: string;
  header?: string;
  colKey: string;
  severity: Severity;
  message: string;
}

export interface ConvertedRow {
  sourceRow: number;
  values: Record<string, CellValue>;
}

export interface ConversionResult {
  rows: ConvertedRow[];
  problems: RowProblem[];
  /** indexes of rows with at least one error */
  invalid: Set<number>;
  blankRows: number;
  /** enum values the pack's synonyms did not know, once per column, with the 对应 applied (value-map.ts) */
  valueChoices?: ValueChoice[];
}

/** The audit's context for one list of a period (what runAudit passes checkLedger). */
export function ledgerContext(t: ValidationTarget): LedgerContext {
  const sub = findSubmission(t.pack, t.submission);
  if (!sub) throw new Error(`报表包 ${t.pack.id} 没有报表 ${t.submission}`);
  const range = periodRange(sub.periodKind, t.period);
  // 统计时点: 9月1日 of a 学年, the last day of a month (as compute/conditions.ts)
  const asOf = sub.periodKind === 'schoolYear' ? range.start : range.end;
  return { pack: t.pack, school: t.school, submission: sub.code, range, asOf };
}

/**
 * A cell as the text a user would have typed: numbers as written, so 45901 (a serial) parses as a
 * date — except that a 年月 or date column reads a number as Excel displays it (`shown`, from the
 * cell's number format: 1973.1 formatted `0.00` is 1973.10, October) when that text parses.
 */
export function cellText(col: LedgerColumn, v: RawCell | undefined, shown?: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (shown !== undefined && (col.type === 'yearMonth' || col.type === 'date') && hasColumnType(col, parseInput(col, shown))) return shown;
    // a 身份证号 or 健康证编号 stored as a number must not turn into 5.1e17
    if (col.type === 'text' || col.type === 'enum') return Number.isInteger(v) ? BigInt(Math.round(v)).toString() : String(v);
    return String(v);
  }
  return v;
}

/**
 * Validates converted rows with the audit's ledger checks; `only` restricts problems to cells a
 * paste wrote (other columns of an existing row are the grid's business, not the paste's).
 */
export function validateRows(
  sheet: LedgerSheet,
  rows: readonly Record<string, CellValue>[],
  target: ValidationTarget,
  only?: (index: number, colKey: string) => boolean,
): Omit<RowProblem, 'sourceRow'>[] {
  const ledger: LedgerRow[] = rows.map((values, i) => ({ id: String(i), ...values }));
  const out: Omit<RowProblem, 'sourceRow'>[] = [];
  for (const f of checkLedger(sheet, ledger, ledgerContext(target))) {
    if (f.row?.kind !== 'ledger' || !f.colKey) continue; // list-wide checks belong to the 审核
    const index = f.row.index;
    if (only && !only(index, f.colKey)) continue;
    const label = sheet.columns.find((c) => c.key === f.colKey)?.label ?? f.colKey;
    // the audit's message names the exported cell; here the place is the source's, so keep the why
    const why = f.message.replace(/^.*?」\([A-Z]+\d+\)：/, '');
    out.push({ index, colKey: f.colKey, severity: f.severity, message: `「${label}」${why}` });
  }
  return out;
}

/** Warnings on one converted cell: characters removed, a 年月 that may be January or October. */
function conversionProblems(col: LedgerColumn, text: string, v: CellValue, index: number): Omit<RowProblem, 'sourceRow'>[] {
  const out: Omit<RowProblem, 'sourceRow'>[] = [];
  const removed = removedChars(text);
  if (removed) out.push({ index, colKey: col.key, severity: 'warning', message: `「${col.label}」含有无法保存到 Excel 文件的字符（${removed}），已删除` });
  const twoWays = col.type === 'yearMonth' ? ambiguousYearMonth(text) : undefined;
  if (twoWays && v === twoWays.read) {
    const [y, m1, m2] = [twoWays.read.slice(0, 4), Number(twoWays.read.slice(5)), Number(twoWays.other.slice(5))];
    out.push({ index, colKey: col.key, severity: 'warning', message: `「${col.label}」${text.trim()} 可能是 ${y}年${m1}月 或 ${y}年${m2}月，已按 ${twoWays.read} 导入，请核对` });
  }
  return out;
}

function blank(row: readonly RawCell[] | undefined): boolean {
  return !row || row.every((c) => c === null || String(c).trim() === '');
}

/**
 * Converts the data rows under `headerRow` with a mapping and validates them. Blank rows are skipped.
 * `source` is the decoded sheet (its `shown` texts are then used) or its rows alone.
 * Enum values the synonyms leave unknown go through `valueMap` (the 对应 step) and are tallied.
 */
export function convertRows(
  sheet: LedgerSheet,
  source: DecodedSheet | readonly RawCell[][],
  headerRow: number,
  mapping: ColumnMapping,
  target: ValidationTarget,
  valueMap?: ValueMap,
): ConversionResult {
  const tally = new ValueTally(sheet, target, valueMap);
  const mapped = sheet.columns.filter((c) => mapping[c.key] !== undefined);
  const grid: DecodedSheet = Array.isArray(source) ? { name: '', rows: source as RawCell[][] } : (source as DecodedSheet);
  const rowsIn = grid.rows;
  const rows: ConvertedRow[] = [];
  // what the app fills itself in a new row (学段 of a 小学) is there before the check, as when typed
  const filled = newRowDefaults(target.pack, target.school.type, sheet.columns);
  // problems of the conversion itself (text cleaned, an ambiguous 年月), before the audit's
  const own: Omit<RowProblem, 'sourceRow'>[] = [];
  let blankRows = 0;
  for (let r = headerRow + 1; r < rowsIn.length; r++) {
    const line = rowsIn[r];
    const cells = mapped.map((c) => line?.[mapping[c.key]!] ?? null);
    if (blank(line) || blank(cells)) {
      blankRows++;
      continue;
    }
    const values: Record<string, CellValue> = { ...filled };
    const index = rows.length;
    mapped.forEach((c, j) => {
      const text = cellText(c, cells[j], grid.shown?.[`${r}:${mapping[c.key]}`]);
      const v = parseInput(c, text);
      if (v !== null) values[c.key] = v; // a blank cell keeps what the app fills
      own.push(...conversionProblems(c, text, v, index));
    });
    tally.apply(values);
    rows.push({ sourceRow: r + 1, values });
  }
  const headers = rowsIn[headerRow] ?? [];
  const problems: RowProblem[] = [...own, ...validateRows(sheet, rows.map((r) => r.values), target)].map((p) => {
    const c = mapping[p.colKey];
    const at = c === undefined ? {} : { sourceCol: columnLetter(c + 1), header: cellText(sheet.columns[0]!, headers[c]) || undefined };
    return { ...p, sourceRow: rows[p.index]!.sourceRow, ...at };
  });
  problems.sort((a, b) => a.index - b.index);
  const invalid = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.index));
  return { rows, problems, invalid, blankRows, valueChoices: tally.choices() };
}

/** One problem as a sentence naming sheet, row and column: 工作表「名册」第5行 C列「出生日期」：… */
export function describeProblem(sheetName: string, p: RowProblem): string {
  const where = p.sourceCol ? ` ${p.sourceCol}列${p.header ? `「${p.header}」` : ''}` : '';
  return `工作表「${sheetName}」第${p.sourceRow}行${where}：${p.message}`;
}
