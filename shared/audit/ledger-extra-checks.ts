// Column checks of schema-ledger-extras.ts: dates against the period (健康证明 到期, 整改完成日期)
// and a column required once another column of the row reaches a number (异常人数 → 异常情况).
import type { ColumnCheck, LedgerSheet } from '../pack/schema';
import type { CellValue, LedgerRow } from '../model/data';
import { toNumber } from '../compute/conditions';

const DAY_MS = 86400000;

/** Whole days from one ISO date to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The problem a date-against-period check finds in a filled, well-typed cell, or undefined.
 * `range` is the period's first and last day.
 */
export function periodDateProblem(k: ColumnCheck, v: CellValue, range: { start: string; end: string }): string | undefined {
  if (typeof v !== 'string') return undefined;
  const day = v.slice(0, 10);
  switch (k.kind) {
    case 'expiresWithin': {
      // valid on every day of the period (an earlier expiry is validThroughPeriod's), but not for long after
      const left = daysBetween(range.end, day);
      if (left < 0 || left > k.days) return undefined;
      return `${k.message}（有效期至 ${day}，${left === 0 ? '即月末当天' : `月末后第 ${left} 天`}到期）`;
    }
    case 'validThroughPeriod': {
      if (day >= range.end) return undefined;
      // the days of the period after the expiry date (all of them when it expired before the period)
      const from = day < range.start ? range.start : day;
      const missing = daysBetween(from, range.end) + (day < range.start ? 1 : 0);
      return `${k.message}（有效期至 ${day}，本月有 ${missing} 天无有效证明）`;
    }
    case 'notBeforePeriod':
      return day < range.start ? `${k.message}（本月从 ${range.start} 起），现为 ${day}` : undefined;
    default:
      return undefined;
  }
}

/** requiredIfMin (and equalsIfMin: empty is not the value wanted) checks an empty cell breaks: the other column holds a number ≥ min. */
export function requiredIfMinProblems(sheet: LedgerSheet, checks: readonly ColumnCheck[], row: LedgerRow): [ColumnCheck, string][] {
  const out: [ColumnCheck, string][] = [];
  for (const k of checks) {
    if (k.kind !== 'requiredIfMin' && k.kind !== 'equalsIfMin') continue;
    const n = toNumber(row[k.field]);
    if (n === undefined || n < k.min) continue;
    const label = sheet.columns.find((c) => c.key === k.field)?.label ?? k.field;
    out.push([k, k.kind === 'equalsIfMin' ? `${k.message}（${label}为 ${n}，现未填写）` : `${k.message}（${label}为 ${n}）`]);
  }
  return out;
}
