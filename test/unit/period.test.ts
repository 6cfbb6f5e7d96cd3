// Reporting periods (shared/model/period.ts): 学年 "2025-2026" (时点 9月1日) and months "2025-10".
import { describe, expect, it } from 'vitest';
import {
  dueDate, isValidPeriod, periodLabel, periodOf, periodRange, previousPeriod, timePoint, timePointLabel,
} from '../../shared/model/period';
import type { Submission } from '../../shared/pack/schema';

// as FORMS.md §0: XNC due 9月20日; SPAQ due the 5th of the next month
const XNC: Submission = { code: 'XNC', name: '学年初统计报表', periodKind: 'schoolYear', due: { month: 9, day: 20 }, sheets: ['cover'] };
const SPAQ: Submission = { code: 'SPAQ', name: '食品安全月报', periodKind: 'month', due: { day: 5 }, sheets: ['cover'] };

describe('isValidPeriod', () => {
  it('学年: two consecutive years', () => {
    expect(isValidPeriod('schoolYear', '2025-2026')).toBe(true);
    expect(isValidPeriod('schoolYear', '1999-2000')).toBe(true);
    expect(isValidPeriod('schoolYear', '2025-2027')).toBe(false);
    expect(isValidPeriod('schoolYear', '2025-2025')).toBe(false);
    expect(isValidPeriod('schoolYear', '2026-2025')).toBe(false);
    expect(isValidPeriod('schoolYear', '2025-10')).toBe(false);
    expect(isValidPeriod('schoolYear', '2025')).toBe(false);
    expect(isValidPeriod('schoolYear', ' 2025-2026')).toBe(false);
  });

  it('month: YYYY-MM with MM 01–12', () => {
    expect(isValidPeriod('month', '2025-10')).toBe(true);
    expect(isValidPeriod('month', '2025-01')).toBe(true);
    expect(isValidPeriod('month', '2025-12')).toBe(true);
    expect(isValidPeriod('month', '2025-13')).toBe(false);
    expect(isValidPeriod('month', '2025-00')).toBe(false);
    expect(isValidPeriod('month', '2025-1')).toBe(false);
    expect(isValidPeriod('month', '2025-2026')).toBe(false);
    expect(isValidPeriod('month', '2025-10-01')).toBe(false);
  });
});

describe('periodRange', () => {
  it('a 学年 runs from 9月1日 to the next 8月31日', () => {
    expect(periodRange('schoolYear', '2025-2026')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
  });

  it('a month runs to its last day, leap years included', () => {
    expect(periodRange('month', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('month', '2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
    expect(periodRange('month', '2000-02')).toEqual({ start: '2000-02-01', end: '2000-02-29' });
    expect(periodRange('month', '2100-02').end).toBe('2100-02-28');
    expect(periodRange('month', '2025-04').end).toBe('2025-04-30');
    expect(periodRange('month', '2025-10').end).toBe('2025-10-31');
    expect(periodRange('month', '2025-12')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });

  it('refuses a malformed period with a Chinese message', () => {
    expect(() => periodRange('month', '2025-13')).toThrow('期间格式不对：2025-13');
    expect(() => periodRange('schoolYear', '2025-2027')).toThrow('期间格式不对');
  });
});

describe('dueDate', () => {
  it('XNC is due 9月20日 of the 学年 first year', () => {
    expect(dueDate(XNC, '2025-2026')).toBe('2025-09-20');
    expect(dueDate(XNC, '2030-2031')).toBe('2030-09-20');
  });

  it('a 学年 submission without a month defaults to September', () => {
    expect(dueDate({ ...XNC, due: { day: 30 } }, '2025-2026')).toBe('2025-09-30');
  });

  it('SPAQ is due the 5th of the next month, across the year end', () => {
    expect(dueDate(SPAQ, '2025-10')).toBe('2025-11-05');
    expect(dueDate(SPAQ, '2025-12')).toBe('2026-01-05');
    expect(dueDate(SPAQ, '2026-01')).toBe('2026-02-05');
  });
});

describe('periodOf', () => {
  it('months', () => {
    expect(periodOf('month', '2025-10-08')).toBe('2025-10');
    expect(periodOf('month', '2026-01-31')).toBe('2026-01');
  });

  it('学年 changes on 9月1日', () => {
    expect(periodOf('schoolYear', '2025-10-08')).toBe('2025-2026');
    expect(periodOf('schoolYear', '2025-09-01')).toBe('2025-2026');
    expect(periodOf('schoolYear', '2025-08-31')).toBe('2024-2025');
    expect(periodOf('schoolYear', '2026-01-15')).toBe('2025-2026');
    expect(periodOf('schoolYear', '2025-12-31')).toBe('2025-2026');
  });

  it('every day of a period belongs to it', () => {
    for (const [kind, period] of [['month', '2024-02'], ['schoolYear', '2025-2026']] as const) {
      const { start, end } = periodRange(kind, period);
      const d = new Date(`${start}T00:00:00Z`);
      while (d.toISOString().slice(0, 10) <= end) {
        expect(periodOf(kind, d.toISOString().slice(0, 10))).toBe(period);
        d.setUTCDate(d.getUTCDate() + 1);
      }
    }
  });
});

describe('previousPeriod', () => {
  it('months, across the year end', () => {
    expect(previousPeriod('month', '2026-01')).toBe('2025-12');
    expect(previousPeriod('month', '2025-10')).toBe('2025-09');
    expect(previousPeriod('month', '2025-12')).toBe('2025-11');
  });

  it('学年', () => {
    expect(previousPeriod('schoolYear', '2025-2026')).toBe('2024-2025');
  });

  it('the previous period is valid and ends the day before this one starts', () => {
    for (const [kind, period] of [['month', '2026-01'], ['month', '2024-03'], ['schoolYear', '2025-2026']] as const) {
      const prev = previousPeriod(kind, period);
      expect(isValidPeriod(kind, prev)).toBe(true);
      const dayBefore = new Date(`${periodRange(kind, period).start}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      expect(periodRange(kind, prev).end).toBe(dayBefore.toISOString().slice(0, 10));
    }
  });
});

describe('time point and labels', () => {
  it('a 学年 has its 统计时点 on 9月1日', () => {
    expect(timePoint('schoolYear', '2025-2026')).toBe('2025-09-01');
    expect(timePointLabel('schoolYear', '2025-2026')).toBe('2025年9月1日');
  });

  it('a month has no 统计时点', () => {
    expect(timePoint('month', '2025-10')).toBeUndefined();
    expect(timePointLabel('month', '2025-10')).toBe('');
  });

  it('period labels', () => {
    expect(periodLabel('schoolYear', '2025-2026')).toBe('2025-2026 学年');
    expect(periodLabel('month', '2025-09')).toBe('2025年9月');
  });
});
