// The rules of 食品留样记录 (FORMS.md §2.1, §4: 日期 in the month, 留样量 ≥ 125 g, kept ≥ 48 h, and the
// generic REQ/TYPE/ENUM rules): one passing and one failing case each. The month's 自查表 is done
// and each meal has its 陪餐, so that only the rule under test speaks.
// 食品留样记录: B 日期, C 餐次, D 菜品名称, E 留样量, F 留样时间, G 留样人, H 处理时间; data from row 4.
import type { Severity } from '../../../shared/audit/types';
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import { selfCheckDone } from '../../fixtures/spaq-ledgers';
import { mealPartners } from '../../fixtures/spaq-meals';
import type { Expected, RuleCase } from './kit';

export function sample(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, date: '2025-10-08', meal: '午餐', dish: '红烧肉', amount: 150, sampleTime: '11:40', sampler: '王芳',
    disposeTime: '2025-10-10 11:45', disposer: '李娜', remark: null, ...over,
  };
}
export function spaq(rows: LedgerRow[]): PeriodData {
  // the month's 自查表 done, so that its 21 items raise nothing here
  // each meal 陪 by a 校级领导 (SPAQ-PC-W01, cases in rule-cases/meal-days.cases.ts)
  const { companions } = mealPartners({ samples: rows });
  return {
    submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0,
    sheets: { sampleLog: { rows }, mealCompanion: { rows: companions }, selfCheck: { rows: selfCheckDone() } },
  };
}

const log = (severity: Severity, colKey: string, cell: string, says?: string): Expected => ({
  severity, sheetId: 'sampleLog', row: { kind: 'ledger', index: 0, id: 's0' }, colKey, cell, says,
});

export const CASES: RuleCase[] = [
  {
    rule: 'SPAQ-LY-REQ', name: '菜品名称 missing',
    pass: { data: spaq([sample('s0')]) },
    fail: { data: spaq([sample('s0', { dish: '' })]) },
    expect: [log('error', 'dish', 'D4', '必填项未填')],
  },
  {
    rule: 'SPAQ-LY-TYPE', name: '"abc" as 留样量',
    pass: { data: spaq([sample('s0', { amount: 200 })]) },
    fail: { data: spaq([sample('s0', { amount: 'abc' })]) },
    expect: [log('error', 'amount', 'E4', '现为“abc”')],
  },
  {
    rule: 'SPAQ-LY-TYPE', name: 'a date that never parsed',
    pass: { data: spaq([sample('s0', { date: '2025-10-31', disposeTime: '2025-11-02 11:40' })]) },
    fail: { data: spaq([sample('s0', { date: '10月8号' })]) },
    expect: [log('error', 'date', 'B4', '应为日期（如 2025-09-01），现为“10月8号”')],
  },
  {
    rule: 'SPAQ-LY-ENUM', name: '餐次 夜宵',
    pass: { data: spaq([sample('s0', { meal: '加餐' })]) },
    fail: { data: spaq([sample('s0', { meal: '夜宵' })]) },
    expect: [log('error', 'meal', 'C4', '“夜宵”不在可选值（早餐、午餐、晚餐、加餐）中')],
  },
  {
    rule: 'SPAQ-LY-01', name: '留样 dated in the next month',
    pass: { data: spaq([sample('s0', { date: '2025-10-01', disposeTime: '2025-10-03 12:00' })]) },
    fail: { data: spaq([sample('s0', { date: '2025-11-01', disposeTime: '2025-11-03 12:00' })]) },
    expect: [log('error', 'date', 'B4', '（2025-10-01 至 2025-10-31），现为 2025-11-01')],
  },
  {
    rule: 'SPAQ-LY-01', name: '留样 dated in the previous month',
    pass: { data: spaq([sample('s0', { date: '2025-10-31', disposeTime: '2025-11-02 12:00' })]) },
    fail: { data: spaq([sample('s0', { date: '2025-09-30', disposeTime: '2025-10-02 12:00' })]) },
    expect: [log('error', 'date', 'B4', '现为 2025-09-30')],
  },
  {
    rule: 'SPAQ-LY-02', name: '留样量 124 g (125 passes)',
    pass: { data: spaq([sample('s0', { amount: 125 })]) },
    fail: { data: spaq([sample('s0', { amount: 124 })]) },
    expect: [log('error', 'amount', 'E4', '每份留样不少于 125 克，现为 124')],
  },
  {
    rule: 'SPAQ-LY-03', name: 'disposed after 47 h 59 min (48 h 00 min passes)',
    pass: { data: spaq([sample('s0', { sampleTime: '11:40', disposeTime: '2025-10-10 11:40' })]) },
    fail: { data: spaq([sample('s0', { sampleTime: '11:40', disposeTime: '2025-10-10 11:39' })]) },
    // 47 h 59 min must not be shown rounded up to "48 小时" — that reads as if the rule were met
    expect: [log('error', 'disposeTime', 'H4', '现为 47.9 小时')],
  },
  {
    rule: 'SPAQ-LY-03', name: 'disposed across a month end, 1 day later',
    pass: { data: spaq([sample('s0', { date: '2025-10-30', sampleTime: '17:30', disposeTime: '2025-11-01 17:31' })]) },
    fail: { data: spaq([sample('s0', { date: '2025-10-30', sampleTime: '17:30', disposeTime: '2025-10-31 17:30' })]) },
    expect: [log('error', 'disposeTime', 'H4', '现为 24 小时')],
  },
];
