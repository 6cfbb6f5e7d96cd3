// The rules of 班级名册, 教基3112 and 教基2106 (审核, FORMS.md §4): one passing and one
// failing case each, built from small hand-made period data for a 小学 (and a 九年一贯制学校 where
// the rule depends on the type). A failing case states every finding it causes — the rule's own,
// with severity, place and Excel cell, and any knock-on findings of other rules (e.g. a wrong class
// list shows in 3112). The data builders are shared with audit-rules.test.ts's detail tests.
// 食品留样记录's cases are in sample-log.cases.ts.
import type { FindingRow, Severity } from '../../../shared/audit/types';
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import type { Expected, RuleCase } from './kit';

// ---- hand-made data --------------------------------------------------------------------------

/** A valid class of the 班级名册 (all figures ≤ 学生数, 进城务工 ≤ 随迁). */
export function cls(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45, female: 21, minority: 1, boarding: 0,
    migrantOut: 2, migrantIn: 3, workerOut: 1, workerIn: 2, leftBehind: 4, disabled: 0, multiGrade: '否',
    headTeacher: '王芳', remark: null, ...over,
  };
}
/** A class with only its 学段/年级/名称 and 学生数: nothing that could break a sub-row of 3112. */
export const bare = (id: string, grade: string, students: LedgerRow['students']): LedgerRow => ({
  id, stage: '小学', grade, className: `${grade}（${id}）班`, students,
});
export const twoClasses = (first: Partial<LedgerRow> = {}) => [cls('c0', first), cls('c1', { grade: '二年级', className: '二年级（1）班', students: 40 })];

export function xnc(rows: LedgerRow[], cells: Record<string, number | null> = {}, period = '2025-2026'): PeriodData {
  return { submission: 'XNC', period, status: '草稿', version: 0, sheets: { classList: { rows }, jj3112: { cells } } };
}

/** 残疾学生情况 agreeing with a class list of n 随班就读 pupils (all 智力残疾), so XNC-CJXS-04 holds. */
export const withDisabled = (d: PeriodData, n: number): PeriodData => ({
  ...d, sheets: { ...d.sheets, disabledStudents: { cells: { '01:total': n, '01:inClass': n, '06:total': n, '06:inClass': n } } },
});

// ---- the cases -------------------------------------------------------------------------------

const L = (index: number, id: string): FindingRow => ({ kind: 'ledger', index, id });
const S = (code: string): FindingRow => ({ kind: 'stat', code });
const list = (severity: Severity, index: number, id: string, colKey: string, cell: string, says?: string): Expected => ({
  severity, sheetId: 'classList', row: L(index, id), colKey, cell, says,
});
const t3112 = (code: string, colKey: string, cell: string, says?: string): Expected => ({
  severity: 'error', sheetId: 'jj3112', row: S(code), colKey, cell, says,
});
const t2106 = (code: string, colKey: string, cell: string, says?: string): Expected => ({
  severity: 'error', sheetId: 'jj2106', row: S(code), colKey, cell, says,
});

// 班级名册 columns: A 序号, B 学段, C 年级, D 班级名称, E 学生数, F 女, G 少数民族, H 寄宿生, I 随迁(外省),
// J 随迁(本省外县), K 进城务工(外省), L 进城务工(本省外县), M 留守, N 残疾, O 复式班; data from row 4.
// 3112: rows 01…13 on sheet rows 6…18; C 毕业生数, D 招生数, E–H 学前年限, I 在校生数, J #女, K–P 一至六年级.
// 2106: rows 01…11 on sheet rows 5…15; C 合计, D–I 一至六年级.
export const CASES: RuleCase[] = [
  // ---- 班级名册: generic rules ----
  {
    rule: 'XNC-BJMC-REQ', name: '班级名称 missing',
    pass: { data: xnc(twoClasses()) },
    fail: { data: xnc(twoClasses({ className: null })) },
    expect: [list('error', 0, 'c0', 'className', 'D4', '必填项未填')],
  },
  {
    rule: 'XNC-BJMC-TYPE', name: '"abc" in the integer column 女',
    pass: { data: xnc(twoClasses({ female: 21 })) },
    fail: { data: xnc(twoClasses({ female: 'abc' })) },
    expect: [list('error', 0, 'c0', 'female', 'F4', '应为非负整数，现为“abc”')],
  },
  {
    rule: 'XNC-BJMC-ENUM', name: '年级 七年级 in a 小学',
    pass: { data: xnc(twoClasses({ grade: '六年级' })) },
    fail: { data: xnc(twoClasses({ grade: '七年级' })) },
    expect: [list('error', 0, 'c0', 'grade', 'C4', '“七年级”不在可选值（一年级、二年级、三年级、四年级、五年级、六年级）中')],
    // the class counts in 2106 合计 but in no grade column (45 students: row 06, 41-45人)
    others: [['XNC-2106-02', 'C5'], ['XNC-2106-02', 'C10']],
  },
  {
    rule: 'XNC-BJMC-ENUM', name: 'a 初中 class in a 小学',
    pass: { data: xnc(twoClasses({ stage: '小学' })) },
    fail: { data: xnc(twoClasses({ stage: '初中' })) },
    expect: [list('error', 0, 'c0', 'stage', 'B4', '“初中”不在可选值（小学）中')],
  },
  {
    rule: 'XNC-BJMC-ENUM', name: '四年级 is not a 初中 grade (九年一贯制学校)',
    pass: { type: '九年一贯制学校', data: xnc(twoClasses({ stage: '初中', grade: '三年级' })) },
    fail: { type: '九年一贯制学校', data: xnc(twoClasses({ stage: '初中', grade: '四年级' })) },
    expect: [list('error', 0, 'c0', 'grade', 'C4', '（一年级、二年级、三年级）')],
    // the class counts in 2107 合计 but in no grade column (45 students: row 06, 41-45人)
    others: [['XNC-2107-02', 'C5'], ['XNC-2107-02', 'C10']],
  },
  {
    rule: 'XNC-BJMC-ENUM', name: '是否复式班 outside 是/否',
    pass: { data: xnc(twoClasses({ multiGrade: '是' })) },
    fail: { data: xnc(twoClasses({ multiGrade: '不是' })) },
    expect: [list('error', 0, 'c0', 'multiGrade', 'O4')],
  },
  // ---- 班级名册: the pack's column checks ----
  {
    rule: 'XNC-BJMC-01', name: '学生数 0',
    pass: { data: xnc([bare('c0', '一年级', 1)]) },
    fail: { data: xnc([bare('c0', '一年级', 0)]) },
    expect: [list('error', 0, 'c0', 'students', 'E4', '学生数至少为 1，现为 0')],
  },
  {
    rule: 'XNC-BJMC-W01', name: '大班额: 56 warns, 55 does not',
    pass: { data: xnc(twoClasses({ students: 55 })) },
    fail: { data: xnc(twoClasses({ students: 56 })) },
    expect: [list('warning', 0, 'c0', 'students', 'E4', '大班额')],
  },
  {
    rule: 'XNC-BJMC-W02', name: '超大班额: 66 warns, 65 does not (but is 大班额)',
    pass: { data: xnc(twoClasses({ students: 65 })) },
    passOthers: ['XNC-BJMC-W01'],
    fail: { data: xnc(twoClasses({ students: 66 })) },
    expect: [list('warning', 0, 'c0', 'students', 'E4', '超大班额')],
    others: [['XNC-BJMC-W01', 'E4']],
  },
  {
    rule: 'XNC-BJMC-02', name: '女 > 学生数',
    pass: { data: xnc(twoClasses({ female: 45 })) },
    fail: { data: xnc(twoClasses({ female: 46 })) },
    expect: [list('error', 0, 'c0', 'female', 'F4', '（46 > 45）')],
    others: [['XNC-3112-01', 'K7']], // 3112 row 02 #女 × 一年级 46 > 总计 45
  },
  {
    rule: 'XNC-BJMC-03', name: '少数民族 > 学生数',
    pass: { data: xnc(twoClasses({ minority: 45 })) },
    fail: { data: xnc(twoClasses({ minority: 46 })) },
    expect: [list('error', 0, 'c0', 'minority', 'G4')],
    others: [['XNC-3112-01', 'K8']],
  },
  {
    rule: 'XNC-BJMC-04', name: '寄宿生 > 学生数',
    pass: { data: xnc(twoClasses({ boarding: 45 })) },
    fail: { data: xnc(twoClasses({ boarding: 46 })) },
    expect: [list('error', 0, 'c0', 'boarding', 'H4')],
    others: [['XNC-3112-01', 'K10']],
  },
  {
    rule: 'XNC-BJMC-05', name: '随迁子女(外省迁入) > 学生数',
    pass: { data: xnc(twoClasses({ migrantOut: 42 })) }, // 42 + 3 = 45 随迁 in all: row 06 ≤ 总计 still holds
    fail: { data: xnc(twoClasses({ migrantOut: 46 })) },
    expect: [list('error', 0, 'c0', 'migrantOut', 'I4')],
    others: [['XNC-3112-01', 'K11'], ['XNC-3112-01', 'K12']],
  },
  {
    rule: 'XNC-BJMC-06', name: '随迁子女(本省外县迁入) > 学生数',
    pass: { data: xnc(twoClasses({ migrantIn: 43 })) },
    fail: { data: xnc(twoClasses({ migrantIn: 46 })) },
    expect: [list('error', 0, 'c0', 'migrantIn', 'J4')],
    others: [['XNC-3112-01', 'K11'], ['XNC-3112-01', 'K13']],
  },
  {
    rule: 'XNC-BJMC-07', name: '进城务工人员随迁子女(外省迁入) > 随迁子女(外省迁入)',
    pass: { data: xnc(twoClasses({ workerOut: 2 })) },
    fail: { data: xnc(twoClasses({ workerOut: 3 })) },
    expect: [list('error', 0, 'c0', 'workerOut', 'K4', '（3 > 2）')],
  },
  {
    rule: 'XNC-BJMC-08', name: '进城务工人员随迁子女(本省外县迁入) > 随迁子女(本省外县迁入)',
    pass: { data: xnc(twoClasses({ workerIn: 3 })) },
    fail: { data: xnc(twoClasses({ workerIn: 4 })) },
    expect: [list('error', 0, 'c0', 'workerIn', 'L4', '（4 > 3）')],
  },
  {
    rule: 'XNC-BJMC-09', name: '农村留守儿童 > 学生数',
    pass: { data: xnc(twoClasses({ leftBehind: 45 })) },
    fail: { data: xnc(twoClasses({ leftBehind: 46 })) },
    expect: [list('error', 0, 'c0', 'leftBehind', 'M4')],
    others: [['XNC-3112-01', 'K17']],
  },
  {
    rule: 'XNC-BJMC-10', name: '残疾学生(随班就读) > 学生数',
    pass: { data: withDisabled(xnc(twoClasses({ disabled: 45 })), 45) },
    fail: { data: withDisabled(xnc(twoClasses({ disabled: 46 })), 46) },
    expect: [list('error', 0, 'c0', 'disabled', 'N4')],
    others: [['XNC-3112-01', 'K18']],
  },
  // ---- 班级名册: whole-list check (大校额) ----
  {
    rule: 'XNC-BJMC-W03', name: '大校额: 2001 students in a 小学 warns, 2000 does not',
    pass: { data: xnc([...Array.from({ length: 40 }, (_, i) => bare(`c${i}`, '三年级', 50))]) },
    fail: { data: xnc([...Array.from({ length: 40 }, (_, i) => bare(`c${i}`, '三年级', 50)), bare('c40', '四年级', 1)]) },
    expect: [{ severity: 'warning', sheetId: 'classList', colKey: 'students', says: '大校额：全校在校生数超过规模上限（2001 > 2000）' }],
  },
  {
    rule: 'XNC-BJMC-W03', name: '大校额: 2400 in a 九年一贯制学校 does not warn, 2501 does',
    pass: { type: '九年一贯制学校', data: xnc(Array.from({ length: 48 }, (_, i) => bare(`c${i}`, '五年级', 50))) },
    fail: { type: '九年一贯制学校', data: xnc([...Array.from({ length: 50 }, (_, i) => bare(`c${i}`, '五年级', 50)), bare('c50', '六年级', 1)]) },
    expect: [{ severity: 'warning', sheetId: 'classList', colKey: 'students', says: '（2501 > 2500）' }],
  },
  // ---- 教基3112: 表内审核 on entered cells ----
  {
    rule: 'XNC-3112-01', name: '#少数民族 毕业生数 > 总计',
    pass: { data: xnc(twoClasses(), { '01:graduates': 5, '03:graduates': 5 }) },
    fail: { data: xnc(twoClasses(), { '01:graduates': 5, '03:graduates': 6 }) },
    expect: [t3112('03', 'graduates', 'C8', '（6 > 总计 5）')],
  },
  {
    rule: 'XNC-3112-02', name: '随迁子女 ≠ 外省迁入 + 本省外县迁入',
    pass: { data: xnc(twoClasses(), { '01:graduates': 10, '06:graduates': 5, '07:graduates': 2, '08:graduates': 3 }) },
    fail: { data: xnc(twoClasses(), { '01:graduates': 10, '06:graduates': 5, '07:graduates': 2, '08:graduates': 2 }) },
    expect: [t3112('06', 'graduates', 'C11', '（5 ≠ 4）')],
  },
  {
    rule: 'XNC-3112-03', name: '进城务工人员随迁子女 ≠ 外省迁入 + 本省外县迁入',
    pass: { data: xnc(twoClasses(), { '01:graduates': 10, '06:graduates': 5, '07:graduates': 2, '08:graduates': 3, '09:graduates': 4, '10:graduates': 1, '11:graduates': 3 }) },
    fail: { data: xnc(twoClasses(), { '01:graduates': 10, '06:graduates': 5, '07:graduates': 2, '08:graduates': 3, '09:graduates': 4, '10:graduates': 1, '11:graduates': 2 }) },
    expect: [t3112('09', 'graduates', 'C14', '（4 ≠ 3）')],
  },
  {
    rule: 'XNC-3112-04', name: '进城务工人员随迁子女 > 随迁子女',
    pass: { data: xnc(twoClasses(), { '01:graduates': 10, '06:graduates': 3, '07:graduates': 1, '08:graduates': 2, '09:graduates': 3, '10:graduates': 1, '11:graduates': 2 }) },
    fail: { data: xnc(twoClasses(), { '01:graduates': 10, '06:graduates': 3, '07:graduates': 1, '08:graduates': 2, '09:graduates': 4, '10:graduates': 2, '11:graduates': 2 }) },
    expect: [t3112('09', 'graduates', 'C14', '（4 > #随迁子女 3）')],
  },
  {
    rule: 'XNC-3112-05', name: '招生数 ≠ 未接受过 + 一年 + 两年 + 三年',
    // 招生数 44 of 45 pupils in 一年级: within XNC-3112-08 and XNC-3112-W02
    pass: { data: xnc(twoClasses(), { '01:enrol': 44, '01:pre0': 0, '01:pre1': 1, '01:pre2': 3, '01:pre3': 40 }) },
    fail: { data: xnc(twoClasses(), { '01:enrol': 44, '01:pre0': 0, '01:pre1': 1, '01:pre2': 3, '01:pre3': 39 }) },
    expect: [t3112('01', 'enrol', 'D6', '（44 ≠ 43）')],
  },
  {
    rule: 'XNC-3112-06', name: '#少数民族 row: #女 > 在校生数',
    // 在校生数 of row 03 = Σ 少数民族 of the class list = 1 + 1
    pass: { data: xnc(twoClasses(), { '03:female': 2 }) },
    fail: { data: xnc(twoClasses(), { '03:female': 3 }) },
    expect: [t3112('03', 'female', 'J8', '（3 > 在校生数 2）')],
  },
  {
    rule: 'XNC-3112-W01', name: '在校生数 +25% against last 学年 warns, +10% does not',
    pass: {
      data: xnc([bare('a', '一年级', 40), bare('b', '二年级', 35), bare('c', '三年级', 35)]),
      previous: xnc([bare('a', '一年级', 50), bare('b', '二年级', 50)], {}, '2024-2025'),
    },
    fail: {
      data: xnc([bare('a', '一年级', 45), bare('b', '二年级', 40), bare('c', '三年级', 40)]),
      previous: xnc([bare('a', '一年级', 50), bare('b', '二年级', 50)], {}, '2024-2025'),
    },
    expect: [{ ...t3112('01', 'total', 'I6', '上期 100，本期 125，变化 25.0%'), severity: 'warning' }],
  },
  // ---- 教基2106: computed from a class list with holes ----
  {
    rule: 'XNC-2106-01', name: 'a class without 学生数 counts in 总计 but in no size band',
    pass: { data: xnc([bare('c0', '一年级', 45), bare('c1', '二年级', 40)]) },
    fail: { data: xnc([bare('c0', '一年级', null), bare('c1', '二年级', 40)]) },
    expect: [t2106('01', 'total', 'C5', '（2 ≠ 1）'), t2106('01', 'g1', 'D5', '（1 ≠ 0）')],
    others: [['XNC-BJMC-REQ', 'E4']],
  },
  {
    rule: 'XNC-2106-02', name: 'a class of no 小学 grade counts in 合计 but in no grade column',
    pass: { data: xnc([bare('c0', '六年级', 45), bare('c1', '二年级', 40)]) },
    fail: { data: xnc([bare('c0', '七年级', 45), bare('c1', '二年级', 40)]) },
    expect: [t2106('01', 'total', 'C5', '（2 ≠ 1）'), t2106('06', 'total', 'C10', '（1 ≠ 0）')],
    others: [['XNC-BJMC-ENUM', 'C4']],
  },
];
