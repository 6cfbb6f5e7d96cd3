// The periods offered in the period picker: the recent ones a school actually reports for,
// plus any older period that already holds data (so nothing entered becomes unreachable).
import type { Submission } from '../../../shared/pack/schema';
import { dueDate, isValidPeriod, periodLabel, periodOf, previousPeriod } from '../../../shared/model/period';

/** Today as yyyy-mm-dd in the computer's local time zone (not UTC: a report day is a local day). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** How many recent periods to offer: this 学年 and the two before; this month and the 11 before. */
export function recentCount(sub: Submission): number {
  return sub.periodKind === 'schoolYear' ? 3 : 12;
}

export function recentPeriods(sub: Submission, today: string): string[] {
  const out = [periodOf(sub.periodKind, today)];
  while (out.length < recentCount(sub)) out.push(previousPeriod(sub.periodKind, out[out.length - 1]!));
  return out;
}

export function defaultPeriod(sub: Submission, today: string): string {
  return periodOf(sub.periodKind, today);
}

export interface PeriodOption {
  value: string;
  label: string;
  due: string;
}

/** Recent periods and stored ones, newest first, without duplicates. */
export function periodOptions(sub: Submission, today: string, stored: readonly string[] = []): PeriodOption[] {
  const values = new Set(recentPeriods(sub, today));
  for (const p of stored) if (isValidPeriod(sub.periodKind, p)) values.add(p);
  return [...values]
    .sort()
    .reverse()
    .map((value) => ({ value, label: periodLabel(sub.periodKind, value), due: dueDate(sub, value) }));
}
