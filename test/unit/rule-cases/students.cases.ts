// The rules of 教基3115, 3118, 2107, 普通高中班额情况, 幼儿园班数和幼儿数 and 残疾学生情况
// (FORMS.md §1.3–§1.5, §1.9, §4): a passing and a failing case each, from small hand-made data.
// Cells: one header row, so codes 01, 02… sit on sheet rows 5, 6…; column C is the first data column.
// 3115/3118: C 毕业生数, D 招生数, E 在校生数, F #女. 班额: C 合计, D–F 一至三年级.
// 幼儿园: C 合计, D 托班, E 小班, F 中班, G 大班. 残疾学生情况: C 合计, D #女, E 随班就读, F 特教班, G 送教上门.
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import { statError, type RuleCase } from './kit';

/** A valid class (all figures ≤ 学生数, 进城务工 ≤ 随迁). */
const full = (id: string, stage: string, grade: string, over: Partial<LedgerRow> = {}): LedgerRow => ({
  id, stage, grade, className: `${grade}（${id}）班`, students: 45, female: 21, minority: 1, boarding: 0, migrantOut: 2,
  migrantIn: 3, workerOut: 1, workerIn: 2, leftBehind: 4, disabled: 0, multiGrade: '否', headTeacher: '王芳', remark: null, ...over,
});
/** A class with only 学段/年级/名称 and 学生数. */
const bare = (id: string, stage: string, grade: string, students: LedgerRow['students']): LedgerRow => ({
  id, stage, grade, className: `${grade}（${id}）班`, students,
});

function xnc(rows: LedgerRow[], sheetId?: string, cells: Record<string, number> = {}, period = '2025-2026'): PeriodData {
  return { submission: 'XNC', period, status: '草稿', version: 0, sheets: { classList: { rows }, ...(sheetId ? { [sheetId]: { cells } } : {}) } };
}

// 初中: 85 students; row 03 (少数民族) 2; row 06 (随迁) 10 = 4 外省 + 6 本省
const junior = [full('c0', '初中', '一年级'), full('c1', '初中', '二年级', { students: 40, female: 19 })];
// 普通高中: the same, with 寄宿生 20 + 18 = 38 (row 05)
const senior = [full('h0', '普通高中', '一年级', { boarding: 20 }), full('h1', '普通高中', '二年级', { students: 40, female: 19, boarding: 18 })];
// 幼儿园: 小班 30 (14 girls), 大班 32 (15 girls, 1 残疾)
const kg = (over: Partial<LedgerRow> = {}) => [
  { ...bare('k0', '学前', '小班', 30), female: 14, minority: 1, disabled: 0, ...over },
  { ...bare('k1', '学前', '大班', 32), female: 15, minority: 0, disabled: 1 },
];
const primary = [full('p0', '小学', '一年级'), full('p1', '小学', '二年级', { students: 40, female: 19 })];

const J = '初级中学';
const H = '高级中学';
const t3115 = (code: string, col: string, cell: string, says?: string) => statError('jj3115', code, col, cell, says);
const t3118 = (code: string, col: string, cell: string, says?: string) => statError('jj3118', code, col, cell, says);
const t2107 = (code: string, col: string, cell: string, says?: string) => statError('jj2107', code, col, cell, says);
const tGz = (code: string, col: string, cell: string, says?: string) => statError('hsClassSize', code, col, cell, says);
const tKg = (code: string, col: string, cell: string, says?: string) => statError('kgClasses', code, col, cell, says);
const tCj = (code: string, col: string, cell: string, says?: string) => statError('disabledStudents', code, col, cell, says);

const migrants = { '01:graduates': 10, '06:graduates': 5, '07:graduates': 2, '08:graduates': 3, '09:graduates': 4, '10:graduates': 1 };

export const CASES: RuleCase[] = [
  // ---- 教基3115 初中分类型学生数 ----
  {
    rule: 'XNC-3115-01', name: '#少数民族 毕业生数 > 总计',
    pass: { type: J, data: xnc(junior, 'jj3115', { '01:graduates': 5, '03:graduates': 5 }) },
    fail: { type: J, data: xnc(junior, 'jj3115', { '01:graduates': 5, '03:graduates': 6 }) },
    expect: [t3115('03', 'graduates', 'C7', '（6 > 总计 5）')],
  },
  {
    rule: 'XNC-3115-02', name: '随迁子女 招生数 ≠ 外省迁入 + 本省外县迁入',
    // 总计 招生数 45 = the 45 pupils of 一年级, so XNC-3115-W02 stays quiet
    pass: { type: J, data: xnc(junior, 'jj3115', { '01:enrol': 45, '06:enrol': 5, '07:enrol': 2, '08:enrol': 3 }) },
    fail: { type: J, data: xnc(junior, 'jj3115', { '01:enrol': 45, '06:enrol': 5, '07:enrol': 2, '08:enrol': 2 }) },
    expect: [t3115('06', 'enrol', 'D10', '（5 ≠ 4）')],
  },
  {
    rule: 'XNC-3115-03', name: '进城务工人员随迁子女 毕业生数 ≠ 外省迁入 + 本省外县迁入',
    pass: { type: J, data: xnc(junior, 'jj3115', { ...migrants, '11:graduates': 3 }) },
    fail: { type: J, data: xnc(junior, 'jj3115', { ...migrants, '11:graduates': 2 }) },
    expect: [t3115('09', 'graduates', 'C13', '（4 ≠ 3）')],
  },
  {
    rule: 'XNC-3115-04', name: '进城务工人员随迁子女 > 随迁子女',
    pass: { type: J, data: xnc(junior, 'jj3115', { '01:graduates': 10, '06:graduates': 3, '07:graduates': 1, '08:graduates': 2, '09:graduates': 3, '10:graduates': 1, '11:graduates': 2 }) },
    fail: { type: J, data: xnc(junior, 'jj3115', { '01:graduates': 10, '06:graduates': 3, '07:graduates': 1, '08:graduates': 2, '09:graduates': 4, '10:graduates': 2, '11:graduates': 2 }) },
    expect: [t3115('09', 'graduates', 'C13', '（4 > #随迁子女 3）')],
  },
  {
    rule: 'XNC-3115-05', name: '#少数民族 row: #女 > 在校生数 (1 + 1)',
    pass: { type: J, data: xnc(junior, 'jj3115', { '03:female': 2 }) },
    fail: { type: J, data: xnc(junior, 'jj3115', { '03:female': 3 }) },
    expect: [t3115('03', 'female', 'F7', '（3 > 在校生数 2）')],
  },
  {
    rule: 'XNC-3115-W01', name: '在校生数 +25% against last 学年 warns, +10% does not',
    pass: {
      type: J, data: xnc([bare('a', '初中', '一年级', 40), bare('b', '初中', '二年级', 35), bare('c', '初中', '三年级', 35)]),
      previous: xnc([bare('a', '初中', '一年级', 50), bare('b', '初中', '二年级', 50)], undefined, {}, '2024-2025'),
    },
    fail: {
      type: J, data: xnc([bare('a', '初中', '一年级', 45), bare('b', '初中', '二年级', 40), bare('c', '初中', '三年级', 40)]),
      previous: xnc([bare('a', '初中', '一年级', 50), bare('b', '初中', '二年级', 50)], undefined, {}, '2024-2025'),
    },
    expect: [{ ...t3115('01', 'total', 'E5', '上期 100，本期 125，变化 25.0%'), severity: 'warning' }],
  },
  // ---- 教基3118 普通高中分类型学生数 ----
  {
    rule: 'XNC-3118-01', name: '#农村留守儿童 招生数 > 总计',
    pass: { type: H, data: xnc(senior, 'jj3118', { '01:enrol': 44, '12:enrol': 44 }) },
    fail: { type: H, data: xnc(senior, 'jj3118', { '01:enrol': 44, '12:enrol': 45 }) },
    expect: [t3118('12', 'enrol', 'D16', '（45 > 总计 44）')],
  },
  {
    rule: 'XNC-3118-02', name: '随迁子女 #女 ≠ 外省迁入 + 本省外县迁入',
    pass: { type: H, data: xnc(senior, 'jj3118', { '06:female': 5, '07:female': 2, '08:female': 3 }) },
    fail: { type: H, data: xnc(senior, 'jj3118', { '06:female': 5, '07:female': 2, '08:female': 2 }) },
    expect: [t3118('06', 'female', 'F10', '（5 ≠ 4）')],
  },
  {
    rule: 'XNC-3118-03', name: '进城务工人员随迁子女 招生数 ≠ 外省迁入 + 本省外县迁入',
    pass: { type: H, data: xnc(senior, 'jj3118', { '01:enrol': 45, '06:enrol': 5, '07:enrol': 2, '08:enrol': 3, '09:enrol': 4, '10:enrol': 1, '11:enrol': 3 }) },
    fail: { type: H, data: xnc(senior, 'jj3118', { '01:enrol': 45, '06:enrol': 5, '07:enrol': 2, '08:enrol': 3, '09:enrol': 4, '10:enrol': 0, '11:enrol': 3 }) },
    expect: [t3118('09', 'enrol', 'D13', '（4 ≠ 3）')],
  },
  {
    rule: 'XNC-3118-04', name: '进城务工人员随迁子女 招生数 > 随迁子女',
    pass: { type: H, data: xnc(senior, 'jj3118', { '01:enrol': 45, '06:enrol': 3, '07:enrol': 1, '08:enrol': 2, '09:enrol': 3, '10:enrol': 1, '11:enrol': 2 }) },
    fail: { type: H, data: xnc(senior, 'jj3118', { '01:enrol': 45, '06:enrol': 3, '07:enrol': 1, '08:enrol': 2, '09:enrol': 4, '10:enrol': 2, '11:enrol': 2 }) },
    expect: [t3118('09', 'enrol', 'D13', '（4 > #随迁子女 3）')],
  },
  {
    rule: 'XNC-3118-05', name: '#寄宿生 row: #女 > 在校生数 (20 + 18)',
    pass: { type: H, data: xnc(senior, 'jj3118', { '05:female': 38 }) },
    fail: { type: H, data: xnc(senior, 'jj3118', { '05:female': 39 }) },
    expect: [t3118('05', 'female', 'F9', '（39 > 在校生数 38）')],
  },
  {
    rule: 'XNC-3118-W01', name: '在校生数 −25% against last 学年 warns, −10% does not',
    pass: {
      type: H, data: xnc([bare('a', '普通高中', '二年级', 45), bare('b', '普通高中', '三年级', 45)]),
      previous: xnc([bare('a', '普通高中', '一年级', 50), bare('b', '普通高中', '二年级', 50)], undefined, {}, '2024-2025'),
    },
    fail: {
      type: H, data: xnc([bare('a', '普通高中', '二年级', 40), bare('b', '普通高中', '三年级', 35)]),
      previous: xnc([bare('a', '普通高中', '一年级', 50), bare('b', '普通高中', '二年级', 50)], undefined, {}, '2024-2025'),
    },
    expect: [{ ...t3118('01', 'total', 'E5', '上期 100，本期 75，变化 25.0%'), severity: 'warning' }],
  },
  // ---- 教基2107 初中班额情况 ----
  {
    rule: 'XNC-2107-01', name: 'a class without 学生数 counts in 总计 but in no size band',
    pass: { type: J, data: xnc([bare('c0', '初中', '三年级', 45), bare('c1', '初中', '一年级', 40)]) },
    fail: { type: J, data: xnc([bare('c0', '初中', '三年级', null), bare('c1', '初中', '一年级', 40)]) },
    expect: [t2107('01', 'total', 'C5', '（2 ≠ 1）'), t2107('01', 'g3', 'F5', '（1 ≠ 0）')],
    others: [['XNC-BJMC-REQ', 'E4']],
  },
  {
    rule: 'XNC-2107-02', name: 'a class of no 初中 grade counts in 合计 but in no grade column',
    pass: { type: J, data: xnc([bare('c0', '初中', '三年级', 52), bare('c1', '初中', '一年级', 40)]) },
    fail: { type: J, data: xnc([bare('c0', '初中', '四年级', 52), bare('c1', '初中', '一年级', 40)]) },
    // 52 students: row 08, 51-55人
    expect: [t2107('01', 'total', 'C5', '（2 ≠ 1）'), t2107('08', 'total', 'C12', '（1 ≠ 0）')],
    others: [['XNC-BJMC-ENUM', 'C4']],
  },
  // ---- 普通高中班额情况 (a 完全中学) ----
  {
    rule: 'XNC-GZBE-01', name: 'a class without 学生数 counts in 总计 but in no size band',
    pass: { type: '完全中学', data: xnc([bare('h0', '普通高中', '二年级', 48), bare('h1', '普通高中', '一年级', 50)]) },
    fail: { type: '完全中学', data: xnc([bare('h0', '普通高中', '二年级', null), bare('h1', '普通高中', '一年级', 50)]) },
    expect: [tGz('01', 'total', 'C5', '（2 ≠ 1）'), tGz('01', 'g2', 'E5', '（1 ≠ 0）')],
    others: [['XNC-BJMC-REQ', 'E4']],
  },
  {
    rule: 'XNC-GZBE-02', name: 'a class of no 普通高中 grade counts in 合计 but in no grade column',
    pass: { type: '完全中学', data: xnc([bare('h0', '普通高中', '三年级', 50), bare('h1', '普通高中', '一年级', 40)]) },
    fail: { type: '完全中学', data: xnc([bare('h0', '普通高中', '四年级', 50), bare('h1', '普通高中', '一年级', 40)]) },
    // 50 students: row 07, 46-50人
    expect: [tGz('01', 'total', 'C5', '（2 ≠ 1）'), tGz('07', 'total', 'C11', '（1 ≠ 0）')],
    others: [['XNC-BJMC-ENUM', 'C4']],
  },
  // ---- 幼儿园班数和幼儿数 ----
  {
    rule: 'XNC-YEBS-01', name: '#女 > 在园幼儿数 in the 小班 column (a list with 女 > 学生数)',
    pass: { type: '幼儿园', data: xnc(kg({ female: 30 })) },
    fail: { type: '幼儿园', data: xnc(kg({ female: 31 })) },
    // 合计: 31 + 15 = 46 girls of 62 still holds
    expect: [tKg('03', 'g2', 'E7', '（31 > 在园幼儿数 30）')],
    others: [['XNC-BJMC-02', 'F4']],
  },
  {
    rule: 'XNC-YEBS-02', name: '入园幼儿数 合计 ≠ 托班 + 小班 + 中班 + 大班',
    pass: { type: '幼儿园', data: xnc(kg(), 'kgClasses', { '06:total': 30, '06:g2': 28, '06:g4': 2 }) },
    fail: { type: '幼儿园', data: xnc(kg(), 'kgClasses', { '06:total': 31, '06:g2': 28, '06:g4': 2 }) },
    expect: [tKg('06', 'total', 'C10', '（31 ≠ 30）')],
  },
  {
    rule: 'XNC-YEBS-02', name: 'a 学前 class of no 学前 grade counts in 合计 but in no grade column',
    pass: { type: '幼儿园', data: xnc(kg({ grade: '中班' })) },
    fail: { type: '幼儿园', data: xnc(kg({ grade: '一年级' })) },
    // 班数 2 ≠ 1, 在园 62 ≠ 32, #女 29 ≠ 15, #少数民族 1 ≠ 0; #残疾幼儿 is the 大班 class's 1 either way
    expect: [tKg('01', 'total', 'C5', '（2 ≠ 1）'), tKg('02', 'total', 'C6', '（62 ≠ 32）'), tKg('03', 'total', 'C7', '（29 ≠ 15）'), tKg('04', 'total', 'C8', '（1 ≠ 0）')],
    others: [['XNC-BJMC-ENUM', 'C4']],
  },
  // ---- 残疾学生情况 ----
  {
    rule: 'XNC-CJXS-01', name: '总计 ≠ Σ 各残疾类别 (特教班 4 against 1 + 2)',
    pass: { type: '小学', data: xnc(primary, 'disabledStudents', { '01:total': 3, '01:specialClass': 3, '05:total': 1, '05:specialClass': 1, '06:total': 2, '06:specialClass': 2 }) },
    fail: { type: '小学', data: xnc(primary, 'disabledStudents', { '01:total': 4, '01:specialClass': 4, '05:total': 1, '05:specialClass': 1, '06:total': 2, '06:specialClass': 2 }) },
    expect: [tCj('01', 'total', 'C5', '（4 ≠ 3）'), tCj('01', 'specialClass', 'F5', '（4 ≠ 3）')],
  },
  {
    rule: 'XNC-CJXS-02', name: '合计 ≠ 随班就读 + 特教班 + 送教上门',
    pass: { type: '小学', data: xnc(primary, 'disabledStudents', { '01:total': 2, '01:homeTeaching': 2, '08:total': 2, '08:homeTeaching': 2 }) },
    fail: { type: '小学', data: xnc(primary, 'disabledStudents', { '01:total': 3, '01:homeTeaching': 2, '08:total': 3, '08:homeTeaching': 2 }) },
    expect: [tCj('01', 'total', 'C5', '（3 ≠ 2）'), tCj('08', 'total', 'C12', '（3 ≠ 2）')],
  },
  {
    rule: 'XNC-CJXS-03', name: '#女 > 合计 on 视力残疾 (the 总计 row still adds up)',
    pass: { type: '小学', data: xnc(primary, 'disabledStudents', { '01:total': 2, '01:female': 2, '01:homeTeaching': 2, '05:total': 2, '05:female': 2, '05:homeTeaching': 2 }) },
    fail: { type: '小学', data: xnc(primary, 'disabledStudents', { '01:total': 2, '01:female': 2, '01:homeTeaching': 2, '05:total': 2, '05:female': 1, '05:homeTeaching': 2, '02:female': 1 }) },
    expect: [tCj('02', 'female', 'D6', '（1 > 合计 0）')],
  },
  {
    rule: 'XNC-CJXS-04', name: '随班就读 总计 ≠ Σ 班级名册 残疾学生(随班就读) of both 学段 (九年一贯制学校)',
    pass: { type: '九年一贯制学校', data: xnc([full('p0', '小学', '一年级', { disabled: 1 }), full('j0', '初中', '一年级', { disabled: 2 })], 'disabledStudents', { '01:total': 3, '01:inClass': 3, '06:total': 3, '06:inClass': 3 }) },
    fail: { type: '九年一贯制学校', data: xnc([full('p0', '小学', '一年级', { disabled: 1 }), full('j0', '初中', '一年级', { disabled: 2 })], 'disabledStudents', { '01:total': 2, '01:inClass': 2, '06:total': 2, '06:inClass': 2 }) },
    expect: [tCj('01', 'inClass', 'E5', '随班就读总计应等于班级名册“残疾学生(随班就读)”之和（2 ≠ 名册合计 3）')],
  },
  {
    rule: 'XNC-CJXS-04', name: 'a 特教 school: 特教班 pupils are not 随班就读; an empty table against a list with 1',
    pass: { type: '特殊教育学校', data: xnc([bare('s0', '小学', '三年级', 10)], 'disabledStudents', { '01:total': 10, '01:specialClass': 10, '06:total': 10, '06:specialClass': 10 }) },
    fail: { type: '特殊教育学校', data: xnc([{ ...bare('s0', '小学', '三年级', 10), disabled: 1 }]) },
    expect: [tCj('01', 'inClass', 'E5', '（0 ≠ 名册合计 1）')],
  },
];
