// The monthly summaries computed from small hand-made ledgers, against figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { computeIndicatorTable } from '../../shared/compute/indicator';
import type { IndicatorSheet } from '../../shared/pack/schema';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { runAudit } from '../../shared/audit/run';
import { SCHOOL } from '../fixtures/small-school';

const pack = seedPacks().get('luojiang')!;
const ind = (id: string) => pack.sheets[id] as IndicatorSheet;
const month = (submission: string, sheets: Record<string, LedgerRow[] | Record<string, number | string>>): PeriodData => ({
  submission, period: '2025-10', status: '草稿', version: 0,
  sheets: Object.fromEntries(Object.entries(sheets).map(([k, v]) => [k, Array.isArray(v) ? { rows: v } : { cells: v }])),
});
const results = (t: ReturnType<typeof computeIndicatorTable>) =>
  Object.fromEntries(t.sections.flatMap((s) => s.results.map((r) => [r.row.code, [r.value, r.met]])));
const row = (id: string, v: Record<string, string | number | null>): LedgerRow => ({ id, ...v });

describe('食品安全月度汇总', () => {
  const spaq = month('SPAQ', {
    sampleLog: [
      row('a', { date: '2025-10-09', meal: '午餐', dish: '米饭', amount: 150, sampleTime: '11:40', disposeTime: '2025-10-11 11:40' }),
      row('b', { date: '2025-10-09', meal: '午餐', dish: '红烧肉', amount: 125, sampleTime: '11:40', disposeTime: '2025-10-11 12:00' }),
      row('c', { date: '2025-10-09', meal: '晚餐', dish: '青菜', amount: 120, sampleTime: '17:30', disposeTime: '2025-10-11 17:30' }),
      row('d', { date: '2025-10-10', meal: '午餐', dish: '豆腐', amount: 150, sampleTime: '11:40', disposeTime: '2025-10-12 10:40' }), // 47 h
    ],
    mealCompanion: [row('p', { date: '2025-10-09', meal: '午餐', role: '校级领导' }), row('q', { date: '2025-10-10', meal: '午餐', role: '家长' })],
    foodStaff: [row('s1', { name: '甲', issueDate: '2025-01-05', validUntil: '2025-10-31' }), row('s2', { name: '乙', issueDate: '2024-10-21', validUntil: '2025-10-20' })],
    morningCheck: [row('m1', { date: '2025-10-09', expected: 2, checked: 2 })],
    purchaseCheck: [row('j1', { tickets: '是' }), row('j2', { tickets: '是' }), row('j3', { tickets: '否' })],
    selfCheck: [row('z1', { result: '否', rectify: '已完成' }), row('z2', { result: '否', rectify: '未完成' }), row('z3', { result: '是' })],
    foodSummary: { '12:value': 0 },
  });
  it('every row by hand', () => {
    expect(results(computeIndicatorTable(ind('foodSummary'), { pack, school: SCHOOL, data: spaq }))).toEqual({
      '01': [2, undefined], // 9th and 10th
      '02': [3, undefined], // 9th 午餐, 9th 晚餐, 10th 午餐
      '03': [66.7, false], // 晚餐 has a 120 g sample
      '04': [66.7, false], // 10th 午餐 kept 47 h
      '05': [33.3, false], // only the 9th 午餐 had a 校级领导
      '06': [1, undefined],
      '07': [50, false], // 乙's certificate ends on the 20th
      '08': [50, false], // 晨检 on 1 of 2 days
      '09': [66.7, false],
      '10': [2, undefined],
      '11': [1, undefined],
      '12': [0, true],
    });
  });
  it('an incident is a warning that needs a 说明', () => {
    const f = runAudit({ pack, school: SCHOOL, data: { ...spaq, sheets: { ...spaq.sheets, foodSummary: { cells: { '12:value': 1 } } } } });
    expect(f.filter((x) => x.ruleId === 'SPAQ-SPHZ-W01').map((x) => x.severity)).toEqual(['warning']);
  });
});

describe('安全防范与卫生配置 and 校园安全月度汇总', () => {
  const xnc = (students: number): PeriodData => ({
    submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
    sheets: { classList: { rows: [row('c', { stage: '小学', grade: '一年级', className: 'x', students })] } },
  });
  const config = { '02:value': 2, '04:value': '是', '05:value': '否', '06:value': '是', '08:value': '是' };
  const xyaq = month('XYAQ', {
    hazardLog: [
      row('h1', { code: 'Y1', date: '2025-10-03', level: '重大', status: '已销号', doneDate: '2025-10-10', deadline: '2025-10-10' }),
      row('h2', { code: 'Y2', date: '2025-10-15', level: '一般', status: '整改中', deadline: '2025-10-20' }),
      row('h3', { code: 'Y0', date: '2025-09-20', level: '一般', status: '未整改', deadline: '2025-11-15' }), // carried from September
    ],
    drillLog: [row('d1', { date: '2025-10-08', evacSeconds: 95 }), row('d2', { date: '2025-10-22', evacSeconds: 120 })],
    healthCheck: [
      row('k1', { date: '2025-10-08', expected: 500, present: 490, sickAbsent: 6, fever: 3 }),
      row('k2', { date: '2025-10-09', expected: 500, present: 495, sickAbsent: 2, fever: 1, cough: 2 }),
      row('k3', { date: '2025-10-10', expected: 500, present: null, sickAbsent: 0 }),
    ],
    safetyConfig: config,
    safetySummary: { '12:value': 0 },
  });
  const lookup = (students: number) => (sub: string, period: string) => (sub === 'XNC' && period === '2025-2026' ? xnc(students) : undefined);

  it('应配专职保安人数 from the 学年 class list; fewer guards is a warning', () => {
    const t = results(computeIndicatorTable(ind('safetyConfig'), { pack, school: SCHOOL, data: xyaq, lookup: lookup(1234) }));
    expect([t['01'], t['02'], t['03'], t['04']]).toEqual([[1234, undefined], [2, undefined], [3, undefined], ['是', undefined]]);
    expect(results(computeIndicatorTable(ind('safetyConfig'), { pack, school: SCHOOL, data: xyaq, lookup: lookup(1500) }))['03']).toEqual([4, undefined]);
    const w = runAudit({ pack, school: SCHOOL, data: xyaq, lookup: lookup(1234) }).filter((f) => f.ruleId === 'XYAQ-AFPZ-W01');
    expect(w.map((f) => [f.severity, f.message.includes('（2 < 3）')])).toEqual([['warning', true]]);
    expect(runAudit({ pack, school: SCHOOL, data: xyaq, lookup: lookup(900) }).filter((f) => f.ruleId === 'XYAQ-AFPZ-W01')).toEqual([]);
  });

  it('every summary row by hand', () => {
    expect(results(computeIndicatorTable(ind('safetySummary'), { pack, school: SCHOOL, data: xyaq, lookup: lookup(1234) }))).toEqual({
      '01': [2, undefined], '02': [1, undefined], '03': [1, undefined], '04': [2, undefined],
      '05': [1, false], // Y2 past its 20 Oct deadline
      '06': [2, true], '07': [120, undefined],
      '08': [3, false], // 封闭化 + 视频监控 + 护学岗; no 一键报警; 2 guards < 3
      '09': ['2/3', undefined], '10': [0.53, undefined], // 8 / 1500
      '11': [1, undefined], // 3 fevers on the 8th
      '12': [0, true],
    });
  });
});
