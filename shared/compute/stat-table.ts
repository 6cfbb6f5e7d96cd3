// Builds a statistics sheet (基表) from the lists it is computed from plus its entered cells.
import type { Condition, Pack, StatSheet } from '../pack/schema';
import { cellKey, resolveCell } from '../pack/stat-cells';
import type { CellKind } from '../pack/schema';
import type { LedgerRow, PeriodData } from '../model/data';
import { aggregate, matches, type CondContext } from './conditions';
import { periodKindOfText, periodRange, timePoint, type PeriodKind } from '../model/period';

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

/** The day ages are counted at: 9月1日 of a 学年, the last day of a month. */
export function referenceDay(kind: PeriodKind, period: string): string {
  return timePoint(kind, period) ?? periodRange(kind, period).end;
}

/** The numbers a pack's conditions may name: its targets by id, then its params (which win). */
export function packParams(pack: Pack): Record<string, number> {
  return { ...Object.fromEntries(pack.targets.map((t) => [t.id, t.value])), ...pack.params };
}

/** The days a period's conditions compare with (统计时点, first and last day), and the pack's numbers. */
export function conditionContext(kind: PeriodKind, period: string, params?: Record<string, number>): CondContext {
  const { start, end } = periodRange(kind, period);
  return { refDay: referenceDay(kind, period), periodStart: start, periodEnd: end, params };
}

/** The condition context of a period of a pack's submission: the period kind comes from the pack. */
export function packConditionContext(pack: Pack, data: PeriodData): CondContext {
  const kind = pack.submissions.find((s) => s.code === data.submission)?.periodKind;
  if (!kind) throw new Error(`报表包 ${pack.id} 没有报表 ${data.submission}`);
  return conditionContext(kind, data.period, packParams(pack));
}

/**
 * `asOf` says which days and pack numbers the conditions compare with (packConditionContext).
 * Without it — a caller holding no pack — the period is read by how it is written (2025-2026 or
 * 2025-10) and conditions naming a pack number match nothing.
 */
export function computeStatTable(sheet: StatSheet, data: PeriodData, cond?: CondContext): StatTable {
  const asOf = cond ?? conditionContext(periodKindOfText(data.period), data.period);
  // filter by the sheet's and the row's conditions once per row, not once per cell: a cell's
  // conditions are the sheet's, the row's and the column's (resolveCell), applied in turn here
  const keep = (rows: LedgerRow[], where: Condition[] | undefined) =>
    where?.length ? rows.filter((r) => where.every((c) => matches(r, c, asOf))) : rows;
  const source = keep(sheet.source ? listRows(data, sheet.source.sheet) : [], sheet.source?.where);
  const entered = data.sheets[sheet.id]?.cells ?? {};
  const rows = sheet.rows.map((row) => {
    const rowSource = keep(source, row.where);
    const cells = sheet.columns.map((col): StatCell => {
      const cell = resolveCell(sheet, row, col);
      if (cell.kind === 'blocked') return { key: col.key, kind: 'blocked', value: null };
      if (cell.kind === 'entered') {
        const v = entered[cellKey(row.code, col.key)];
        return { key: col.key, kind: 'entered', value: typeof v === 'number' ? v : null };
      }
      return { key: col.key, kind: 'computed', value: aggregate(rowSource, col.where ?? [], cell.measure!, asOf) };
    });
    return { code: row.code, label: row.label, cells };
  });
  return { sheet, rows };
}

/** Value of one cell of a computed table (undefined for a blocked or unknown cell). */
export function tableValue(table: StatTable, code: string, colKey: string): number | null | undefined {
  const row = table.rows.find((r) => r.code === code);
  const cell = row?.cells.find((c) => c.key === colKey);
  return cell && cell.kind !== 'blocked' ? cell.value : undefined;
}
