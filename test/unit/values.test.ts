// Parsing what a user types or pastes into a ledger cell (shared/model/values.ts).
import { describe, expect, it } from 'vitest';
import {
  formatValue, hasColumnType, isoToSerial, parseDate, parseDateTime, parseInput, parseTime, serialToIso, toHalfWidth,
} from '../../shared/model/values';
import type { LedgerColumn } from '../../shared/pack/schema';

const col = (type: LedgerColumn['type'], extra: Partial<LedgerColumn> = {}): LedgerColumn => ({ key: 'x', label: 'x', type, ...extra });

describe('parseDate', () => {
  it.each([
    ['2025-9-1'],
    ['2025/9/1'],
    ['2025.9.1'],
    ['2025年9月1日'],
    ['2025 年 9 月 1 日'],
    ['20250901'],
    ['2025-09-01'],
    ['２０２５－９－１'], // full-width digits and minus from a Chinese IME
    ['２０２５／０９／０１'],
    ['  2025-9-1  '],
  ])('%s → 2025-09-01', (text) => {
    expect(parseDate(text)).toBe('2025-09-01');
  });

  it('reads an Excel serial day number (1900 date system): 45901 is 2025-09-01', () => {
    expect(parseDate('45901')).toBe('2025-09-01');
    expect(parseDate('45900')).toBe('2025-08-31');
    expect(parseDate('45658')).toBe('2025-01-01');
    // a serial with a time fraction keeps only its day
    expect(parseDate('45901.75')).toBe('2025-09-01');
  });

  it('rejects days that do not exist', () => {
    expect(parseDate('2025-2-30')).toBeUndefined();
    expect(parseDate('2025-2-29')).toBeUndefined(); // 2025 is not a leap year
    expect(parseDate('2024-2-29')).toBe('2024-02-29');
    expect(parseDate('2025-13-01')).toBeUndefined();
    expect(parseDate('2025-00-10')).toBeUndefined();
    expect(parseDate('2025-4-31')).toBeUndefined();
    expect(parseDate('20251301')).toBeUndefined();
    expect(parseDate('2025-9-0')).toBeUndefined();
  });

  it('rejects text that is not a date', () => {
    for (const t of ['', 'abc', '九月一日', '2025-9', '25-9-1', '1234', '2025-9-1 8:00', '2025/9/1/2'])
      expect(parseDate(t), t).toBeUndefined();
  });
});

describe('parseTime', () => {
  it.each([
    ['8:30', '08:30'],
    ['08:30', '08:30'],
    ['8：30', '08:30'], // full-width colon
    ['８：３０', '08:30'],
    ['8时30分', '08:30'],
    ['8点30', '08:30'],
    ['23:59', '23:59'],
    ['0:00', '00:00'],
    ['8:30:15', '08:30'], // seconds are dropped
    ['0.5', '12:00'], // Excel fraction of a day
    ['0.25', '06:00'],
    ['.75', '18:00'],
    ['0.354166', '08:30'], // 8.5 h / 24 = 0.3541666…
  ])('%s → %s', (text, iso) => {
    expect(parseTime(text)).toBe(iso);
  });

  it('rejects times that do not exist', () => {
    expect(parseTime('24:00')).toBeUndefined();
    expect(parseTime('25:10')).toBeUndefined();
    expect(parseTime('8:60')).toBeUndefined();
    expect(parseTime('1')).toBeUndefined(); // a whole day is not a time of day
    expect(parseTime('abc')).toBeUndefined();
    expect(parseTime('')).toBeUndefined();
    expect(parseTime('830')).toBeUndefined();
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2025-09-03 12:05', '2025-09-03 12:05'],
    ['2025/9/3 8:05', '2025-09-03 08:05'],
    ['2025-9-3T08:05', '2025-09-03 08:05'],
    ['2025年9月3日 8:05', '2025-09-03 08:05'],
    ['2025年9月3日8时05分', '2025-09-03 08:05'],
    ['２０２５－０９－０３　１２：０５', '2025-09-03 12:05'],
    ['45903.5', '2025-09-03 12:00'], // serial 45903 = 2025-09-03, .5 = noon
    ['45903.25', '2025-09-03 06:00'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateTime(text)).toBe(iso);
  });

  it('needs both a valid date and a valid time', () => {
    expect(parseDateTime('2025-09-03')).toBeUndefined();
    expect(parseDateTime('12:05')).toBeUndefined();
    expect(parseDateTime('2025-02-30 12:05')).toBeUndefined();
    expect(parseDateTime('2025-09-03 24:00')).toBeUndefined();
    expect(parseDateTime('45903')).toBeUndefined(); // a whole serial carries no time
    expect(parseDateTime('abc')).toBeUndefined();
  });
});

describe('parseInput per column type', () => {
  it('integer: numbers become numbers, anything else stays as typed text', () => {
    expect(parseInput(col('integer'), '12')).toBe(12);
    expect(parseInput(col('integer'), ' 12 ')).toBe(12);
    expect(parseInput(col('integer'), '1,200')).toBe(1200);
    expect(parseInput(col('integer'), '１２')).toBe(12);
    expect(parseInput(col('integer'), '12a')).toBe('12a');
    expect(parseInput(col('integer'), '3.5')).toBe('3.5');
    expect(parseInput(col('integer'), 'abc')).toBe('abc');
    expect(parseInput(col('integer'), '12\n')).toBe(12); // a cell pasted from Excel ends with a newline
  });

  it('empty or blank input is null for every type', () => {
    for (const t of ['integer', 'decimal', 'text', 'date', 'time', 'datetime', 'enum'] as const) {
      expect(parseInput(col(t), ''), t).toBeNull();
      expect(parseInput(col(t), '   '), t).toBeNull();
    }
  });

  it('decimal keeps fractions', () => {
    expect(parseInput(col('decimal'), '3.5')).toBe(3.5);
    expect(parseInput(col('decimal'), '1,200.25')).toBe(1200.25);
    expect(parseInput(col('decimal'), '3.5元')).toBe('3.5元');
  });

  it('date, time and datetime are normalised, or kept as typed when they do not parse', () => {
    expect(parseInput(col('date'), '2025/9/1')).toBe('2025-09-01');
    expect(parseInput(col('date'), '2025-2-30')).toBe('2025-2-30');
    expect(parseInput(col('time'), '8：30')).toBe('08:30');
    expect(parseInput(col('time'), '24:00')).toBe('24:00');
    expect(parseInput(col('datetime'), '2025/9/3 8:05')).toBe('2025-09-03 08:05');
    expect(parseInput(col('datetime'), '明天中午')).toBe('明天中午');
  });

  it('text and enum are trimmed', () => {
    expect(parseInput(col('text'), '  红烧肉 ')).toBe('红烧肉');
    expect(parseInput(col('enum', { values: ['午餐'] }), ' 午餐 ')).toBe('午餐');
  });
});

describe('hasColumnType', () => {
  it('empty values fit any column (the required check is separate)', () => {
    for (const t of ['integer', 'date', 'text'] as const) {
      expect(hasColumnType(col(t), null)).toBe(true);
      expect(hasColumnType(col(t), undefined)).toBe(true);
      expect(hasColumnType(col(t), '')).toBe(true);
    }
  });

  it('integer and decimal', () => {
    expect(hasColumnType(col('integer'), 12)).toBe(true);
    expect(hasColumnType(col('integer'), 3.5)).toBe(false);
    expect(hasColumnType(col('integer'), '12')).toBe(false);
    expect(hasColumnType(col('integer'), '12a')).toBe(false);
    expect(hasColumnType(col('decimal'), 3.5)).toBe(true);
    expect(hasColumnType(col('decimal'), '3.5')).toBe(false);
  });

  it('dates, times and datetimes must be canonical and real', () => {
    expect(hasColumnType(col('date'), '2025-09-01')).toBe(true);
    expect(hasColumnType(col('date'), '2025-9-1')).toBe(false);
    expect(hasColumnType(col('date'), '2025-02-30')).toBe(false);
    expect(hasColumnType(col('date'), 45901)).toBe(false);
    expect(hasColumnType(col('time'), '08:30')).toBe(true);
    expect(hasColumnType(col('time'), '8:30')).toBe(false);
    expect(hasColumnType(col('time'), '24:00')).toBe(false);
    expect(hasColumnType(col('datetime'), '2025-09-03 12:05')).toBe(true);
    expect(hasColumnType(col('datetime'), '2025-09-03T12:05')).toBe(false);
    expect(hasColumnType(col('datetime'), '2025-09-31 12:05')).toBe(false);
  });

  it('text and enum hold strings', () => {
    expect(hasColumnType(col('text'), '备注')).toBe(true);
    expect(hasColumnType(col('text'), 5)).toBe(false);
    expect(hasColumnType(col('enum', { values: ['是'] }), '是')).toBe(true);
  });
});

describe('Excel serial numbers', () => {
  // known Excel serials (1900 date system): DATE(y,m,d) in Excel/WPS
  it.each([
    ['1900-03-01', 61],
    ['1970-01-01', 25569],
    ['2000-01-01', 36526],
    ['2024-02-29', 45351],
    ['2025-09-01', 45901],
    ['2099-12-31', 73050],
  ])('%s is serial %i', (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
  });

  it('round-trips every day from 1900-03-01 to 2099-12-31, one serial per day', () => {
    const day = new Date(Date.UTC(1900, 2, 1));
    const end = Date.UTC(2099, 11, 31);
    let expected = 61;
    let count = 0;
    while (day.getTime() <= end) {
      const iso = `${String(day.getUTCFullYear()).padStart(4, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
      const serial = isoToSerial(iso);
      if (serial !== expected || serialToIso(serial) !== iso) throw new Error(`${iso}: serial ${serial}, expected ${expected}`);
      expected++;
      count++;
      day.setUTCDate(day.getUTCDate() + 1);
    }
    expect(expected - 1).toBe(73050);
    expect(count).toBe(73050 - 61 + 1);
  });

  it('a fraction of a day stays within the same day', () => {
    expect(serialToIso(45901.99)).toBe('2025-09-01');
    expect(serialToIso(45901.0001)).toBe('2025-09-01');
  });
});

describe('helpers', () => {
  it('toHalfWidth converts full-width digits and punctuation', () => {
    expect(toHalfWidth('２０２５－０９／０１　１２：３０．５')).toBe('2025-09/01 12:30.5');
    expect(toHalfWidth('学生数')).toBe('学生数');
  });

  it('formatValue shows empty cells as empty text', () => {
    expect(formatValue(null)).toBe('');
    expect(formatValue(undefined)).toBe('');
    expect(formatValue(0)).toBe('0');
    expect(formatValue('x')).toBe('x');
  });
});
