// Reporting periods: a 学年 ("2025-2026", 时点 9月1日) or a month ("2025-10").
import type { Submission } from '../pack/schema';

export type PeriodKind = Submission['periodKind'];

const YEAR_RE = /^(\d{4})-(\d{4})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isValidPeriod(kind: PeriodKind, period: string): boolean {
  if (kind === 'schoolYear') {
    const m = YEAR_RE.exec(period);
    return !!m && Number(m[2]) === Number(m[1]) + 1;
  }
  return MONTH_RE.test(period);
}

/** How a period is written (2025-2026 or 2025-10), for a caller that has no pack to ask. */
export function periodKindOfText(period: string): PeriodKind {
  return YEAR_RE.test(period) ? 'schoolYear' : 'month';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day (ISO dates) a period covers. A 学年 runs 9月1日 to 8月31日. */
export function periodRange(kind: PeriodKind, period: string): { start: string; end: string } {
  if (!isValidPeriod(kind, period)) throw new Error(`期间格式不对：${period}`);
  if (kind === 'schoolYear') {
    const y = Number(period.slice(0, 4));
    return { start: `${y}-09-01`, end: `${y + 1}-08-31` };
  }
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${pad(last)}` };
}

/** 统计时点 of a 学年 (its 9月1日), shown on 封面 and the statistics sheets' second row. */
export function timePoint(kind: PeriodKind, period: string): string | undefined {
  return kind === 'schoolYear' ? periodRange(kind, period).start : undefined;
}

export function timePointLabel(kind: PeriodKind, period: string): string {
  const tp = timePoint(kind, period);
  if (!tp) return '';
  const [y, m, d] = tp.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function periodLabel(kind: PeriodKind, period: string): string {
  if (kind === 'schoolYear') return `${period} 学年`;
  const [y, m] = period.split('-').map(Number);
  return `${y}年${m}月`;
}

export function dueDate(sub: Submission, period: string): string {
  if (sub.periodKind === 'schoolYear') {
    const y = Number(period.slice(0, 4));
    return `${y}-${pad(sub.due.month ?? 9)}-${pad(sub.due.day)}`;
  }
  const [y, m] = period.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${pad(nm)}-${pad(sub.due.day)}`;
}

/** The period that contains a day, e.g. 2025-10-08 → "2025-2026" or "2025-10". */
export function periodOf(kind: PeriodKind, isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  if (kind === 'month') return `${y}-${pad(m)}`;
  return m >= 9 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** The period before, for comparisons with last 学年 or last month. */
export function previousPeriod(kind: PeriodKind, period: string): string {
  if (kind === 'schoolYear') {
    const y = Number(period.slice(0, 4));
    return `${y - 1}-${y}`;
  }
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The "统计时点：2025年9月1日" (学年) or "期间：2025年10月" (月) line of a sheet — screen and export alike. */
export function whenLine(kind: PeriodKind, period: string): string {
  return kind === 'schoolYear' ? `统计时点：${timePointLabel(kind, period)}` : `期间：${periodLabel(kind, period)}`;
}
