// Reads one exported sheet back by position, checking it has the pack's layout.
import type { CoverSheet, LedgerSheet, StatSheet } from '../pack/schema';
import type { LedgerRow, SheetEntry } from '../model/data';
import { cellKey, columnNumbers, resolveCell } from '../pack/stat-cells';
import { LEDGER_FIRST_DATA_ROW, LEDGER_HEADER_ROW, statLayout } from './addresses';
import { fromGridValue } from './cell-values';
import { coverFields } from './layout-cover';
import type { GridValue } from './grid';
import { ReportReadError, type ReadLocation } from './read-errors';

type Values = GridValue[][];
const at = (v: Values, row1: number, col1: number): GridValue => v[row1 - 1]?.[col1 - 1] ?? null;
const str = (g: GridValue) => (g === null ? '' : String(g));

export function expectText(v: Values, row1: number, col1: number, expected: string, where: ReadLocation): void {
  const got = str(at(v, row1, col1)).replace(/^[ \t]+|[ \t]+$/g, ''); // keep the full-width indent of sub-rows
  if (got !== expected)
    throw new ReportReadError(`应为“${expected}”，实为“${got}”——不是该报表包的版式`, { ...where, row: row1, col: col1 });
}

// units of sheets that count things: their entered cells are whole numbers
const COUNT_UNITS = new Set(['人', '个', '名', '册', '台', '次', '间', '项', '起', '餐次', '班数为个，幼儿数为人']);
const MAX_SERIAL = 2958465; // 9999-12-31, Excel's last day

/** A number in a list cell must be one its column can hold: a whole, non-negative count, a real date. */
export function checkLedgerNumber(col: LedgerSheet['columns'][number], g: GridValue, where: ReadLocation, row1: number, col1: number): void {
  if (typeof g !== 'number') return;
  const at = { ...where, row: row1, col: col1 };
  if (!Number.isFinite(g)) throw new ReportReadError(`数值“${g}”不是有限的数字`, at);
  if (col.type === 'integer' && (!Number.isInteger(g) || g < 0))
    throw new ReportReadError(`“${col.label}”应为非负整数，实为 ${g}`, at);
  if ((col.type === 'date' || col.type === 'datetime') && (g < 1 || g >= MAX_SERIAL + 1))
    throw new ReportReadError(`“${col.label}”的日期序号 ${g} 不是真实的日期`, at);
  if (col.type === 'time' && (g < 0 || g >= 1)) throw new ReportReadError(`“${col.label}”的时间 ${g} 不是一天之内的时刻`, at);
}

/** 封面 → label → value, for the fields of this school type. */
export function readCover(v: Values, sheet: CoverSheet, schoolType: string, where: ReadLocation): Map<string, string> {
  const out = new Map<string, string>();
  coverFields(sheet, schoolType).forEach((f, i) => {
    expectText(v, i + 2, 1, f.label, where);
    out.set(f.from, str(at(v, i + 2, 2)).trim());
  });
  return out;
}

export function readLedger(v: Values, sheet: LedgerSheet, where: ReadLocation): SheetEntry {
  expectText(v, 1, 1, sheet.title, where);
  expectText(v, LEDGER_HEADER_ROW, 1, '序号', where);
  sheet.columns.forEach((c, i) => expectText(v, LEDGER_HEADER_ROW, i + 2, c.label, where));
  const rows: LedgerRow[] = [];
  for (let r = LEDGER_FIRST_DATA_ROW; r <= v.length; r++) {
    sheet.columns.forEach((c, i) => checkLedgerNumber(c, at(v, r, i + 2), where, r, i + 2));
    const cells = sheet.columns.map((c, i) => fromGridValue(c, at(v, r, i + 2)));
    // a blank row inside the list stays (the audit's row numbers must match the workbook's);
    // blank rows at the end are dropped below
    const row: LedgerRow = { id: `r${rows.length + 1}` };
    sheet.columns.forEach((c, i) => {
      if (cells[i] !== null) row[c.key] = cells[i]!;
    });
    rows.push(row);
  }
  while (rows.length && Object.keys(rows[rows.length - 1]!).length === 1) rows.pop();
  return { rows };
}

/** Entered cells of a statistics sheet; computed cells are returned for the caller to compare. */
export function readStat(v: Values, sheet: StatSheet, where: ReadLocation) {
  const L = statLayout(sheet);
  const counts = COUNT_UNITS.has(sheet.unit);
  expectText(v, 1, 1, sheet.title, where);
  expectText(v, L.firstHeaderRow, 1, '指标名称', where);
  expectText(v, L.firstHeaderRow, 2, '代码', where);
  sheet.columns.forEach((c, i) => expectText(v, c.group ? L.firstHeaderRow + 1 : L.firstHeaderRow, i + 3, c.label, where));
  columnNumbers(sheet).forEach((n, i) => expectText(v, L.numberRow, i + 1, n, where));
  const cells: Record<string, number | null> = {};
  const computed: { code: string; col: string; value: GridValue; row1: number; col1: number }[] = [];
  sheet.rows.forEach((row, ri) => {
    const r1 = L.firstDataRow + ri;
    expectText(v, r1, 1, row.label, where);
    expectText(v, r1, 2, row.code, where);
    sheet.columns.forEach((col, ci) => {
      const c1 = ci + 3;
      const g = at(v, r1, c1);
      const kind = resolveCell(sheet, row, col).kind;
      if (kind === 'blocked') {
        if (g !== null && g !== '-') throw new ReportReadError(`此格应为“-”（不填），实为“${str(g)}”`, { ...where, row: r1, col: c1 });
        return;
      }
      if (g !== null && typeof g !== 'number')
        throw new ReportReadError(`应为数字，实为“${str(g)}”`, { ...where, row: r1, col: c1 });
      if (kind === 'entered' && g !== null) {
        if (!Number.isFinite(g) || g < 0) throw new ReportReadError(`应为非负的数，实为 ${g}`, { ...where, row: r1, col: c1 });
        if (counts && !Number.isInteger(g)) throw new ReportReadError(`本表单位为“${sheet.unit}”，应为整数，实为 ${g}`, { ...where, row: r1, col: c1 });
      }
      if (kind === 'entered') {
        if (g !== null) cells[cellKey(row.code, col.key)] = g;
      } else computed.push({ code: row.code, col: col.key, value: g, row1: r1, col1: c1 });
    });
  });
  return { entry: { cells } as SheetEntry, computed };
}

