// Rule cases of the completeness rules (schema-completeness.ts): figures left blank where the
// table applies, lists left empty (空数据说明), 招生数 against 一年级, and the 自查表's answers
// against the lists they speak of. One passing and one failing case each; the kit sets the other
// completeness rules aside (each hand-made period leaves most sheets empty).
//
// 3112: row 01 on sheet row 6, C 毕业生数, D 招生数; 3115 / 3118: row 01 on row 5, same columns.
// 幼儿园班数和幼儿数: C 合计, row 06 入园幼儿数 on row 10, 07 离园幼儿数 on row 11.
// 办学条件与优质均衡: 01…06 on rows 6…11, value in D.
// 食品安全自查表: item n on row 3 + n, 结果 in D: 5 每日晨检 (D8), 11 进货查验 (D14), 19 每餐留样 (D22),
// 20 每餐有负责人陪餐 (D23). 陪餐记录 and 食品留样记录 from row 4; 从业人员健康管理: 晨检 from row 10.
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import { selfCheckDone } from '../../fixtures/spaq-ledgers';
import { leaderCompanion, mealSample } from '../../fixtures/spaq-meals';
import { NINE_YEAR_STAFF, staffData } from '../../fixtures/staff-school';
import { twoClasses, xnc } from './class-list.cases';
import { conditions, xnc as schoolWithStaff } from './indicators.cases';
import { companion, morning, purchase, staff } from './spaq-ledgers.cases';
import { xyaq } from './xyaq.cases';
import { statError, type Expected, type RuleCase } from './kit';

// ---- XNC ---------------------------------------------------------------------------------------

const klass = (id: string, stage: string, grade: string, students: number): LedgerRow => ({ id, stage, grade, className: `${grade}（${id}）班`, students });
/** one stage's 45 pupils in 一年级 and 40 in 二年级, and that stage's 3112/3115/3118 cells */
const stageYear = (stage: string, sheetId: string, cells: Record<string, number>): PeriodData => ({
  submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
  sheets: { classList: { rows: [klass('c0', stage, '一年级', 45), klass('c1', stage, '二年级', 40)] }, [sheetId]: { cells } },
});
const J = '初级中学';
const H = '高级中学';
const warn = (sheetId: string, code: string, colKey: string, cell: string, says?: string): Expected => ({
  severity: 'warning', sheetId, row: { kind: 'stat', code }, colKey, cell, says,
});
const kgYear = (cells: Record<string, number>): PeriodData => ({
  submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
  sheets: { classList: { rows: [klass('k0', '学前', '小班', 30), klass('k1', '学前', '大班', 32)] }, kgClasses: { cells } },
});
const HS_STAFF = NINE_YEAR_STAFF.map((r) => (r.stage ? { ...r, stage: '普通高中' } : r));
const { '05:value': _books, ...withoutBooks } = conditions(5);

/** the 3112-style rules of one sheet: 毕业生数/招生数 filled, 招生数 ≤ 一年级, 招生数 ≈ 一年级 */
function intakeCases(sheetId: string, code: string, type: string, stage: string, row1: number, ids: [string, string, string]): RuleCase[] {
  const data = (cells: Record<string, number>) => ({ type, data: stageYear(stage, sheetId, cells) });
  // 3112 also splits 招生数 by years of 学前教育 (XNC-3112-05): 三年 = 招生数 keeps it whole
  const enrol = (n: number): Record<string, number> => (sheetId === 'jj3112' ? { '01:enrol': n, '01:pre3': n } : { '01:enrol': n });
  return [
    {
      rule: ids[0], name: `${code}: 毕业生数 left blank with 85 在校生 (a typed 0 passes)`,
      pass: data({ '01:graduates': 0, ...enrol(45) }),
      fail: data(enrol(45)),
      expect: [statError(sheetId, '01', 'graduates', `C${row1}`, '（总计 在校生数为 85；空白在国家客户端按 0 上报，确为 0 请填 0）')],
    },
    {
      rule: ids[1], name: `${code}: 招生数 46 with 45 pupils in 一年级`,
      pass: data({ '01:graduates': 40, ...enrol(45) }),
      fail: data({ '01:graduates': 40, ...enrol(46) }),
      expect: [statError(sheetId, '01', 'enrol', `D${row1}`, '（46 > 总计 一年级 45）')],
    },
    {
      rule: ids[2], name: `${code}: 招生数 40 for 45 in 一年级 warns (tolerance 4.5), 41 does not`,
      pass: data({ '01:graduates': 40, ...enrol(41) }),
      fail: data({ '01:graduates': 40, ...enrol(40) }),
      expect: [warn(sheetId, '01', 'enrol', `D${row1}`, '（招生数 40，总计 一年级 45，相差 5，超过 4.5）')],
    },
  ];
}

const XNC_CASES: RuleCase[] = [
  {
    rule: 'XNC-BJMC-11', name: '班级名册 with no class',
    pass: { data: xnc(twoClasses()) },
    fail: { data: xnc([]) },
    expect: [{ severity: 'error', sheetId: 'classList', says: '班级名册：没有任何班级' }],
  },
  {
    rule: 'XNC-JZG-02', name: '教职工名册 with no one',
    pass: { type: H, data: staffData(HS_STAFF) },
    fail: { type: H, data: staffData([]) },
    expect: [{ severity: 'error', sheetId: 'staffList', says: '教职工名册：没有任何教职工' }],
  },
  ...intakeCases('jj3112', '3112', '小学', '小学', 6, ['XNC-3112-07', 'XNC-3112-08', 'XNC-3112-W02']),
  ...intakeCases('jj3115', '3115', J, '初中', 5, ['XNC-3115-06', 'XNC-3115-07', 'XNC-3115-W02']),
  ...intakeCases('jj3118', '3118', H, '普通高中', 5, ['XNC-3118-06', 'XNC-3118-07', 'XNC-3118-W02']),
  {
    rule: 'XNC-3112-07', name: 'both 毕业生数 and 招生数 blank: two findings, none for the # rows',
    pass: { data: stageYear('小学', 'jj3112', { '01:graduates': 38, '01:enrol': 45, '01:pre3': 45 }) },
    fail: { data: stageYear('小学', 'jj3112', {}) },
    expect: [statError('jj3112', '01', 'graduates', 'C6'), statError('jj3112', '01', 'enrol', 'D6')],
  },
  {
    rule: 'XNC-YEBS-03', name: '离园幼儿数 合计 blank in a 幼儿园 of 62 (a typed 0 passes)',
    pass: { type: '幼儿园', data: kgYear({ '06:total': 62, '06:g2': 30, '06:g4': 32, '07:total': 0 }) },
    fail: { type: '幼儿园', data: kgYear({ '06:total': 62, '06:g2': 30, '06:g4': 32 }) },
    expect: [statError('kgClasses', '07', 'total', 'C11', '（在园幼儿数 合计为 62；')],
  },
  {
    rule: 'XNC-YZJH-01', name: '办学条件 图书 blank in a school of 200 pupils',
    pass: { type: '小学', data: schoolWithStaff({ conditions: conditions(5) }) },
    fail: { type: '小学', data: schoolWithStaff({ conditions: withoutBooks }) },
    expect: [{ severity: 'error', sheetId: 'conditions', row: { kind: 'stat', code: '05' }, colKey: 'value', cell: 'D10', says: '[05 图书] (D10)：有在校生的学校须填写办学条件各项' }],
  },
];

// ---- SPAQ ----------------------------------------------------------------------------------------

const D1 = '2025-10-09';
const D2 = '2025-10-10';
interface Canteen { samples?: LedgerRow[]; companions?: LedgerRow[]; checks?: LedgerRow[]; staffRows?: LedgerRow[]; purchases?: LedgerRow[]; selfCheck?: LedgerRow[] }
/** October 2025 with two meal days (午餐 on 10-09 and 10-10), every list in order: no finding. */
function canteen({
  samples = [mealSample('ly1', D1, '午餐'), mealSample('ly2', D2, '午餐')],
  companions = [leaderCompanion('pc1', D1, '午餐'), leaderCompanion('pc2', D2, '午餐')],
  checks = [morning('m1', { date: D1 }), morning('m2', { date: D2 })],
  staffRows = [staff('s0'), staff('s1', { name: '钱伟', post: '帮厨', certNo: '510626202554321' })],
  purchases = [purchase('j0')],
  selfCheck = selfCheckDone(),
}: Canteen = {}): { type: string; data: PeriodData } {
  return {
    type: '小学',
    data: {
      submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0,
      sheets: {
        sampleLog: { rows: samples }, mealCompanion: { rows: companions }, foodStaff: { rows: staffRows },
        morningCheck: { rows: checks }, purchaseCheck: { rows: purchases }, selfCheck: { rows: selfCheck },
      },
    },
  };
}
/** a month without meals (假期): the meal items answered 不适用 */
const holiday = (over: Canteen = {}) =>
  canteen({ samples: [], companions: [], checks: [], selfCheck: selfCheckDone({ 5: { result: '不适用' }, 19: { result: '不适用' }, 20: { result: '不适用' } }), ...over });
const whole = (severity: Expected['severity'], sheetId: string, says: string): Expected => ({ severity, sheetId, says });
const item = (severity: Expected['severity'], n: number, says: string): Expected => ({
  severity, sheetId: 'selfCheck', row: { kind: 'ledger', index: n - 1, id: `zc${n}` }, colKey: 'result', cell: `D${3 + n}`, says,
});

const SPAQ_CASES: RuleCase[] = [
  {
    rule: 'SPAQ-LY-W03', name: 'a month without any 留样 (假期)',
    pass: canteen(),
    fail: holiday(),
    expect: [whole('warning', 'sampleLog', '食品留样记录：本月没有食品留样记录（本期 0 条。确无数据的，请在说明中写明原因（空数据说明））')],
  },
  { rule: 'SPAQ-PC-W02', name: 'a month without any 陪餐', pass: canteen(), fail: holiday(), expect: [whole('warning', 'mealCompanion', '陪餐记录：本月没有陪餐记录')] },
  { rule: 'SPAQ-JKCJ-W02', name: 'a month without any 晨检', pass: canteen(), fail: holiday(), expect: [whole('warning', 'foodHealth', '从业人员健康管理 晨检记录：本月没有晨检记录')] },
  {
    rule: 'SPAQ-JKRY-W03', name: 'an empty 从业人员名单',
    pass: canteen(), fail: canteen({ staffRows: [] }),
    expect: [whole('warning', 'foodHealth', '从业人员健康管理 从业人员名单：本月名单为空')],
  },
  {
    rule: 'SPAQ-JH-W02', name: 'no 进货查验 (进货查验 item 不适用)',
    pass: canteen(), fail: canteen({ purchases: [], selfCheck: selfCheckDone({ 11: { result: '不适用' } }) }),
    expect: [whole('warning', 'purchaseCheck', '进货查验记录：本月没有进货查验记录')],
  },
  {
    rule: 'SPAQ-ZC-05', name: '每日晨检 是 with no 晨检 row (不适用 with none passes)',
    pass: canteen({ checks: [], selfCheck: selfCheckDone({ 5: { result: '不适用' } }) }),
    fail: canteen({ checks: [] }),
    expect: [item('error', 5, '食品安全自查表 第5行「结果」(D8)：自查表答“是”，但本月没有晨检记录（“从业人员 每日晨检”答“是”；本期从业人员健康管理 晨检记录 0 条）')],
  },
  {
    rule: 'SPAQ-ZC-W01', name: '每日晨检 是, 晨检 on 10-09 only while 10-10 had a meal',
    pass: canteen(), fail: canteen({ checks: [morning('m1', { date: D1 })] }),
    expect: [item('warning', 5, '（“从业人员 每日晨检”答“是”；2 个有食品留样记录或陪餐记录的日子中 1 天没有从业人员健康管理 晨检记录：10-10）')],
  },
  {
    rule: 'SPAQ-ZC-06', name: '每餐留样 是 with no 留样 row',
    pass: canteen(), fail: canteen({ samples: [] }),
    expect: [item('error', 19, '本期食品留样记录 0 条')],
    // each 陪餐 meal and each 晨检 day without its 留样
    others: [['SPAQ-LY-W01', 'B4'], ['SPAQ-LY-W01', 'B5'], ['SPAQ-LY-W02', 'B10'], ['SPAQ-LY-W02', 'B11']],
  },
  {
    rule: 'SPAQ-ZC-W02', name: '每餐留样 是 with no 留样 on 10-10',
    pass: canteen(), fail: canteen({ samples: [mealSample('ly1', D1, '午餐')] }),
    expect: [item('warning', 19, '1 天没有食品留样记录：10-10')],
    others: [['SPAQ-LY-W01', 'B5'], ['SPAQ-LY-W02', 'B11']],
  },
  {
    rule: 'SPAQ-ZC-07', name: '每餐有负责人陪餐 是 with only a 家长 and a 教师 陪餐',
    pass: canteen(),
    fail: canteen({ companions: [companion('p1', { date: D1, role: '家长' }), companion('p2', { date: D2, role: '教师' })] }),
    expect: [item('error', 20, '本期陪餐记录 0 条')],
    others: [['SPAQ-PC-W01', 'B4'], ['SPAQ-PC-W01', 'B5']],
  },
  {
    rule: 'SPAQ-ZC-W03', name: '每餐有负责人陪餐 是, 10-10 陪 by a 教师 only',
    pass: canteen(), fail: canteen({ companions: [leaderCompanion('pc1', D1, '午餐'), companion('p2', { date: D2, role: '教师' })] }),
    expect: [item('warning', 20, '1 天没有陪餐记录：10-10')],
    others: [['SPAQ-PC-W01', 'B5']],
  },
  {
    rule: 'SPAQ-ZC-08', name: '进货查验 是 with no 进货查验 row',
    pass: canteen(), fail: canteen({ purchases: [] }),
    expect: [item('error', 11, '自查表答“是”，但本月没有进货查验记录（“原料采购贮存 进货查验索证索票”答“是”；本期进货查验记录 0 条）')],
  },
];

// ---- XYAQ ----------------------------------------------------------------------------------------

const XYAQ_CASES: RuleCase[] = [
  {
    rule: 'XYAQ-CWJ-W03', name: 'a month without any 晨午检 row',
    pass: { type: '小学', data: xyaq() }, fail: { type: '小学', data: xyaq({ checks: [] }) },
    expect: [whole('warning', 'healthCheck', '晨午检及因病缺课：本月没有晨午检记录')],
  },
  {
    rule: 'XYAQ-YH-W05', name: 'a month without any 隐患排查 row',
    pass: { type: '小学', data: xyaq() }, fail: { type: '小学', data: xyaq({ hazards: [] }) },
    expect: [whole('warning', 'hazardLog', '隐患排查整改台账：本月没有隐患排查记录')],
  },
];

export const CASES: RuleCase[] = [...XNC_CASES, ...SPAQ_CASES, ...XYAQ_CASES];
