// Filters and aggregates over list rows — the only "formula language" a pack has.
// Values typed into a list may be text (the grid keeps what the user typed), so numbers
// are read leniently here and the audit reports anything that is not a number.
import type { Condition, Measure } from '../pack/schema';
import type { CellValue, LedgerRow } from '../model/data';

export function toNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function matches(row: LedgerRow, cond: Condition): boolean {
  const v = row[cond.field];
  if (cond.eq !== undefined && v !== cond.eq && String(v ?? '') !== String(cond.eq)) return false;
  if (cond.in && !cond.in.some((x) => x === v || String(x) === String(v ?? ''))) return false;
  if (cond.min !== undefined || cond.max !== undefined) {
    const n = toNumber(v);
    if (n === undefined) return false;
    if (cond.min !== undefined && n < cond.min) return false;
    if (cond.max !== undefined && n > cond.max) return false;
  }
  return true;
}

export function aggregate(rows: readonly LedgerRow[], where: readonly Condition[], measure: Measure): number {
  let total = 0;
  for (const row of rows) {
    if (!where.every((c) => matches(row, c))) continue;
    if (measure.agg === 'count') total += 1;
    else for (const f of measure.fields) total += toNumber(row[f]) ?? 0;
  }
  return total;
}
