// Source rows → ledger rows: each mapped cell goes through the parser typed cells use
// (parseInput), then the whole list through the audit's own ledger checks (checkLedger), so an
// imported or pasted row is judged exactly as the 审核 would judge it. Errors (逻辑校验) make a row
// invalid; warnings (经验校验) are shown but do not block, as in the grid.
import type { LedgerColumn, LedgerSheet, Pack } from '../pack/schema';
import type { CellValue, LedgerRow } from '../model/data';
import type { SchoolProfile } from '../model/school';
import type { Severity } from '../audit/types';
import { parseInput } from '../model/values';
import { checkLedger, type LedgerContext } from '../audit/ledger-checks';
import { periodRange } from '../model/period';
import { findSubmission } from '../pack/applicability';
import { columnLetter } from '../xlsx/addresses';
import type { RawCell } from './decode';
import type { ColumnMapping } from './header';
import { ValueTally, type ValueChoice, type ValueMap } from './value-map';

export interface ValidationTarget {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
}

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

/** A cell as the text a user would have typed: numbers as written, so 45901 (a serial) parses as a date. */
export function cellText(col: LedgerColumn, v: RawCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
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

function blank(row: readonly RawCell[] | undefined): boolean {
  return !row || row.every((c) => c === null || String(c).trim() === '');
}

/**
 * Converts the data rows under `headerRow` with a mapping and validates them. Blank rows are skipped.
 * Enum values the synonyms leave unknown go through `valueMap` (the 对应 step) and are tallied.
 */
export function convertRows(
  sheet: LedgerSheet,
  source: readonly RawCell[][],
  headerRow: number,
  mapping: ColumnMapping,
  target: ValidationTarget,
  valueMap?: ValueMap,
): ConversionResult {
  const tally = new ValueTally(sheet, target, valueMap);
  const mapped = sheet.columns.filter((c) => mapping[c.key] !== undefined);
  const rows: ConvertedRow[] = [];
  let blankRows = 0;
  for (let r = headerRow + 1; r < source.length; r++) {
    const line = source[r];
    const cells = mapped.map((c) => line?.[mapping[c.key]!] ?? null);
    if (blank(line) || blank(cells)) {
      blankRows++;
      continue;
    }
    const values: Record<string, CellValue> = {};
    mapped.forEach((c, j) => {
      const v = parseInput(c, cellText(c, cells[j]));
      if (v !== null) values[c.key] = v;
    });
    tally.apply(values);
    rows.push({ sourceRow: r + 1, values });
  }
  const headers = source[headerRow] ?? [];
  const problems: RowProblem[] = validateRows(sheet, rows.map((r) => r.values), target).map((p) => {
    const c = mapping[p.colKey];
    const at = c === undefined ? {} : { sourceCol: columnLetter(c + 1), header: cellText(sheet.columns[0]!, headers[c]) || undefined };
    return { ...p, sourceRow: rows[p.index]!.sourceRow, ...at };
  });
  const invalid = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.index));
  return { rows, problems, invalid, blankRows, valueChoices: tally.choices() };
}

/** One problem as a sentence naming sheet, row and column: 工作表「名册」第5行 C列「出生日期」：… */
export function describeProblem(sheetName: string, p: RowProblem): string {
  const where = p.sourceCol ? ` ${p.sourceCol}列${p.header ? `「${p.header}」` : ''}` : '';
  return `工作表「${sheetName}」第${p.sourceRow}行${where}：${p.message}`;
}
