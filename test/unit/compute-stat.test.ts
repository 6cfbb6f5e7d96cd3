// 教基3112 and 教基2106 computed from a four-class list, against figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { computeStatTable, tableValue } from '../../shared/compute/stat-table';
import type { StatSheet } from '../../shared/pack/schema';
import { CLASSES, xncData } from '../fixtures/small-school';

const pack = seedPacks().get('luojiang')!;
const jj3112 = pack.sheets.jj3112 as StatSheet;
const jj2106 = pack.sheets.jj2106 as StatSheet;
const G = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];

/** row code → [在校生数, 一年级…六年级, 预计毕业生数], by hand from CLASSES */
const EXPECTED_3112: Record<string, number[]> = {
  '01': [180, 78, 0, 45, 0, 0, 57, 57],
  '02': [93, 38, 0, 25, 0, 0, 30, 30],
  '03': [6, 2, 0, 1, 0, 0, 3, 3],
  '04': [45, 0, 0, 45, 0, 0, 0, 0],
  '05': [3, 1, 0, 2, 0, 0, 0, 0],
  '06': [11, 6, 0, 1, 0, 0, 4, 4],
  '07': [6, 3, 0, 1, 0, 0, 2, 2],
  '08': [5, 3, 0, 0, 0, 0, 2, 2],
  '09': [8, 4, 0, 1, 0, 0, 3, 3],
  '10': [4, 1, 0, 1, 0, 0, 2, 2],
  '11': [4, 3, 0, 0, 0, 0, 1, 1],
  '12': [14, 8, 0, 0, 0, 0, 6, 6],
  '13': [3, 1, 0, 2, 0, 0, 0, 0],
};

describe('教基3112 小学分类型学生数 from 班级名册', () => {
  // a 初中 class must not leak into the 小学 table
  const rows = [...CLASSES, { id: 'x', stage: '初中', grade: '一年级', className: '初一1班', students: 50, female: 25 }];
  const table = computeStatTable(jj3112, xncData(rows, { '01:graduates': 61, '03:female': 3 }));

  it.each(Object.entries(EXPECTED_3112))('row %s: 在校生数, grades and 预计毕业生数', (code, [total, ...rest]) => {
    const grades = rest.slice(0, 6);
    const expected = rest[6];
    expect(tableValue(table, code, 'total')).toBe(total);
    expect(G.map((g) => tableValue(table, code, g))).toEqual(grades);
    expect(tableValue(table, code, 'expected')).toBe(expected);
  });

  it('#女 column: computed on 01 (= row 02 在校生数), blocked on 02, entered on 03–13', () => {
    expect(tableValue(table, '01', 'female')).toBe(93);
    const row02 = table.rows.find((r) => r.code === '02')!;
    expect(row02.cells.find((c) => c.key === 'female')!.kind).toBe('blocked');
    expect(tableValue(table, '03', 'female')).toBe(3);
    expect(tableValue(table, '04', 'female')).toBeNull();
  });

  it('毕业生数 and 招生数 are entered cells, kept as typed', () => {
    expect(tableValue(table, '01', 'graduates')).toBe(61);
    for (const r of table.rows) {
      for (const key of ['graduates', 'enrol', 'pre0', 'pre1', 'pre2', 'pre3'])
        expect(r.cells.find((c) => c.key === key)!.kind).toBe('entered');
    }
  });
});

describe('教基2106 小学班额情况 from 班级名册', () => {
  const table = computeStatTable(jj2106, xncData());
  // sizes: 40 and 38 (一年级, 36-40人), 45 (三年级, 41-45人), 57 (六年级, 56-60人)
  const expected: Record<string, Record<string, number>> = {
    '01': { total: 4, g1: 2, g3: 1, g6: 1 },
    '05': { total: 2, g1: 2 },
    '06': { total: 1, g3: 1 },
    '09': { total: 1, g6: 1 },
  };
  it('every cell equals the hand count (0 where no class falls)', () => {
    for (const row of jj2106.rows)
      for (const col of ['total', ...G]) expect([row.code, col, tableValue(table, row.code, col)]).toEqual([row.code, col, expected[row.code]?.[col] ?? 0]);
  });
  it('bins are inclusive at both ends: 25 → 02, 26 → 03, 65 → 10, 66 → 11', () => {
    const rows = [25, 26, 65, 66].map((n, i) => ({ id: String(i), stage: '小学', grade: '二年级', className: 'x', students: n }));
    const t = computeStatTable(jj2106, xncData(rows));
    expect(['02', '03', '10', '11'].map((c) => tableValue(t, c, 'g2'))).toEqual([1, 1, 1, 1]);
    expect(tableValue(t, '04', 'g2')).toBe(0);
  });
});
