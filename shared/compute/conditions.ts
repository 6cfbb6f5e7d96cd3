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
  if (typeof birth !== 'string') return undefined;
  // every condition on age of every statistics cell asks again for each row: answer once per date
  const key = `${birth}|${asOf}`;
  if (AGES.has(key)) return AGES.get(key);
  if (AGES.size > 50_000) AGES.clear();
  const age = computeAge(birth, asOf);
  AGES.set(key, age);
  return age;
}

const AGES = new Map<string, number | undefined>();

function computeAge(birth: string, asOf: string): number | undefined {
  const m = typeof birth === 'string' ? /^(\d{4})[-/.年]?(\d{1,2})(?:[-/.月]?(\d{1,2}))?/.exec(birth.trim()) : null;
  if (!m) return undefined;
  const [by, bm, bd] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  if (bm < 1 || bm > 12) return undefined;
  const before = bm > am || (bm === am && bd !== undefined && bd > ad);
  return ay - by - (before ? 1 : 0);
}

/** What conditions compare with: the period's days and the pack's parameters. */
export interface CondContext {
  refDay: string; // 统计时点: 9月1日 of a 学年, the last day of a month
  periodStart: string;
  periodEnd: string;
  params?: Record<string, number>;
}

function toContext(c: string | CondContext | undefined): CondContext | undefined {
  return typeof c === 'string' ? { refDay: c, periodStart: c, periodEnd: c } : c;
}

const day = (v: CellValue | undefined) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

function minutes(date: CellValue | undefined, time?: CellValue): number | undefined {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(date) : null;
  const t = typeof time === 'string' ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  if (!m || (time !== undefined && !t)) return undefined;
  const [h, mi] = t ? [Number(t[1]), Number(t[2])] : [Number(m[4] ?? 0), Number(m[5] ?? 0)];
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, h, mi) / 60000;
}

function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

export function matches(row: LedgerRow, cond: Condition, context?: string | CondContext): boolean {
  const ctx = toContext(context);
  const v = row[cond.field];
  if (cond.ageMin !== undefined || cond.ageMax !== undefined) {
    const age = ctx ? ageAt(v, ctx.refDay) : undefined;
    if (age === undefined) return false;
    if (cond.ageMin !== undefined && age < cond.ageMin) return false;
    if (cond.ageMax !== undefined && age > cond.ageMax) return false;
  }
  if (cond.dateFrom || cond.dateTo || cond.dateBefore || cond.withinYears !== undefined) {
    const d = day(v);
    if (!d || !ctx) return false;
    const at = (k: 'periodStart' | 'periodEnd' | 'refDay') => ctx[k];
    if (cond.dateFrom && d < at(cond.dateFrom)) return false;
    if (cond.dateTo && d > at(cond.dateTo)) return false;
    if (cond.dateBefore && d >= at(cond.dateBefore)) return false;
    if (cond.withinYears !== undefined) {
      const years = typeof cond.withinYears === 'number' ? cond.withinYears : ctx.params?.[cond.withinYears];
      if (years === undefined || d > ctx.refDay || d <= yearsBefore(ctx.refDay, years)) return false;
    }
  }
  if (cond.hoursAfter) {
    const from = minutes(row[cond.hoursAfter.date], row[cond.hoursAfter.time]);
    const to = minutes(v);
    if (from === undefined || to === undefined || to - from < cond.hoursAfter.hours * 60) return false;
  }
  if (cond.eq !== undefined && v !== cond.eq && String(v ?? '') !== String(cond.eq)) return false;
  if (cond.in && !cond.in.some((x) => x === v || String(x) === String(v ?? ''))) return false;
  if (cond.notIn && cond.notIn.some((x) => x === v || String(x) === String(v ?? ''))) return false;
  if (cond.min !== undefined || cond.max !== undefined) {
    let n = toNumber(v);
    for (const f of cond.plus ?? []) n = n === undefined ? undefined : n + (toNumber(row[f]) ?? 0);
    if (n === undefined) return false;
    if (cond.min !== undefined && n < cond.min) return false;
    if (cond.max !== undefined && n > cond.max) return false;
  }
  return true;
}

export function aggregate(rows: readonly LedgerRow[], where: readonly Condition[], measure: Measure, ctx?: string | CondContext): number {
  let total = 0;
  for (const row of rows) {
    if (!where.every((c) => matches(row, c, ctx))) continue;
    if (measure.agg === 'count') total += 1;
    else for (const f of measure.fields) total += toNumber(row[f]) ?? 0;
  }
  return total;
}
