// The exported 教基3115, 3118, 2107, 普通高中班额情况, 幼儿园班数和幼儿数 and 残疾学生情况 against
// FORMS.md §0, §1.3–§1.5 and §1.9, read back cell by cell with SheetJS: title, 填报单位 and
// 统计时点/单位 line, headers, 甲/乙/1… row, row labels and codes (as text), blocked "-" cells,
// figures, the signature line and the merges.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import type { SchoolProfile } from '../../shared/model/school';
import { studentData } from '../fixtures/student-classes';
import { merges, readBook, t, v } from '../fixtures/xlsx-inspect';

const pack = seedPacks().get('luojiang')!;
const NOW = new Date('2025-09-16T08:00:00Z');
const profile = (type: string, name: string): SchoolProfile => ({
  code: '5106260009', name, type, sponsor: '公办', ...(type === '幼儿园' ? { puhui: true } : {}), township: '万安街道',
  urbanRural: '城区', head: '张明', statHead: '李华', filler: '王芳', phone: '0838-6212345', packId: 'luojiang',
});
const SIGN = '单位负责人：张明　统计负责人：李华　填表人：王芳　报出日期：2025-09-15';
const UNIT = (u: string) => `统计时点：2025年9月1日　单位：${u}`;
const col = (i: number) => String.fromCharCode(65 + i); // 0 → A
const rowOf = (ws: XLSX.WorkSheet, r: number, n: number) => Array.from({ length: n }, (_, i) => v(ws, `${col(i)}${r}`) ?? null);

// FORMS.md §1.3 rows, verbatim (a full-width space indents the sub-rows)
const ROWS_311X = [
  ['总计', '01'], ['#女', '02'], ['#少数民族', '03'], ['#复式班', '04'], ['#寄宿生', '05'], ['#随迁子女', '06'],
  ['　外省迁入', '07'], ['　本省外县迁入', '08'], ['#进城务工人员随迁子女', '09'], ['　外省迁入', '10'],
  ['　本省外县迁入', '11'], ['#农村留守儿童', '12'], ['#残疾学生(随班就读)', '13'],
];
const HEAD_311X = ['指标名称', '代码', '毕业生数', '招生数', '在校生数', '#女', '一年级', '二年级', '三年级', '预计毕业生数'];
// FORMS.md §1.4
const BINS = ['总计', '25人及以下', '26-30人', '31-35人', '36-40人', '41-45人', '46-50人', '51-55人', '56-60人', '61-65人', '66人及以上']
  .map((label, i) => [label, String(i + 1).padStart(2, '0')]);
const HEAD_BE = ['指标名称', '代码', '合计', '一年级', '二年级', '三年级'];
// FORMS.md §1.5 and §1.9
const ROWS_KG = [['班数', '01'], ['在园幼儿数', '02'], ['#女', '03'], ['#少数民族', '04'], ['#残疾幼儿', '05'], ['入园幼儿数', '06'], ['离园幼儿数', '07']];
const HEAD_KG = ['指标名称', '代码', '合计', '托班', '小班', '中班', '大班'];
const ROWS_CJ = [['总计', '01'], ['视力残疾', '02'], ['听力残疾', '03'], ['言语残疾', '04'], ['肢体残疾', '05'], ['智力残疾', '06'], ['精神残疾', '07'], ['多重残疾', '08']];
const HEAD_CJ = ['指标名称', '代码', '合计', '#女', '随班就读', '特教班', '送教上门'];

interface Layout {
  title: string;
  unit: string;
  headers: string[];
  rows: string[][];
  /** cells holding "-" (blocked); every other data cell must not */
  blocked: string[];
}

/** The layout rules every one of these sheets shares: one header row, numbers on row 4, data from row 5. */
function expectLayout(ws: XLSX.WorkSheet, name: string, L: Layout) {
  const W = L.headers.length;
  const last = 4 + L.rows.length;
  const mid = Math.max(2, Math.floor(W / 2)); // the 统计时点/单位 cell starts half way
  expect(v(ws, 'A1')).toBe(L.title);
  expect(v(ws, 'A2')).toBe(`填报单位：${name}`);
  expect(v(ws, `${col(mid)}2`)).toBe(UNIT(L.unit));
  expect(rowOf(ws, 3, W)).toEqual(L.headers);
  expect(rowOf(ws, 4, W)).toEqual(['甲', '乙', ...Array.from({ length: W - 2 }, (_, i) => String(i + 1))]);
  L.rows.forEach(([label, code], i) => {
    expect(v(ws, `A${5 + i}`)).toBe(label);
    expect(v(ws, `B${5 + i}`)).toBe(code);
    expect(t(ws, `B${5 + i}`)).toBe('s'); // 代码 as text: "01", not 1
  });
  const dashes: string[] = [];
  for (let r = 5; r <= last; r++) for (let c = 2; c < W; c++) if (v(ws, `${col(c)}${r}`) === '-') dashes.push(`${col(c)}${r}`);
  expect(dashes).toEqual(L.blocked);
  expect(v(ws, `A${last + 1}`)).toBeUndefined();
  expect(v(ws, `A${last + 2}`)).toBe(SIGN);
  expect(merges(ws)).toEqual([`A1:${col(W - 1)}1`, `A2:${col(mid - 1)}2`, `${col(mid)}2:${col(W - 1)}2`, `A${last + 2}:${col(W - 1)}${last + 2}`].sort());
}

describe('a 十二年一贯制学校: 3115, 3118, 2107, 普通高中班额情况, 残疾学生情况', () => {
  let book: XLSX.WorkBook;
  const NAME = '罗江区博雅学校';
  beforeAll(async () => {
    const data = studentData({
      jj3115: { '01:graduates': 170, '03:female': 2 },
      jj3118: { '01:enrol': 50 },
      // 随班就读 5 agrees with the list: P1 1 + J1 1 + J3 2 + H2 1; 2 more are taught at home
      disabledStudents: { '01:total': 7, '01:female': 3, '01:inClass': 5, '01:homeTeaching': 2, '06:total': 7, '06:female': 3, '06:inClass': 5, '06:homeTeaching': 2 },
    });
    const r = await exportReport({ pack, school: profile('十二年一贯制学校', NAME), data, appVersion: '9.9.9', now: NOW });
    book = readBook(r.bytes);
  });

  it('教基3115 初中分类型学生数: layout, #女 of 02 blocked, figures', () => {
    const ws = book.Sheets['教基3115 初中分类型学生数']!;
    expectLayout(ws, NAME, { title: '教基3115 初中分类型学生数', unit: '人', headers: HEAD_311X, rows: ROWS_311X, blocked: ['F6'] });
    expect(rowOf(ws, 5, 10).slice(2)).toEqual([170, null, 181, 89, 100, 24, 57, 57]);
    expect(v(ws, 'F7')).toBe(2); // #女 of #少数民族, entered
    expect(v(ws, 'E8')).toBe(24); // #复式班 在校生数
  });

  it('教基3118 普通高中分类型学生数: same layout, its own figures', () => {
    const ws = book.Sheets['教基3118 普通高中分类型学生数']!;
    expectLayout(ws, NAME, { title: '教基3118 普通高中分类型学生数', unit: '人', headers: HEAD_311X, rows: ROWS_311X, blocked: ['F6'] });
    expect(rowOf(ws, 5, 10).slice(2)).toEqual([null, 50, 147, 72, 50, 0, 97, 97]);
    expect(rowOf(ws, 9, 10).slice(2)).toEqual([null, null, 125, null, 45, 0, 80, 80]); // #寄宿生
  });

  it('教基2107 初中班额情况 and 普通高中班额情况: unit 个, 合计 + one column per 年级', () => {
    const j = book.Sheets['教基2107 初中班额情况']!;
    expectLayout(j, NAME, { title: '教基2107 初中班额情况', unit: '个', headers: HEAD_BE, rows: BINS, blocked: [] });
    expect(rowOf(j, 5, 6).slice(2)).toEqual([4, 2, 1, 1]);
    expect(rowOf(j, 13, 6).slice(2)).toEqual([1, 0, 0, 1]); // 56-60人: J3 57
    const h = book.Sheets['普通高中班额情况']!;
    expectLayout(h, NAME, { title: '普通高中班额情况', unit: '个', headers: HEAD_BE, rows: BINS, blocked: [] });
    expect(rowOf(h, 15, 6).slice(2)).toEqual([1, 0, 0, 1]); // 66人及以上: H2 66
  });

  it('残疾学生情况: entered figures only, nothing blocked', () => {
    const ws = book.Sheets['残疾学生情况']!;
    expectLayout(ws, NAME, { title: '残疾学生情况', unit: '人', headers: HEAD_CJ, rows: ROWS_CJ, blocked: [] });
    expect(rowOf(ws, 5, 7).slice(2)).toEqual([7, 3, 5, null, 2]);
    expect(rowOf(ws, 10, 7).slice(2)).toEqual([7, 3, 5, null, 2]); // 智力残疾
    expect(rowOf(ws, 6, 7).slice(2)).toEqual([null, null, null, null, null]);
  });
});

describe('a 幼儿园: 幼儿园班数和幼儿数', () => {
  it('layout, unit line for 班数 and 幼儿数, computed and entered figures', async () => {
    const NAME = '罗江区实验幼儿园';
    const data = studentData({ kgClasses: { '06:total': 60, '06:g1': 20, '06:g2': 40, '07:total': 33, '07:g4': 33 } });
    const r = await exportReport({ pack, school: profile('幼儿园', NAME), data, appVersion: '9.9.9', now: NOW });
    const ws = readBook(r.bytes).Sheets['幼儿园班数和幼儿数']!;
    expectLayout(ws, NAME, { title: '幼儿园班数和幼儿数', unit: '班数为个，幼儿数为人', headers: HEAD_KG, rows: ROWS_KG, blocked: [] });
    expect(rowOf(ws, 5, 7).slice(2)).toEqual([4, 1, 2, 0, 1]);
    expect(rowOf(ws, 6, 7).slice(2)).toEqual([113, 20, 58, 0, 35]);
    expect(rowOf(ws, 10, 7).slice(2)).toEqual([60, 20, 40, null, null]);
    expect(rowOf(ws, 11, 7).slice(2)).toEqual([33, null, null, null, 33]);
  });
});
