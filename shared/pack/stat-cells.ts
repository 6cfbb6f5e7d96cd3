// Which kind each cell of a statistics sheet is, and how a computed cell is measured.
// Column kind first, then the sheet's overrides in order: the last matching override wins.
import type { CellKind, Condition, Measure, StatColumn, StatRow, StatSheet } from './schema';

export interface ResolvedCell {
  kind: CellKind;
  measure?: Measure;
  where: Condition[];
}

export function resolveCell(sheet: StatSheet, row: StatRow, col: StatColumn): ResolvedCell {
  let kind = col.kind;
  let measure = col.measure ?? row.measure;
  for (const o of sheet.cells ?? []) {
    if (!o.rows.includes(row.code) || !o.cols.includes(col.key)) continue;
    kind = o.kind;
    if (o.measure) measure = o.measure;
  }
  const where = [...(sheet.source?.where ?? []), ...(row.where ?? []), ...(col.where ?? [])];
  return { kind, measure, where };
}

/** Key under which an entered value of a statistics sheet is stored: `{代码}:{列}`. */
export function cellKey(rowCode: string, colKey: string): string {
  return `${rowCode}:${colKey}`;
}

/** 甲, 乙, then 1… for the data columns — the column-number row of every 基表. */
export function columnNumbers(sheet: StatSheet): string[] {
  return ['甲', '乙', ...sheet.columns.map((_, i) => String(i + 1))];
}
