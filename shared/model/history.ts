// The periods just before a period, for audit rules that look back over several months (a
// 幼儿园's 应急演练 counts its whole quarter). Two months back covers a calendar quarter.
import type { PeriodKind } from './period';
import { previousPeriod } from './period';
import type { PeriodData } from './data';

export const HISTORY_MONTHS = 2;

/** The `count` periods before `period`, oldest first (only months look back). */
export function historyPeriods(kind: PeriodKind, period: string, count = HISTORY_MONTHS): string[] {
  if (kind !== 'month') return [];
  const out: string[] = [];
  let p = period;
  for (let i = 0; i < count; i++) out.unshift((p = previousPeriod(kind, p)));
  return out;
}

/** Those periods of one submission that a list of stored periods holds, oldest first. */
export function historyOf(all: readonly PeriodData[], submission: string, kind: PeriodKind, period: string): PeriodData[] {
  return historyPeriods(kind, period).flatMap((p) => all.filter((d) => d.submission === submission && d.period === p));
}
