// 教基3115, 3118, 2107, 普通高中班额情况 and 幼儿园班数和幼儿数 computed from the class list of
// test/fixtures/student-classes.ts, every cell against figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { computeStatTable, type StatTable } from '../../shared/compute/stat-table';
import type { StatSheet } from '../../shared/pack/schema';
import { studentData } from '../fixtures/student-classes';

const pack = seedPacks().get('luojiang')!;
const sheet = (id: string) => pack.sheets[id] as StatSheet;

/** Every cell of a table as `code → [value per column]`, '-' for a blocked cell. */
function grid(t: StatTable): Record<string, (number | null | '-')[]> {
  return Object.fromEntries(t.rows.map((r) => [r.code, r.cells.map((c) => (c.kind === 'blocked' ? '-' : c.value))]));
}

describe('教基3115 初中分类型学生数 (J1 48, J2 52 in 一年级; J4 24 复式 in 二年级; J3 57 in 三年级)', () => {
  const cells = { '01:graduates': 170, '01:enrol': 100, '03:female': 2, '13:female': 1 };
  const table = computeStatTable(sheet('jj3115'), studentData({ jj3115: cells }));
  it('every cell: 毕业生数 招生数 在校生数 #女 一年级 二年级 三年级 预计毕业生数', () => {
    expect(grid(table)).toEqual({
      '01': [170, 100, 181, 89, 100, 24, 57, 57], // #女 of 总计 = Σ 女 = 23 + 25 + 30 + 11
      '02': [null, null, 89, '-', 48, 11, 30, 30],
      '03': [null, null, 4, 2, 2, 1, 1, 1],
      '04': [null, null, 24, null, 0, 24, 0, 0], // only J4 is a 复式班
      '05': [null, null, 63, null, 38, 0, 25, 25],
      '06': [null, null, 10, null, 6, 0, 4, 4],
      '07': [null, null, 4, null, 3, 0, 1, 1],
      '08': [null, null, 6, null, 3, 0, 3, 3],
      '09': [null, null, 7, null, 5, 0, 2, 2],
      '10': [null, null, 3, null, 2, 0, 1, 1],
      '11': [null, null, 4, null, 3, 0, 1, 1],
      '12': [null, null, 20, null, 10, 3, 7, 7],
      '13': [null, null, 3, 1, 1, 0, 2, 2],
    });
  });
  it('毕业生数, 招生数 and #女 of rows 03–13 are entered; the rest computed; #女 of 02 blocked', () => {
    for (const r of table.rows)
      expect([r.code, ...r.cells.map((c) => c.kind)]).toEqual([
        r.code, 'entered', 'entered', 'computed', r.code === '01' ? 'computed' : r.code === '02' ? 'blocked' : 'entered',
        'computed', 'computed', 'computed', 'computed',
      ]);
  });
});

describe('教基3118 普通高中分类型学生数 (H1 50 in 一年级; H2 66 and H3 31 in 三年级)', () => {
  const table = computeStatTable(sheet('jj3118'), studentData({ jj3118: { '01:enrol': 50, '05:female': 40 } }));
  it('every cell', () => {
    expect(grid(table)).toEqual({
      '01': [null, 50, 147, 72, 50, 0, 97, 97],
      '02': [null, null, 72, '-', 26, 0, 46, 46],
      '03': [null, null, 4, null, 1, 0, 3, 3],
      '04': [null, null, 0, null, 0, 0, 0, 0],
      '05': [null, null, 125, 40, 45, 0, 80, 80],
      '06': [null, null, 8, null, 2, 0, 6, 6],
      '07': [null, null, 3, null, 2, 0, 1, 1],
      '08': [null, null, 5, null, 0, 0, 5, 5],
      '09': [null, null, 5, null, 1, 0, 4, 4],
      '10': [null, null, 2, null, 1, 0, 1, 1],
      '11': [null, null, 3, null, 0, 0, 3, 3],
      '12': [null, null, 3, null, 0, 0, 3, 3],
      '13': [null, null, 1, null, 0, 0, 1, 1],
    });
  });
});

// 班额 rows: 01 总计, 02 ≤25, 03 26-30, 04 31-35, 05 36-40, 06 41-45, 07 46-50, 08 51-55, 09 56-60, 10 61-65, 11 ≥66
const zeros = (n: number) => Array.from({ length: n }, () => 0);
const bins = (n: number, filled: Record<string, number[]>) =>
  Object.fromEntries(Array.from({ length: 11 }, (_, i) => String(i + 1).padStart(2, '0')).map((c) => [c, filled[c] ?? zeros(n)]));

describe('教基2107 初中班额情况: classes per size band and 年级', () => {
  it('every cell: 合计 一年级 二年级 三年级', () => {
    const table = computeStatTable(sheet('jj2107'), studentData());
    expect(grid(table)).toEqual(bins(4, {
      '01': [4, 2, 1, 1],
      '02': [1, 0, 1, 0], // J4 24
      '07': [1, 1, 0, 0], // J1 48
      '08': [1, 1, 0, 0], // J2 52
      '09': [1, 0, 0, 1], // J3 57
    }));
  });
});

describe('普通高中班额情况: classes per size band and 年级', () => {
  it('every cell: 合计 一年级 二年级 三年级', () => {
    const table = computeStatTable(sheet('hsClassSize'), studentData());
    expect(grid(table)).toEqual(bins(4, {
      '01': [3, 1, 0, 2],
      '04': [1, 0, 0, 1], // H3 31
      '07': [1, 1, 0, 0], // H1 50
      '11': [1, 0, 0, 1], // H2 66
    }));
  });
});

describe('幼儿园班数和幼儿数 (K1 托班 20; K2 28 and K3 30 in 小班; K4 大班 35)', () => {
  const entered = { '06:total': 60, '06:g1': 20, '06:g2': 40, '07:g4': 33 };
  const table = computeStatTable(sheet('kgClasses'), studentData({ kgClasses: entered }));
  it('every cell: 合计 托班 小班 中班 大班', () => {
    expect(grid(table)).toEqual({
      '01': [4, 1, 2, 0, 1], // 班数
      '02': [113, 20, 58, 0, 35], // 在园幼儿数
      '03': [55, 9, 29, 0, 17], // #女
      '04': [3, 0, 3, 0, 0], // #少数民族
      '05': [3, 0, 1, 0, 2], // #残疾幼儿
      '06': [60, 20, 40, null, null], // 入园幼儿数, entered as typed
      '07': [null, null, null, null, 33], // 离园幼儿数
    });
  });
  it('rows 01–05 are computed, 06–07 entered in every column', () => {
    for (const r of table.rows) expect(r.cells.every((c) => c.kind === (r.code < '06' ? 'computed' : 'entered')), r.code).toBe(true);
  });
});
