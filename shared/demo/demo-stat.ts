// Entered cells of the demo's statistics sheets, derived from the class lists so that every
// 逻辑校验 passes: 毕业生数 = last year's final grade, 招生数 = this year's first grade.
import type { Pack, StatSheet } from '../pack/schema';
import type { PeriodData, SheetEntry } from '../model/data';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { cellKey, resolveCell } from '../pack/stat-cells';
import { computeStatTable, tableValue } from '../compute/stat-table';

function entered(sheet: StatSheet, code: string, key: string): boolean {
  const row = sheet.rows.find((r) => r.code === code);
  const col = sheet.columns.find((c) => c.key === key);
  return !!row && !!col && resolveCell(sheet, row, col).kind === 'entered';
}

export function demoEnteredCells(pack: Pack, type: string, data: PeriodData, previous?: PeriodData): Record<string, SheetEntry> {
  const out: Record<string, SheetEntry> = {};
  const sub = findSubmission(pack, data.submission)!;
  for (const sheet of sheetsFor(pack, sub, type)) {
    if (sheet.kind !== 'stat' || sheet.id !== 'jj3112') continue;
    const now = computeStatTable(sheet, data);
    const before = previous ? computeStatTable(sheet, previous) : undefined;
    const cells: Record<string, number> = {};
    const set = (code: string, key: string, v: number) => {
      if (entered(sheet, code, key)) cells[cellKey(code, key)] = v;
    };
    for (const row of sheet.rows) {
      const grads = before ? (tableValue(before, row.code, 'g6') ?? 0) : Math.round((tableValue(now, row.code, 'g6') ?? 0) * 0.97);
      const enrol = tableValue(now, row.code, 'g1') ?? 0;
      set(row.code, 'graduates', grads!);
      set(row.code, 'enrol', enrol!);
      // only the 总计 row gets a spread of 学前 years; sub-rows keep 三年 so that rows still add up
      const two = row.code === '01' ? Math.round(enrol! * 0.06) : 0;
      const one = row.code === '01' ? Math.round(enrol! * 0.01) : 0;
      set(row.code, 'pre0', 0);
      set(row.code, 'pre1', one);
      set(row.code, 'pre2', two);
      set(row.code, 'pre3', enrol! - one - two);
      // girls within each group: a fixed share, so that the sub-rows stay ≤ their totals
      set(row.code, 'female', Math.floor((tableValue(now, row.code, 'total') ?? 0) * 0.47));
    }
    // rows that are sums of sub-rows get the sums, so 06 = 07 + 08 and 09 = 10 + 11 hold exactly
    for (const [sum, parts] of [['06', ['07', '08']], ['09', ['10', '11']]] as const) {
      for (const key of ['graduates', 'enrol', 'pre0', 'pre1', 'pre2', 'pre3', 'female']) {
        if (!entered(sheet, sum, key)) continue;
        cells[cellKey(sum, key)] = parts.reduce((s, p) => s + (cells[cellKey(p, key)] ?? 0), 0);
      }
    }
    out[sheet.id] = { cells };
  }
  return out;
}
