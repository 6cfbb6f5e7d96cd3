// 办学条件与优质均衡, 教师发展 and 学生发展与满意度, computed from a hand-made class list and staff
// list and compared with figures worked out by hand; the expression language's edge cases.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { computeIndicatorTable, type IndicatorTable } from '../../shared/compute/indicator';
import { evalExpr, type ExprEnv } from '../../shared/compute/expr';
import type { IndicatorSheet } from '../../shared/pack/schema';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { runAudit } from '../../shared/audit/run';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { SCHOOL } from '../fixtures/small-school';

const packs = seedPacks();
const lj = packs.get('luojiang')!;
const sl = packs.get('shuangliu')!;
const sheet = (id: string) => lj.sheets[id] as IndicatorSheet;

// 200 小学 students in 4 classes
const classes: LedgerRow[] = [50, 50, 50, 50].map((n, i) => ({ id: `c${i}`, stage: '小学', grade: ['一年级', '二年级', '三年级', '四年级'][i]!, className: `${i}班`, students: n }));
const t = (id: string, v: Partial<LedgerRow>): LedgerRow => ({
  id, name: id, post: '专任教师', stage: '小学', education: '本科', subject: '语文', backbone: '无', itOnline: 0, itPractice: 0,
  yearsAtSchool: 1, inEstablishment: '是', rotated: '否', lastCheckup: '2025-03-01', ...v,
});
// 10 专任教师 + 1 行政: by hand —
//  专科及以上 10 (one 高中阶段 is below), 县级以上骨干 3, 体育/音乐/美术 2,
//  IT 达标 (≥20, ≥30, ≥50) 2 (t1: 20+30, t2: 25+40; t3: 30+19 fails practice),
//  due to rotate (≥6 years, 在编, 专任或行政) 5 (t1…t4 and a1), rotated 2 (t1 骨干, a1), 体检 within 2 years 9 (t10 in 2022)
const staff: LedgerRow[] = [
  t('t1', { backbone: '区县级', itOnline: 20, itPractice: 30, yearsAtSchool: 6, rotated: '是' }),
  t('t2', { backbone: '市级', itOnline: 25, itPractice: 40, yearsAtSchool: 9 }),
  t('t3', { backbone: '省级', itOnline: 30, itPractice: 19, yearsAtSchool: 12 }),
  t('t4', { subject: '体育与健康', yearsAtSchool: 7 }),
  t('t5', { subject: '音乐', education: '专科', yearsAtSchool: 7, inEstablishment: '否' }),
  t('t6', { education: '硕士研究生' }),
  t('t7', {}),
  t('t8', {}),
  t('t9', { education: '高中阶段', lastCheckup: '2024-06-01' }), // within 2 years of 2025-09-01, not within 1
  t('t10', { lastCheckup: '2022-06-01' }),
  t('a1', { post: '行政人员', subject: '本学年不授课', yearsAtSchool: 8, rotated: '是' }),
];
const data = (cells: Record<string, Record<string, number | string>> = {}): PeriodData => ({
  submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
  sheets: { classList: { rows: classes }, staffList: { rows: staff }, ...Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, { cells: c }])) },
});
const values = (tb: IndicatorTable) => Object.fromEntries(tb.sections.flatMap((s) => s.results.map((r) => [r.row.code, [r.value, r.target, r.met]])));

describe('办学条件与优质均衡 (小学)', () => {
  // areas chosen so 生均 用房 = 1000/200 = 5.00 (≥4.5), 场馆 = 1400/200 = 7.00 (< 7.5 but ≥ 85%),
  // 设备 = 50 万元 → 2500 元/生, 多媒体 = 4 → 2.00 per 100 (< 2.3, 87% of it)
  const cells = { conditions: { '01:value': 1000, '02:value': 1400, '03:value': 50, '04:value': 4, '05:value': 8000, '06:value': 30 } };
  const tb = computeIndicatorTable(sheet('conditions'), { pack: lj, school: SCHOOL, data: data(cells) });

  it('shows only the 小学 block for a 小学, with the entered block first', () => {
    expect(tb.sections.map((s) => s.title)).toEqual(['一、办学条件', '二、优质均衡指标（小学）']);
  });

  it('every value, standard and 达标 against hand figures', () => {
    expect(values(tb)).toMatchObject({
      '01': [1000, null, undefined],
      '11': [4.5, 4.2, true], // 9 of the 10 专任教师 have 专科+ (t9 高中阶段): 9/200×100
      '12': [1.5, 1, true], // 3/200×100
      '13': [1, 0.9, true], // 2/200×100
      '14': [5, 4.5, true],
      '15': [7, 7.5, false],
      '16': [2500, 2000, true],
      '17': [2, 2.3, false],
      '18': [5, null, undefined],
      '19': ['否', '是', false], // 5 met < 6
    });
  });
});

describe('优质均衡校级要求: ≥6 standards met and the others ≥85% of theirs', () => {
  const base = { '01:value': 1000, '02:value': 1500, '03:value': 50, '05:value': 1, '06:value': 1 };
  const verdict = (rooms: number) => {
    const tb = computeIndicatorTable(sheet('conditions'), { pack: lj, school: SCHOOL, data: data({ conditions: { ...base, '04:value': rooms } }) });
    return [values(tb)['18']![0], values(tb)['19']![0]];
  };
  it('6 met and 多媒体 at 2.0/2.3 = 87% → 是', () => expect(verdict(4)).toEqual([6, '是']));
  it('6 met but 多媒体 at 1.5/2.3 = 65% → 否', () => expect(verdict(3)).toEqual([6, '否']));
  it('all 7 met → 是', () => expect(verdict(5)).toEqual([7, '是']));
  it('a 九年一贯制 school gets both blocks; 生均 uses all students', () => {
    const nine = { ...SCHOOL, type: '九年一贯制学校' };
    const rows = [...classes, { id: 'j', stage: '初中', grade: '一年级', className: 'j', students: 50 }];
    const d = { ...data({ conditions: { ...base, '04:value': 5 } }), sheets: { ...data({ conditions: { ...base, '04:value': 5 } }).sheets, classList: { rows } } };
    const tb = computeIndicatorTable(sheet('conditions'), { pack: lj, school: nine, data: d });
    expect(tb.sections.map((s) => s.title)).toEqual(['一、办学条件', '二、优质均衡指标（小学）', '三、优质均衡指标（初中）']);
    expect(values(tb)['14']![0]).toBe(4); // 1000 ㎡ / 250 students
    expect(values(tb)['24']![0]).toBe(4);
    expect(values(tb)['21']![0]).toBe(0); // no 初中 teachers: 0 per 100 students
  });
});

describe('教师发展 from 教职工名册, with each bureau targets', () => {
  const lv = values(computeIndicatorTable(sheet('teacherDev'), { pack: lj, school: SCHOOL, data: data() }));
  const sv = values(computeIndicatorTable(sl.sheets.teacherDev as IndicatorSheet, { pack: sl, school: { ...SCHOOL, packId: 'shuangliu' }, data: data() }));
  it('counts and rates by hand', () => {
    expect(lv).toMatchObject({
      '01': [10, null, undefined], '02': [2, null, undefined],
      '04': [5, null, undefined], // t1 t2 t3 t4 a1 (t5 is not 在编)
      '05': [2, null, undefined], '06': [40, 15, true],
      '07': [1, null, undefined], '08': [50, 25, true],
      '09': [3, null, undefined], '10': [30, 30, true],
      '12': [80, null, undefined], // 8 of 10 本科+; 罗江 sets no target for it
      '14': [90, 100, false], // t10 (2022) is out of 罗江's 2-year window
    });
    expect(lv['03']).toEqual([20, null, undefined]);
    expect(Object.keys(lv)).not.toContain('11'); // 幼儿园 row: not for a 小学
  });
  it('双流: its own targets and a 1-year 体检 window', () => {
    expect(sv['03']).toEqual([20, 90, false]);
    expect(sv['08']).toEqual([50, 20, true]);
    expect(sv['12']).toEqual([80, 95, false]);
    expect(sv['14']).toEqual([80, 100, false]); // t9 (2024-06) and t10 are out of 1 year
  });
});

describe('学生发展与满意度', () => {
  it('rates from entered counts; 合格 > 测试 is a 逻辑校验 error', () => {
    const cells = { studentDev: { '01:value': 200, '02:value': 190, '04:value': 100, '05:value': 50, '06:value': 46 } };
    const lvals = values(computeIndicatorTable(sheet('studentDev'), { pack: lj, school: SCHOOL, data: data(cells) }));
    expect([lvals['03'], lvals['07']]).toEqual([[95, 95, true], [92, null, undefined]]);
    const svals = values(computeIndicatorTable(sl.sheets.studentDev as IndicatorSheet, { pack: sl, school: SCHOOL, data: data(cells) }));
    expect([svals['03'], svals['04'], svals['07']]).toEqual([[95, 98, false], [100, 100, true], [92, 90, true]]);
    const ok = runAudit({ pack: lj, school: SCHOOL, data: data(cells) }).filter((f) => f.sheetId === 'studentDev');
    expect(ok).toEqual([]);
    const bad = runAudit({ pack: lj, school: SCHOOL, data: data({ studentDev: { ...cells.studentDev, '02:value': 201 } }) }).filter((f) => f.sheetId === 'studentDev');
    expect(bad.map((f) => [f.ruleId, f.severity, f.cell])).toEqual([['XNC-XSFZ-01', 'error', 'C6']]);
    expect(bad[0]!.message).toContain('学生发展与满意度 [02 合格(达标)人数] (C6)：合格人数不得大于测试人数（201 > 200）');
  });
  it('a warning when 优质均衡 is not reached, none while 办学条件 is not filled in', () => {
    const none = runAudit({ pack: lj, school: SCHOOL, data: data({ conditions: { '01:value': 1 } }) }).filter((x) => x.ruleId === 'XNC-YZJH-W01');
    expect(none).toEqual([]);
    const full = { '01:value': 1000, '02:value': 1500, '03:value': 50, '04:value': 3, '05:value': 1, '06:value': 1 };
    const f = runAudit({ pack: lj, school: SCHOOL, data: data({ conditions: full }) }).filter((x) => x.ruleId === 'XNC-YZJH-W01');
    expect(f.map((x) => [x.severity, x.cell])).toEqual([['warning', 'C24']]); // section 2 rows 11…19 sit on rows 16…24, 本校值 in column C
  });
});

describe('export and read back', () => {
  it('the indicator sheet has its sections laid out, and entered values come back', async () => {
    const cells = { conditions: { '01:value': 1000, '02:value': 1500, '03:value': 50.5, '04:value': 4, '05:value': 8000, '06:value': 30 }, studentDev: { '01:value': 200, '02:value': 190 } };
    const d = data(cells);
    const r = await exportReport({ pack: lj, school: SCHOOL, data: d, appVersion: '1', now: new Date('2025-09-16T00:00:00Z') });
    const ws = XLSX.read(r.bytes, { type: 'array' }).Sheets['办学条件与优质均衡']!;
    const v = (a: string) => ws[a]?.v;
    expect([v('A1'), v('A2'), v('C2'), v('A3')]).toEqual(['办学条件与优质均衡', '填报单位：罗江区实验小学', '统计时点：2025年9月1日', '一、办学条件']);
    expect([v('A4'), v('B4'), v('C4'), v('D4'), v('A5'), v('B5'), v('C5'), v('D5')]).toEqual(['指标名称', '代码', '单位', '值', '甲', '乙', '1', '2']);
    expect([v('A6'), v('B6'), v('C6'), v('D6'), v('D8')]).toEqual(['教学及辅助用房面积', '01', '㎡', 1000, 50.5]);
    // FORMS.md §1.10 block 2: 指标名称 · 代码 · 本校值 · 标准值 · 是否达标, units in the labels
    expect([v('A13'), v('A14'), v('B14'), v('C14'), v('D14'), v('E14'), v('F14')]).toEqual(['二、优质均衡指标（小学）', '指标名称', '代码', '本校值', '标准值', '是否达标', undefined]);
    expect([v('A16'), v('B16'), v('C16'), v('D16'), v('E16')]).toEqual(['每百名学生拥有高于规定学历教师数', '11', 4.5, 4.2, '是']);
    expect([v('A19'), v('A21'), v('A23'), v('A24')]).toEqual(['生均教学及辅助用房面积(㎡)', '生均教学仪器设备值(元)', '达标项数', '是否达到优质均衡校级要求']);
    expect(String(v('A25'))).toMatch(/^注：高于规定学历：小学为专科及以上。一贯制学校/);
    const back = readReport(r.bytes, packs);
    expect(back.data.sheets.conditions).toEqual({ cells: cells.conditions });
    expect(back.data.sheets.studentDev).toEqual({ cells: cells.studentDev });
  });
});

describe('expressions', () => {
  const rows: Record<string, LedgerRow[]> = {
    log: [
      { id: '1', date: '2025-10-09', meal: '午餐', amount: 150 }, { id: '2', date: '2025-10-09', meal: '午餐', amount: 120 },
      { id: '3', date: '2025-10-09', meal: '早餐', amount: 130 }, { id: '4', date: '2025-10-10', meal: '午餐', amount: 200 },
      { id: '5', date: null, meal: '午餐', amount: 200 },
    ],
    companion: [{ id: 'p', date: '2025-10-09', meal: '早餐', role: '校级领导' }, { id: 'q', date: '2025-10-10', meal: '午餐', role: '家长' }],
  };
  const env: ExprEnv = {
    ctx: { refDay: '2025-10-31', periodStart: '2025-10-01', periodEnd: '2025-10-31' },
    rows: (s) => rows[s] ?? [], cell: () => null, row: (c) => (c === 'x' ? 4 : null), ind: () => null, met: () => [],
  };
  it('distinct, groups with all/any/has, max, and rows with an empty key left out', () => {
    expect(evalExpr({ op: 'distinct', sheet: 'log', by: ['date'] }, env)).toBe(2);
    expect(evalExpr({ op: 'distinct', sheet: 'log', by: ['date', 'meal'] }, env)).toBe(3);
    expect(evalExpr({ op: 'groups', sheet: 'log', by: ['date', 'meal'], all: [{ field: 'amount', min: 125 }] }, env)).toBe(2);
    expect(evalExpr({ op: 'groups', sheet: 'log', by: ['date', 'meal'], any: [{ field: 'amount', max: 125 }] }, env)).toBe(1);
    expect(evalExpr({ op: 'groups', sheet: 'log', by: ['date', 'meal'], has: { sheet: 'companion', where: [{ field: 'role', in: ['校级领导', '中层干部'] }] } }, env)).toBe(1);
    expect(evalExpr({ op: 'max', sheet: 'log', fields: ['amount'] }, env)).toBe(200);
  });
  it('division by zero or a missing figure is null, never 0; ratios; tiers (GB/T 29315 guards)', () => {
    expect(evalExpr({ op: 'div', args: [{ op: 'const', value: 1 }, { op: 'const', value: 0 }] }, env)).toBeNull();
    expect(evalExpr({ op: 'add', args: [{ op: 'row', code: 'x' }, { op: 'row', code: 'y' }] }, env)).toBeNull();
    expect(evalExpr({ op: 'div', args: [{ op: 'row', code: 'x' }, { op: 'const', value: 5 }] }, env, true)).toBe('4/5');
    const guards = (n: number) =>
      evalExpr({ op: 'tiers', arg: { op: 'const', value: n }, tiers: [{ below: 100, value: 1 }, { below: 1000, value: 2 }], then: { from: 1000, base: 3, every: 500 } }, env);
    expect([99, 100, 999, 1000, 1499, 1500, 3000].map(guards)).toEqual([1, 2, 2, 3, 3, 4, 7]);
  });
});

describe('pack targets named by shared forms', () => {
  it('every target a form refers to exists in at least one bureau pack', () => {
    const ids = new Set([...packs.values()].flatMap((p) => p.targets.map((t) => t.id)));
    const refs = [...packs.values()].flatMap((p) =>
      Object.values(p.sheets).flatMap((s) => (s.kind === 'indicator' ? s.sections.flatMap((x) => x.rows.flatMap((r) => r.target?.refs ?? [])) : [])),
    );
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  });
});

describe('related submissions', () => {
  it('XYAQ reads the XNC 学年 (在校生数); XNC and SPAQ read no other report', async () => {
    const { relatedSubmissions } = await import('../../shared/pack/related');
    expect(relatedSubmissions(lj, 'XYAQ')).toEqual(['XNC']);
    expect(relatedSubmissions(lj, 'XNC')).toEqual([]);
    expect(relatedSubmissions(lj, 'SPAQ')).toEqual([]);
  });
});
