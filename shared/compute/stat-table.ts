// Builds a statistics sheet (基表) from the lists it is computed from plus its entered cells.
import type { StatSheet } from '../pack/schema';
import { cellKey, resolveCell } from '../pack/stat-cells';
import type { CellKind } from '../pack/schema';
import type { LedgerRow, PeriodData } from '../model/data';
import { aggregate } from './conditions';

export interface StatCell {
  key: string; // column key
  kind: CellKind;
  value: number | null; // null: entered but empty, or blocked
}

export interface StatTableRow {
  code: string;
  label: string;
  cells: StatCell[];
}

export interface StatTable {
  sheet: StatSheet;
  rows: StatTableRow[];
}

export function listRows(data: PeriodData, sheetId: string): LedgerRow[] {
  return (data.sheets[sheetId]?.rows ?? []) as LedgerRow[];
}

export function computeStatTable(sheet: StatSheet, data: PeriodData): StatTable {
  const source = sheet.source ? listRows(data, sheet.source.sheet) : [];
  const entered = data.sheets[sheet.id]?.cells ?? {};
  const rows = sheet.rows.map((row) => ({
    code: row.code,
    label: row.label,
    cells: sheet.columns.map((col): StatCell => {
      const cell = resolveCell(sheet, row, col);
      if (cell.kind === 'blocked') return { key: col.key, kind: 'blocked', value: null };
      if (cell.kind === 'entered') return { key: col.key, kind: 'entered', value: entered[cellKey(row.code, col.key)] ?? null };
      return { key: col.key, kind: 'computed', value: aggregate(source, cell.where, cell.measure!) };
    }),
  }));
  return { sheet, rows };
}

/** Value of one cell of a computed table (undefined for a blocked or unknown cell). */
export function tableValue(table: StatTable, code: string, colKey: string): number | null | undefined {
  const row = table.rows.find((r) => r.code === code);
  const cell = row?.cells.find((c) => c.key === colKey);
  return cell && cell.kind !== 'blocked' ? cell.value : undefined;
}
