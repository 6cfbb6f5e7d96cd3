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

/**
 * 周岁 at a day (ISO), from 出生年月 "YYYY-MM" or a full date. With the month only, a person born
 * in the reference month counts as having had the birthday (FORMS.md §1.2: born 2000-09 → 25 on
 * 2025-09-01; born 2000-10 → 24).
 */
export function ageAt(birth: CellValue | undefined, asOf: string): number | undefined {
  const m = typeof birth === 'string' ? /^(\d{4})[-/.年]?(\d{1,2})(?:[-/.月]?(\d{1,2}))?/.exec(birth.trim()) : null;
  if (!m) return undefined;
  const [by, bm, bd] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  if (bm < 1 || bm > 12) return undefined;
  const before = bm > am || (bm === am && bd !== undefined && bd > ad);
  return ay - by - (before ? 1 : 0);
}

export function matches(row: LedgerRow, cond: Condition, asOf?: string): boolean {
  const v = row[cond.field];
  if (cond.ageMin !== undefined || cond.ageMax !== undefined) {
    const age = asOf ? ageAt(v, asOf) : undefined;
    if (age === undefined) return false;
    if (cond.ageMin !== undefined && age < cond.ageMin) return false;
    if (cond.ageMax !== undefined && age > cond.ageMax) return false;
  }
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

export function aggregate(rows: readonly LedgerRow[], where: readonly Condition[], measure: Measure, asOf?: string): number {
  let total = 0;
  for (const row of rows) {
    if (!where.every((c) => matches(row, c, asOf))) continue;
    if (measure.agg === 'count') total += 1;
    else for (const f of measure.fields) total += toNumber(row[f]) ?? 0;
  }
  return total;
}
