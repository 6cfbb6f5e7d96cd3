// Rule cases of the indicator sheets: 优质均衡 not reached, counts above their totals, 保安 below
// GB/T 29315, and the incidents a school must explain.
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import type { Expected, RuleCase } from './kit';
import { selfCheckDone } from '../../fixtures/spaq-ledgers';

const classes: LedgerRow[] = [1, 2, 3, 4].map((i) => ({ id: `c${i}`, stage: '小学', grade: '一年级', className: `一年级（${i}）班`, students: 50, multiGrade: '否' }));
const teacher = (i: number, v: Partial<LedgerRow> = {}): LedgerRow => ({
  id: `t${i}`, name: `教师${i}`, gender: '女', birth: '1990-05', ethnicity: '汉族', post: '专任教师', inEstablishment: '是',
  stage: '小学', education: '本科', title: '中级', subject: '语文', backbone: '无', ...v,
});
// 10 teachers for 200 pupils: 5 per 100 with 专科+, 1.5 骨干 and 1 体育/音乐 per 100 — all met
const staff: LedgerRow[] = [
  ...[1, 2, 3].map((i) => teacher(i, { backbone: '区县级' })),
  teacher(4, { subject: '体育与健康' }), teacher(5, { subject: '音乐' }),
  ...[6, 7, 8, 9, 10].map((i) => teacher(i)),
];
export const conditions = (rooms: number) => ({ '01:value': 1000, '02:value': 1500, '03:value': 50, '04:value': rooms, '05:value': 8000, '06:value': 30 });
export const xnc = (cells: Record<string, Record<string, number>>, stage = '小学'): PeriodData => ({
  submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
  sheets: {
    classList: { rows: classes.map((c) => ({ ...c, stage, grade: '一年级' })) },
    staffList: { rows: staff.map((t) => ({ ...t, stage })) },
    ...Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, { cells: c }])),
  },
});
const ind = (severity: Expected['severity'], sheetId: string, code: string, cell: string, says?: string): Expected => ({
  severity, sheetId, row: { kind: 'stat', code }, colKey: 'value', cell, says,
});
// a month whose ledgers are otherwise in order: 自查表 filled (SPAQ), one 应急演练 (XYAQ)
const month = (submission: string, sheets: Record<string, Record<string, number | string>>): PeriodData => ({
  submission, period: '2025-10', status: '草稿', version: 0,
  sheets: {
    ...(submission === 'SPAQ' ? { selfCheck: { rows: selfCheckDone() } } : {}),
    ...(submission === 'XYAQ'
      ? { drillLog: { rows: [{ id: 'd', date: '2025-10-15', drillType: '消防疏散', participants: 500, evacSeconds: 150, dept: '政教处', commander: '王伟', rating: '良' }] } }
      : {}),
    ...Object.fromEntries(Object.entries(sheets).map(([k, c]) => [k, { cells: c }])),
  },
});
const config = (guards: number) => ({ '02:value': guards, '04:value': '是', '05:value': '是', '06:value': '是', '08:value': '是' });
const year = (students: number) => (sub: string, period: string): PeriodData | undefined =>
  sub === 'XNC' && period === '2025-2026'
    ? { submission: 'XNC', period, status: '草稿', version: 0, sheets: { classList: { rows: [{ id: 'x', stage: '小学', grade: '一年级', className: 'x', students }] } } }
    : undefined;

export const CASES: RuleCase[] = [
  {
    rule: 'XNC-YZJH-W01',
    name: '小学 6 standards met but 多媒体教室 at 65% of its standard',
    pass: { type: '小学', data: xnc({ conditions: conditions(5) }) },
    fail: { type: '小学', data: xnc({ conditions: conditions(3) }) },
    expect: [ind('warning', 'conditions', '19', 'C24', '小学未达到优质均衡校级要求')],
  },
  {
    rule: 'XNC-YZJH-W02',
    name: '初中 falls short on 生均用房 (1000 ㎡ for 200 pupils: 5 < 5.8) and 多媒体',
    pass: { type: '初级中学', data: xnc({ conditions: { ...conditions(5), '01:value': 1200, '02:value': 2100, '03:value': 60 } }, '初中') },
    fail: { type: '初级中学', data: xnc({ conditions: conditions(3) }, '初中') },
    expect: [ind('warning', 'conditions', '29', 'C24', '初中未达到优质均衡校级要求')],
  },
  {
    rule: 'XNC-XSFZ-01',
    name: '合格人数 above 测试人数',
    pass: { type: '小学', data: xnc({ studentDev: { '01:value': 200, '02:value': 200 } }) },
    fail: { type: '小学', data: xnc({ studentDev: { '01:value': 200, '02:value': 201 } }) },
    expect: [ind('error', 'studentDev', '02', 'C6', '合格人数不得大于测试人数（201 > 200）')],
  },
  {
    rule: 'XNC-XSFZ-02',
    name: '满意人数 above 调查人数',
    pass: { type: '小学', data: xnc({ studentDev: { '05:value': 50, '06:value': 50 } }) },
    fail: { type: '小学', data: xnc({ studentDev: { '05:value': 50, '06:value': 51 } }) },
    expect: [ind('error', 'studentDev', '06', 'C10', '满意人数不得大于调查人数（51 > 50）')],
  },
  {
    rule: 'SPAQ-SPHZ-W01',
    name: 'a 群体性食品安全事故 this month',
    pass: { type: '小学', data: month('SPAQ', { foodSummary: { '12:value': 0 } }) },
    fail: { type: '小学', data: month('SPAQ', { foodSummary: { '12:value': 1 } }) },
    expect: [ind('warning', 'foodSummary', '12', 'C16', '本月发生群体性食品安全事故')],
  },
  {
    rule: 'XYAQ-AFPZ-W01',
    name: '2 专职保安 for 1,234 pupils (GB/T 29315 asks 3)',
    pass: { type: '小学', data: month('XYAQ', { safetyConfig: config(3), safetySummary: { '12:value': 0 } }), lookup: year(1234) },
    fail: { type: '小学', data: month('XYAQ', { safetyConfig: config(2), safetySummary: { '12:value': 0 } }), lookup: year(1234) },
    expect: [ind('warning', 'safetyConfig', '02', 'C6', '专职保安人数少于应配人数（GB/T 29315-2022）（2 < 3）')],
  },
  {
    rule: 'XYAQ-AQHZ-W01',
    name: 'a 重大传染病疫情 this month',
    pass: { type: '小学', data: month('XYAQ', { safetyConfig: config(3), safetySummary: { '12:value': 0 } }), lookup: year(1234) },
    fail: { type: '小学', data: month('XYAQ', { safetyConfig: config(3), safetySummary: { '12:value': 1 } }), lookup: year(1234) },
    expect: [ind('warning', 'safetySummary', '12', 'C16', '本月发生重大传染病疫情')],
  },
];
