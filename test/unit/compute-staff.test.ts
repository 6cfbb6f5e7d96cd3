// 教基4149, 4148, 4153 and 4155 computed from small hand-made 教职工名册 (test/fixtures/staff-school.ts),
// every cell against figures worked out by hand. Ages are 周岁 on 2025-09-01.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { findSubmission, sheetsFor } from '../../shared/pack/applicability';
import { computeStatTable, type StatTable } from '../../shared/compute/stat-table';
import type { StatSheet } from '../../shared/pack/schema';
import { KINDERGARTEN_STAFF, NINE_YEAR_STAFF, staffData } from '../fixtures/staff-school';

const pack = seedPacks().get('luojiang')!;
const xnc = findSubmission(pack, 'XNC')!;
/** the sheet as a school of this type sees it (学段 blocks expanded) */
const sheetFor = (type: string, id: string) => sheetsFor(pack, xnc, type).find((s) => s.id === id) as StatSheet;

type Row = Record<string, number | '-'>;
/** Every cell of the table against the hand figures: a column not named is 0, '-' is a blocked cell. */
function expectTable(table: StatTable, expected: Record<string, Row>) {
  // two-digit codes sort as text ("10".."18" would otherwise come first: JS orders integer-like keys)
  expect(table.rows.map((r) => r.code)).toEqual(Object.keys(expected).sort());
  for (const row of table.rows) {
    const got = Object.fromEntries(row.cells.map((c) => [c.key, c.kind === 'blocked' ? '-' : c.value]));
    const want = Object.fromEntries(table.sheet.columns.map((c) => [c.key, expected[row.code]![c.key] ?? 0]));
    expect([row.code, got]).toEqual([row.code, want]);
  }
}

describe('教基4149 中小学教职工 (九年一贯制学校)', () => {
  const table = computeStatTable(sheetFor('九年一贯制学校', 'jj4149'), staffData(NINE_YEAR_STAFF));
  it('counts staff by category; 教职工数 leaves out 校外教师 and 银龄教师', () => {
    // 12 专任教师 (s1–s9, s16–s18), one each of 行政/教辅/工勤/其他, and 另有 one 校外 (s14) and one 银龄 (s15)
    expectTable(table, {
      '01': { staff: 16, teachers: 12, admin: 1, support: 1, workers: 1, other: 1, external: 1, silver: 1 },
      // women: teachers s1 s3 s4 s6 s8 s16 s17, 行政 s10, 其他 s13, 银龄 s15
      '02': { staff: 9, teachers: 7, admin: 1, other: 1, silver: 1 },
      // 羌族 s3, 藏族 s5, 彝族 s17 (teachers), 回族 s10 (行政)
      '03': { staff: 4, teachers: 3, admin: 1 },
      // 在编: every teacher but s3, and s10, s11
      '04': { staff: 13, teachers: 11, admin: 1, support: 1 },
    });
  });
});

describe('教基4148 幼儿园教职工', () => {
  const table = computeStatTable(sheetFor('幼儿园', 'jj4148'), staffData(KINDERGARTEN_STAFF));
  it('counts the 幼儿园 categories 园长, 专任教师, 保健医, 保育员, 其他', () => {
    expectTable(table, {
      '01': { staff: 8, principal: 1, teachers: 3, doctor: 1, nurse: 2, other: 1 },
      '02': { staff: 6, principal: 1, teachers: 2, doctor: 1, nurse: 2 }, // k1 k2 k3 k5 k6 k7
      '03': { staff: 2, teachers: 1, nurse: 1 }, // 苗族 k3, 土家族 k6
      '04': { staff: 4, principal: 1, teachers: 2, doctor: 1 }, // k1 k2 k4 k5
    });
  });
});

describe('教基4153 专任教师分年龄情况', () => {
  it('九年一贯制学校: a 小学 block 01–09 and an 初中 block 10–18, only 专任教师', () => {
    const sheet = sheetFor('九年一贯制学校', 'jj4153');
    expect(sheet.rows.map((r) => [r.code, r.label])).toEqual([
      ['01', '小学'], ['02', '　#女'], ['03', '　#少数民族'], ['04', '正高级'], ['05', '副高级'], ['06', '中级'], ['07', '助理级'], ['08', '员级'], ['09', '未定职级'],
      ['10', '初中'], ['11', '　#女'], ['12', '　#少数民族'], ['13', '正高级'], ['14', '副高级'], ['15', '中级'], ['16', '助理级'], ['17', '员级'], ['18', '未定职级'],
    ]);
    // 小学: s1 35, s2 24, s3 24, s4 60, s17 31, s18 56 — 初中: s5 55, s6 39, s7 29, s8 45, s9 50, s16 42
    expectTable(computeStatTable(sheet, staffData(NINE_YEAR_STAFF)), {
      '01': { total: 6, female: 4, a24: 2, a30: 1, a35: 1, a55: 1, a60: 1 },
      '02': { total: 4, female: '-', a24: 1, a30: 1, a35: 1, a60: 1 },
      '03': { total: 2, female: 2, a24: 1, a30: 1 },
      '04': {},
      '05': { total: 2, female: 1, a55: 1, a60: 1 },
      '06': { total: 2, female: 2, a30: 1, a35: 1 },
      '07': { total: 1, female: 1, a24: 1 },
      '08': {},
      '09': { total: 1, a24: 1 },
      '10': { total: 6, female: 3, a25: 1, a35: 1, a40: 1, a45: 1, a50: 1, a55: 1 },
      '11': { total: 3, female: '-', a35: 1, a40: 1, a45: 1 },
      '12': { total: 1, a55: 1 },
      '13': { total: 1, a55: 1 },
      '14': { total: 1, female: 1, a45: 1 },
      '15': { total: 2, female: 2, a35: 1, a40: 1 },
      '16': { total: 1, a25: 1 },
      '17': { total: 1, a50: 1 },
      '18': {},
    });
  });

  it('幼儿园: one 学前教育 block 01–09', () => {
    const sheet = sheetFor('幼儿园', 'jj4153');
    expect(sheet.rows.map((r) => r.label)).toEqual(['学前教育', '　#女', '　#少数民族', '正高级', '副高级', '中级', '助理级', '员级', '未定职级']);
    // k2 27, k3 21, k4 35; the 园长 k1 is not a 专任教师
    expectTable(computeStatTable(sheet, staffData(KINDERGARTEN_STAFF)), {
      '01': { total: 3, female: 2, a24: 1, a25: 1, a35: 1 },
      '02': { total: 2, female: '-', a24: 1, a25: 1 },
      '03': { total: 1, female: 1, a24: 1 },
      '04': {}, '05': {},
      '06': { total: 1, a35: 1 },
      '07': { total: 1, female: 1, a25: 1 },
      '08': {},
      '09': { total: 1, female: 1, a24: 1 },
    });
  });

  it('the 60岁及以上 band starts at 60 and a birthday in September counts as had on 9月1日', () => {
    const sheet = sheetFor('小学', 'jj4153');
    const one = (birth: string) => staffData([{ ...NINE_YEAR_STAFF[0]!, birth }]);
    const band = (birth: string) => computeStatTable(sheet, one(birth)).rows[0]!.cells.filter((c) => c.value === 1).map((c) => c.key);
    expect(band('1965-09')).toEqual(['total', 'female', 'a60']); // 60 on 2025-09-01
    expect(band('1965-10')).toEqual(['total', 'female', 'a55']); // 59
    expect(band('2000-09')).toEqual(['total', 'female', 'a25']); // 25
    expect(band('2000-10')).toEqual(['total', 'female', 'a24']); // 24
  });
});

describe('教基4155 专任教师分课程、分学历情况 (九年一贯制学校)', () => {
  const sheet = sheetFor('九年一贯制学校', 'jj4155');
  it('two blocks with codes running on, 学历 rows', () => {
    expect(sheet.rows.map((r) => `${r.code} ${r.label}`)).toEqual([
      '01 小学', '02 　#女', '03 　#少数民族', '04 博士研究生', '05 硕士研究生', '06 本科', '07 专科', '08 高中阶段', '09 高中阶段以下',
      '10 初中', '11 　#女', '12 　#少数民族', '13 博士研究生', '14 硕士研究生', '15 本科', '16 专科', '17 高中阶段', '18 高中阶段以下',
    ]);
  });

  it('each teacher once under the subject; 英语/日语/俄语 and other languages also under 外语, 音乐/美术 under 艺术', () => {
    // 小学: s1 语文 本科 女, s2 数学 专科, s3 英语 本科 女 羌族, s4 音乐 专科 女, s17 英语 硕士 女 彝族, s18 道德与法治 本科
    // 初中: s5 数学 硕士 藏族, s6 俄语 本科 女, s7 外语 本科, s8 美术 博士 女, s9 本学年不授课 高中阶段, s16 日语 本科 女
    expectTable(computeStatTable(sheet, staffData(NINE_YEAR_STAFF)), {
      '01': { total: 6, female: 4, moral: 1, chinese: 1, math: 1, foreignLang: 2, english: 2, arts: 1, music: 1 },
      '02': { total: 4, female: '-', chinese: 1, foreignLang: 2, english: 2, arts: 1, music: 1 },
      '03': { total: 2, female: 2, foreignLang: 2, english: 2 },
      '04': {},
      '05': { total: 1, female: 1, foreignLang: 1, english: 1 },
      '06': { total: 3, female: 2, moral: 1, chinese: 1, foreignLang: 1, english: 1 },
      '07': { total: 2, female: 1, math: 1, arts: 1, music: 1 },
      '08': {}, '09': {},
      '10': { total: 6, female: 3, math: 1, foreignLang: 3, japanese: 1, russian: 1, arts: 1, fineArts: 1, noTeaching: 1 },
      '11': { total: 3, female: '-', foreignLang: 2, japanese: 1, russian: 1, arts: 1, fineArts: 1 },
      '12': { total: 1, math: 1 },
      '13': { total: 1, female: 1, arts: 1, fineArts: 1 },
      '14': { total: 1, math: 1 },
      '15': { total: 3, female: 2, foreignLang: 3, japanese: 1, russian: 1 },
      '16': {},
      '17': { total: 1, noTeaching: 1 },
      '18': {},
    });
  });
});

describe('which staff sheets a school fills', () => {
  const ids = (type: string) => sheetsFor(pack, xnc, type).map((s) => s.id).filter((id) => id === 'staffList' || /^jj41/.test(id));
  it('幼儿园: 4148 and 4153 (学前教育); schools: 4149, 4153 and 4155', () => {
    expect(ids('幼儿园')).toEqual(['staffList', 'jj4148', 'jj4153']);
    for (const type of ['小学', '初级中学', '九年一贯制学校', '完全中学', '高级中学', '十二年一贯制学校', '特殊教育学校'])
      expect(ids(type), type).toEqual(['staffList', 'jj4149', 'jj4153', 'jj4155']);
  });
  it('十二年一贯制学校: blocks 小学, 初中, 普通高中 in that order, 27 rows', () => {
    const rows = sheetFor('十二年一贯制学校', 'jj4153').rows;
    expect(rows.filter((_, i) => i % 9 === 0).map((r) => [r.code, r.label])).toEqual([['01', '小学'], ['10', '初中'], ['19', '普通高中']]);
    expect(rows.at(-1)!.code).toBe('27');
  });
});
