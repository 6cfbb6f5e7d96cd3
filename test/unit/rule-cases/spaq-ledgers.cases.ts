// Rule cases of the SPAQ ledgers of FORMS.md §2.2–§2.5: one passing and one failing input per
// rule, on October 2025 (2025-10-01 … 2025-10-31) of a 小学.
//
// 陪餐记录: A 序号, B 日期, C 餐次, D 陪餐人, E 身份, F 饭菜质量, G 食堂卫生, H 就餐秩序, I 问题及建议, J 备注; data from row 4.
// 进货查验记录: A 序号, B 进货日期, C 品名, D 规格, E 数量, F 单位, G 生产日期或批号, H 保质期, I 供货者名称,
//   J 供货者联系方式, K 票证齐全, L 查验人, M 备注; data from row 4.
// 从业人员健康管理 (one worksheet, two blocks): row 3 "一、从业人员名单", row 4 its header, the two staff of
//   these cases on rows 5–6 (A 序号, B 姓名, C 岗位, D 健康证明编号, E 发证日期, F 有效期至, G 食品安全培训),
//   row 7 blank, row 8 "二、晨检记录", row 9 its header, 晨检 from row 10 (A 序号, B 日期, C 应检人数,
//   D 实检人数, E 异常人数, F 异常情况, G 处理措施, H 检查人).
// 食品安全自查表: A 序号, B 检查项目, C 检查内容, D 结果, E 问题描述, F 整改情况, G 整改完成日期; item n on row 3 + n.
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import { selfCheckDone } from '../../fixtures/spaq-ledgers';
import { mealPartners } from '../../fixtures/spaq-meals';
import type { Expected, RuleCase } from './kit';

export function companion(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, date: '2025-10-09', meal: '午餐', companion: '王伟', role: '校级领导', foodQuality: '优', hygiene: '良', order: '优',
    suggestion: null, remark: null, ...over,
  };
}

/** A cook whose certificate runs from 2025-03-01 to 2026-02-28: valid all month, not due soon. */
export function staff(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, name: '赵敏', post: '厨师', certNo: '510626202512345', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是',
    ...over,
  };
}

export function morning(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return { id, date: '2025-10-09', expected: 6, checked: 6, abnormal: 0, symptom: null, action: null, checker: '赵敏', ...over };
}

export function purchase(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, date: '2025-10-09', name: '大米', spec: '25kg/袋', quantity: 6, unit: '袋', batch: '2025-09-20', shelfLife: '12个月',
    supplier: '罗江区粮油贸易有限公司', supplierContact: '0838-6212345', tickets: '是', inspector: '赵敏', remark: null, ...over,
  };
}

export interface SpaqSheets {
  companions?: LedgerRow[];
  staffRows?: LedgerRow[];
  checks?: LedgerRow[];
  purchases?: LedgerRow[];
  selfCheck?: LedgerRow[];
}

/** October 2025 with one row in each list (two staff) and the 自查表 done: no finding at all. */
export function spaqMonth({
  companions = [companion('p0')],
  staffRows = [staff('s0'), staff('s1', { name: '钱伟', post: '帮厨', certNo: '510626202554321' })],
  checks = [morning('m0')],
  purchases = [purchase('j0')],
  selfCheck = selfCheckDone(),
}: SpaqSheets = {}): PeriodData {
  // the 留样 (and 负责人 陪餐) of the month's meals, so these cases raise only their own rules
  const partners = mealPartners({ companions, checks });
  return {
    submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0,
    sheets: {
      sampleLog: { rows: partners.samples }, mealCompanion: { rows: [...companions, ...partners.companions] },
      foodStaff: { rows: staffRows }, morningCheck: { rows: checks },
      purchaseCheck: { rows: purchases }, selfCheck: { rows: selfCheck },
    },
  };
}

const pc = (severity: Expected['severity'], colKey: string, cell: string, says?: string): Expected => ({
  severity, sheetId: 'mealCompanion', row: { kind: 'ledger', index: 0, id: 'p0' }, colKey, cell, says,
});
const jh = (severity: Expected['severity'], colKey: string, cell: string, says?: string): Expected => ({
  severity, sheetId: 'purchaseCheck', row: { kind: 'ledger', index: 0, id: 'j0' }, colKey, cell, says,
});
// both blocks report on the worksheet 从业人员健康管理
const ry = (severity: Expected['severity'], colKey: string, cell: string, says?: string): Expected => ({
  severity, sheetId: 'foodHealth', row: { kind: 'ledger', index: 0, id: 's0' }, colKey, cell, says,
});
const cj = (colKey: string, cell: string, says?: string): Expected => ({
  severity: 'error', sheetId: 'foodHealth', row: { kind: 'ledger', index: 0, id: 'm0' }, colKey, cell, says,
});
/** item n (1-based) of the 自查表 */
const zc = (n: number, colKey: string, says?: string): Expected => ({
  severity: 'error', sheetId: 'selfCheck', row: { kind: 'ledger', index: n - 1, id: `zc${n}` }, colKey,
  cell: `${{ result: 'D', problem: 'E', rectify: 'F', rectifyDate: 'G' }[colKey]}${3 + n}`, says,
});

const withCompanion = (over: Partial<LedgerRow>) => ({ type: '小学', data: spaqMonth({ companions: [companion('p0', over)] }) });
const withStaff = (over: Partial<LedgerRow>) =>
  ({ type: '小学', data: spaqMonth({ staffRows: [staff('s0', over), staff('s1', { name: '钱伟', certNo: '510626202554321' })] }) });
const withCheck = (over: Partial<LedgerRow>) => ({ type: '小学', data: spaqMonth({ checks: [morning('m0', over)] }) });
const withPurchase = (over: Partial<LedgerRow>) => ({ type: '小学', data: spaqMonth({ purchases: [purchase('j0', over)] }) });
const withItem = (n: number, over: Partial<LedgerRow>) => ({ type: '小学', data: spaqMonth({ selfCheck: selfCheckDone({ [n]: over }) }) });
/** item 9 (环境卫生 · 通风排烟有效) found wanting */
const fault = (over: Partial<LedgerRow> = {}) =>
  withItem(9, { result: '否', problem: '排烟罩油污较重', rectify: '已完成', rectifyDate: '2025-10-20', ...over });

export const CASES: RuleCase[] = [
  // ---- 陪餐记录 ----
  { rule: 'SPAQ-PC-REQ', name: '陪餐人 missing', pass: withCompanion({}), fail: withCompanion({ companion: null }), expect: [pc('error', 'companion', 'D4', '必填项未填')] },
  { rule: 'SPAQ-PC-TYPE', name: '日期 as words', pass: withCompanion({}), fail: withCompanion({ date: '10月9号' }), expect: [pc('error', 'date', 'B4', '应为日期')] },
  {
    rule: 'SPAQ-PC-ENUM', name: '身份 班主任', pass: withCompanion({ role: '家长' }), fail: withCompanion({ role: '班主任' }),
    expect: [pc('error', 'role', 'E4', '“班主任”不在可选值（校级领导、中层干部、教师、家长）中')],
  },
  {
    rule: 'SPAQ-PC-ENUM', name: '饭菜质量 很好', pass: withCompanion({ foodQuality: '差' }), fail: withCompanion({ foodQuality: '很好' }),
    expect: [pc('error', 'foodQuality', 'F4', '（优、良、中、差）')],
  },
  {
    rule: 'SPAQ-PC-01', name: '陪餐 on the first day of next month (the last day of this one passes)',
    pass: withCompanion({ date: '2025-10-31' }), fail: withCompanion({ date: '2025-11-01' }),
    expect: [pc('error', 'date', 'B4', '陪餐日期不在本月内（2025-10-01 至 2025-10-31），现为 2025-11-01')],
  },
  // ---- 从业人员健康管理: 名单 (rows 5–6) ----
  { rule: 'SPAQ-JKRY-REQ', name: '健康证明编号 missing', pass: withStaff({}), fail: withStaff({ certNo: '' }), expect: [ry('error', 'certNo', 'D5', '必填项未填')] },
  { rule: 'SPAQ-JKRY-TYPE', name: '发证日期 as words', pass: withStaff({}), fail: withStaff({ issueDate: '今年三月' }), expect: [ry('error', 'issueDate', 'E5', '现为“今年三月”')] },
  { rule: 'SPAQ-JKRY-ENUM', name: '食品安全培训 已培训', pass: withStaff({ trained: '否' }), fail: withStaff({ trained: '已培训' }), expect: [ry('error', 'trained', 'G5', '（是、否）')] },
  {
    rule: 'SPAQ-JKRY-01', name: '有效期至 a day before 发证日期 (the same day passes)',
    pass: withStaff({ issueDate: '2026-02-28', validUntil: '2026-02-28' }), fail: withStaff({ issueDate: '2026-03-01', validUntil: '2026-02-28' }),
    expect: [ry('error', 'validUntil', 'F5', '有效期至不得早于发证日期（2026-02-28 早于发证日期 2026-03-01）')],
  },
  {
    rule: 'SPAQ-JKRY-W01', name: 'due 30 days after the month (31 days passes)',
    pass: withStaff({ validUntil: '2025-12-01' }), fail: withStaff({ validUntil: '2025-11-30' }),
    expect: [ry('warning', 'validUntil', 'F5', '（有效期至 2025-11-30，月末后第 30 天到期）')],
  },
  {
    rule: 'SPAQ-JKRY-W01', name: 'due on the month’s last day: valid all month, but due now',
    pass: withStaff({ validUntil: '2025-12-01' }), fail: withStaff({ validUntil: '2025-10-31' }),
    expect: [ry('warning', 'validUntil', 'F5', '即月末当天到期')],
  },
  {
    rule: 'SPAQ-JKRY-W02', name: 'expired on 10-15: 16 days of the month without a valid certificate',
    pass: withStaff({ validUntil: '2025-12-01' }), fail: withStaff({ validUntil: '2025-10-15' }),
    expect: [ry('warning', 'validUntil', 'F5', '（有效期至 2025-10-15，本月有 16 天无有效证明）')],
  },
  {
    rule: 'SPAQ-JKRY-W02', name: 'expired before the month: all 31 days',
    pass: withStaff({ validUntil: '2026-10-01' }), fail: withStaff({ issueDate: '2024-09-21', validUntil: '2025-09-20' }),
    expect: [ry('warning', 'validUntil', 'F5', '本月有 31 天无有效证明')],
  },
  // ---- 从业人员健康管理: 晨检 (row 10) ----
  { rule: 'SPAQ-JKCJ-REQ', name: '检查人 missing', pass: withCheck({}), fail: withCheck({ checker: null }), expect: [cj('checker', 'H10', '必填项未填')] },
  { rule: 'SPAQ-JKCJ-TYPE', name: '日期 as words', pass: withCheck({}), fail: withCheck({ date: '十月九日' }), expect: [cj('date', 'B10', '应为日期')] },
  {
    rule: 'SPAQ-JKCJ-ENUM', name: '异常情况 头痛', pass: withCheck({ abnormal: 1, symptom: '其他', action: '就医' }),
    fail: withCheck({ abnormal: 1, symptom: '头痛', action: '就医' }), expect: [cj('symptom', 'F10', '（发热、腹泻、呕吐、皮肤伤口、咽部炎症、其他）')],
  },
  {
    rule: 'SPAQ-JKCJ-01', name: '晨检 dated the day before the month', pass: withCheck({ date: '2025-10-01' }), fail: withCheck({ date: '2025-09-30' }),
    expect: [cj('date', 'B10', '晨检日期不在本月内（2025-10-01 至 2025-10-31），现为 2025-09-30')],
  },
  {
    rule: 'SPAQ-JKCJ-02', name: '实检 7 of 应检 6 (6 of 6 passes)', pass: withCheck({ checked: 6 }), fail: withCheck({ checked: 7 }),
    expect: [cj('checked', 'D10', '实检人数不得大于应检人数（7 > 6）')],
  },
  {
    // every food handler on duty is checked before work (FORMS.md §2.3, research §2.3): 实检 short of 应检 warns
    rule: 'SPAQ-JKCJ-W01', name: '实检 5 of 应检 6 (6 of 6 passes)', pass: withCheck({ checked: 6 }), fail: withCheck({ checked: 5 }),
    expect: [{ ...cj('expected', 'C10', '有上岗从业人员当日未晨检，每人每日上岗前都应晨检（6 > 5）'), severity: 'warning' }],
  },
  {
    rule: 'SPAQ-JKCJ-03', name: '异常 7 of 实检 6 (6 of 6 passes)',
    pass: withCheck({ abnormal: 6, symptom: '发热', action: '调离' }), fail: withCheck({ abnormal: 7, symptom: '发热', action: '调离' }),
    expect: [cj('abnormal', 'E10', '异常人数不得大于实检人数（7 > 6）')],
  },
  {
    rule: 'SPAQ-JKCJ-04', name: 'one abnormal person, 异常情况 empty', pass: withCheck({ abnormal: 1, symptom: '发热', action: '调离' }),
    fail: withCheck({ abnormal: 1, action: '调离' }), expect: [cj('symptom', 'F10', '有异常人员时应填写异常情况（异常人数为 1）')],
  },
  {
    rule: 'SPAQ-JKCJ-05', name: 'one abnormal person, 处理措施 empty', pass: withCheck({ abnormal: 1, symptom: '腹泻', action: '就医' }),
    fail: withCheck({ abnormal: 1, symptom: '腹泻' }), expect: [cj('action', 'G10', '有异常人员时应填写处理措施（异常人数为 1）')],
  },
  // ---- 进货查验记录 ----
  { rule: 'SPAQ-JH-REQ', name: '供货者联系方式 missing', pass: withPurchase({}), fail: withPurchase({ supplierContact: null }), expect: [jh('error', 'supplierContact', 'J4', '必填项未填')] },
  { rule: 'SPAQ-JH-TYPE', name: '数量 六袋', pass: withPurchase({ quantity: 6.5 }), fail: withPurchase({ quantity: '六袋' }), expect: [jh('error', 'quantity', 'E4', '应为数字，现为“六袋”')] },
  { rule: 'SPAQ-JH-ENUM', name: '票证齐全 齐全', pass: withPurchase({}), fail: withPurchase({ tickets: '齐全' }), expect: [jh('error', 'tickets', 'K4', '（是、否）')] },
  {
    rule: 'SPAQ-JH-01', name: 'delivered on the first day of next month', pass: withPurchase({ date: '2025-10-31' }), fail: withPurchase({ date: '2025-11-01' }),
    expect: [jh('error', 'date', 'B4', '进货日期不在本月内（2025-10-01 至 2025-10-31），现为 2025-11-01')],
  },
  {
    rule: 'SPAQ-JH-02', name: '数量 −2 (0 passes)', pass: withPurchase({ quantity: 0 }), fail: withPurchase({ quantity: -2 }),
    expect: [jh('error', 'quantity', 'E4', '数量不能为负数，现为 -2')],
  },
  {
    rule: 'SPAQ-JH-W01', name: '票证 not complete and nothing said about it', pass: withPurchase({ tickets: '否', remark: '次日补送合格证明，已核验' }),
    fail: withPurchase({ tickets: '否' }), expect: [jh('warning', 'remark', 'M4', '票证不齐全时应在备注中写明处理情况（退货、补证等）（票证齐全为“否”）')],
  },
  // ---- 食品安全自查表 (item n on row 3 + n) ----
  { rule: 'SPAQ-ZC-REQ', name: 'item 7 (从业人员 · 定期培训) without 结果', pass: withItem(7, { result: '不适用' }), fail: withItem(7, { result: null }), expect: [zc(7, 'result', '必填项未填')] },
  { rule: 'SPAQ-ZC-TYPE', name: '整改完成日期 as words', pass: fault(), fail: fault({ rectifyDate: '10月20日' }), expect: [zc(9, 'rectifyDate', '现为“10月20日”')] },
  { rule: 'SPAQ-ZC-ENUM', name: '结果 合格', pass: withItem(1, { result: '是' }), fail: withItem(1, { result: '合格' }), expect: [zc(1, 'result', '（是、否、不适用）')] },
  {
    rule: 'SPAQ-ZC-01', name: '否 without 问题描述', pass: fault(), fail: fault({ problem: null }),
    expect: [zc(9, 'problem', '结果为“否”时应填写问题描述（结果为“否”）')],
  },
  {
    rule: 'SPAQ-ZC-02', name: '否 without 整改情况 (未完成 passes, without a date)', pass: fault({ rectify: '未完成', rectifyDate: null }),
    fail: fault({ rectify: null, rectifyDate: null }), expect: [zc(9, 'rectify', '结果为“否”时应填写整改情况（结果为“否”）')],
  },
  {
    rule: 'SPAQ-ZC-03', name: '已完成 without 整改完成日期', pass: fault(), fail: fault({ rectifyDate: null }),
    expect: [zc(9, 'rectifyDate', '整改已完成时应填写整改完成日期（整改情况为“已完成”）')],
  },
  {
    rule: 'SPAQ-ZC-04', name: 'fixed before the month began (a day in the next month passes)', pass: fault({ rectifyDate: '2025-11-03' }),
    fail: fault({ rectifyDate: '2025-09-30' }), expect: [zc(9, 'rectifyDate', '整改完成日期不得早于本月（本月从 2025-10-01 起），现为 2025-09-30')],
  },
];
