// District indicators (plan-targets.md) against each pack's targets, from hand-made schools whose
// figures are worked out here: each with a passing and a missing case, and the schools that miss it.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import type { Pack } from '../../shared/pack/schema';
import { computeDistrictIndicators, type DistrictIndicator } from '../../shared/consolidate/district-indicators';
import type { DistrictReport } from '../../shared/consolidate/district-reports';
import { monthOf, reportOf, teachers, type HandSchool } from '../fixtures/district-schools';

const packs = seedPacks();
const lj = packs.get('luojiang')!;
const sl = packs.get('shuangliu')!;
const find = (pack: Pack, reports: DistrictReport[], id: string, opts = {}): DistrictIndicator =>
  computeDistrictIndicators(pack, reports, opts).find((x) => x.target.id === id)!;
const codes = (x: DistrictIndicator) => x.missing.map((m) => m.schoolCode);
/** the same pack with one target's value changed: the formula is data, the figure is the plan's */
const withTarget = (pack: Pack, id: string, value: number): Pack => ({ ...pack, targets: pack.targets.map((t) => (t.id === id ? { ...t, value } : t)) });

const kg = (code: string, pupils: number, sponsor: '公办' | '民办', puhui?: boolean): HandSchool => ({ code, type: '幼儿园', pupils: { 学前: pupils }, sponsor, puhui });

describe('普惠性幼儿园覆盖率 and 公办幼儿园在园幼儿比例 (罗江 ≥85 %, ≥50 %)', () => {
  it('(200 公办 + 100 普惠民办) of 350 = 85.7 % → met; only the non-普惠 民办 kindergarten misses on its own', () => {
    const r = [kg('5106260201', 200, '公办'), kg('5106260202', 100, '民办', true), kg('5106260203', 50, '民办', false)].map(reportOf);
    const x = find(lj, r, 'puhui-kindergarten-coverage');
    expect([x.status, x.numerator, x.denominator, x.schools]).toEqual(['met', 200 + 100, 200 + 100 + 50, 3]);
    expect(x.value).toBeCloseTo(((200 + 100) / 350) * 100, 10);
    expect(codes(x)).toEqual(['5106260203']);
    const p = find(lj, r, 'public-kindergarten-enrolment-share');
    expect([p.status, p.value]).toEqual(['met', (200 / 350) * 100]);
    expect(codes(p)).toEqual(['5106260202', '5106260203']);
  });

  it('a larger non-普惠 民办 kindergarten: 300 of 400 = 75 % → missed; 公办 100 of 400 → missed', () => {
    const r = [kg('5106260201', 100, '公办'), kg('5106260202', 200, '民办', true), kg('5106260203', 100, '民办', false)].map(reportOf);
    expect(find(lj, r, 'puhui-kindergarten-coverage')).toMatchObject({ status: 'missed', value: (300 / 400) * 100 });
    expect(find(lj, r, 'public-kindergarten-enrolment-share')).toMatchObject({ status: 'missed', value: (100 / 400) * 100 });
  });
});

describe('小学、初中专任教师本科及以上学历比例 (双流 ≥95 %)', () => {
  const s1: HandSchool = { code: '5101160301', type: '小学', pupils: { 小学: 400 }, teachers: [{ stage: '小学', n: 19 }, { stage: '小学', n: 1, education: '专科' }] };
  it('19 of 20 (exactly 95 %) and 10 of 10 → (19 + 10) / 30 met; the 95 % school is not listed', () => {
    const s2: HandSchool = { code: '5101160302', type: '初级中学', pupils: { 初中: 300 }, teachers: [{ stage: '初中', n: 10, education: '硕士研究生' }] };
    const x = find(sl, [s1, s2].map(reportOf), 'primary-junior-teacher-bachelor-rate');
    expect([x.status, x.numerator, x.denominator, x.missing]).toEqual(['met', 19 + 10, 20 + 10, []]);
  });
  it('8 of 10 at the 初中 → (19 + 8) / 30 = 90 % missed, the 初中 listed at 80 %', () => {
    const s2: HandSchool = { code: '5101160302', type: '初级中学', pupils: { 初中: 300 }, teachers: [{ stage: '初中', n: 8 }, { stage: '初中', n: 2, education: '专科' }] };
    const x = find(sl, [s1, s2].map(reportOf), 'primary-junior-teacher-bachelor-rate');
    expect([x.status, x.value]).toEqual(['missed', (27 / 30) * 100]);
    expect(x.missing).toEqual([{ schoolCode: '5101160302', schoolName: '5101160302学校', value: 80 }]);
  });
  it('a school with no 小学/初中 teacher has no figure, and a district with none has no value', () => {
    const kgOnly = find(sl, [reportOf(kg('5101160303', 100, '公办'))], 'primary-junior-teacher-bachelor-rate');
    expect([kgOnly.status, kgOnly.value, kgOnly.noFigure.map((n) => n.schoolCode)]).toEqual(['noData', null, ['5101160303']]);
  });
});

describe('名优骨干教师 (双流 Σ ≥ 2600)', () => {
  const r = ([
    { code: '5101160401', type: '小学', pupils: { 小学: 400 }, teachers: teachers('小学', 20, 3, 0) },
    { code: '5101160402', type: '初级中学', pupils: { 初中: 300 }, teachers: [...teachers('初中', 10, 2, 0), { stage: '初中', n: 1, post: '行政人员', backbone: '市级' }] },
  ] as HandSchool[]).map(reportOf);
  it('3 + 2 + 1 (a 行政 骨干 counts: 骨干级别不为“无”) = 6 of 2600 → missed, no school to blame alone', () => {
    expect(find(sl, r, 'famous-key-teachers')).toMatchObject({ status: 'missed', value: 6, missing: [], schools: 2 });
  });
  it('with the target at 6 → met', () => expect(find(withTarget(sl, 'famous-key-teachers', 6), r, 'famous-key-teachers').status).toBe('met'));
});

describe('优质均衡: 享受优质义务教育学生比例 (≥85 %), 学校达标比例 (≥50 %), 差异系数 (≤0.45)', () => {
  const A: HandSchool = { code: '5101160501', type: '小学', pupils: { 小学: 300 }, teachers: teachers('小学', 15, 3, 3), conditions: { area: 1500, field: 2700, equipment: 75, rooms: 9 } };
  const B: HandSchool = { code: '5101160502', type: '小学', pupils: { 小学: 400 }, teachers: teachers('小学', 18, 2, 4), conditions: { area: 1600, field: 3200, equipment: 80, rooms: 10 } };
  const C: HandSchool = { code: '5101160503', type: '小学', pupils: { 小学: 400 }, teachers: teachers('小学', 22, 6, 4), conditions: { area: 2800, field: 4000, equipment: 120, rooms: 12 } };
  it('B misses the 校级 standard: 700 of 1100 students = 63.6 % missed, B listed; 2 of 3 schools met', () => {
    const r = [A, B, C].map(reportOf);
    const st = find(sl, r, 'quality-compulsory-student-share');
    expect([st.status, st.numerator, st.denominator, codes(st)]).toEqual(['missed', 300 + 400, 300 + 400 + 400, [B.code]]);
    expect(find(sl, r, 'quality-standard-school-share')).toMatchObject({ status: 'met', numerator: 2, denominator: 3 });
  });
  it('without B: 100 % of students met; with two B-like schools: 1 of 3 schools missed', () => {
    expect(find(sl, [A, C].map(reportOf), 'quality-compulsory-student-share')).toMatchObject({ status: 'met', value: 100 });
    const r = [A, B, { ...B, code: '5101160504' }].map(reportOf);
    expect(find(sl, r, 'quality-standard-school-share')).toMatchObject({ status: 'missed', numerator: 1, denominator: 3 });
  });
  it('差异系数: A, B, C vary little → met; a school 10 times richer than another → missed', () => {
    const x = find(sl, [A, B, C].map(reportOf), 'balance-index');
    expect(x.status).toBe('met');
    expect(x.value).toBeGreaterThan(0);
    const rich: HandSchool = { code: '5101160505', type: '小学', pupils: { 小学: 300 }, teachers: teachers('小学', 150, 30, 30), conditions: { area: 15000, field: 27000, equipment: 750, rooms: 90 } };
    const y = find(sl, [A, rich].map(reportOf), 'balance-index');
    // two schools of equal size, values x and 10x: X̄ = 5.5x, S = 4.5x, CV = 4.5 / 5.5 for every indicator
    expect(y.status).toBe('missed');
    expect(y.value).toBeCloseTo(4.5 / 5.5, 10);
  });
});

describe('安全防范与卫生配置 shares (双流 = 100 %)', () => {
  const s = (code: string): HandSchool => ({ code, type: '小学', pupils: { 小学: 100 } });
  const month = (code: string, nutrition: string | null) =>
    monthOf(s(code), 'XYAQ', '2025-10', { safetyConfig: nutrition === null ? {} : { '12:value': nutrition, '09:value': '卫生室' } });
  it('every school 是 → 100 % met', () => {
    const x = find(sl, [month('5101160601', '是'), month('5101160602', '是')], 'nutrition-staff-rate');
    expect([x.status, x.value, x.period]).toEqual(['met', 100, '2025-10']);
  });
  it('one 否 → 50 % missed, that school listed; a blank answer is no figure, not a 否', () => {
    const x = find(sl, [month('5101160601', '是'), month('5101160602', '否'), month('5101160603', null)], 'nutrition-staff-rate');
    expect([x.status, x.value, codes(x), x.noFigure.map((n) => n.schoolCode)]).toEqual(['missed', 50, ['5101160602'], ['5101160603']]);
    expect(find(sl, [month('5101160601', '是'), month('5101160602', '否')], 'clinic-standard-coverage').status).toBe('met');
  });
});

describe('重大传染病疫情 (双流 = 0 起, Σ over the district)', () => {
  const m = (code: string, n: number) => monthOf({ code, type: '小学', pupils: {} }, 'XYAQ', '2025-10', { safetySummary: { '12:value': n } });
  it('0 + 0 → met', () => expect(find(sl, [m('5101160701', 0), m('5101160702', 0)], 'major-epidemics')).toMatchObject({ status: 'met', value: 0 }));
  it('0 + 1 → missed, the school with the case listed', () => {
    const x = find(sl, [m('5101160701', 0), m('5101160702', 1)], 'major-epidemics');
    expect([x.status, x.value, x.missing]).toEqual(['missed', 1, [{ schoolCode: '5101160702', schoolName: '5101160702学校', value: 1 }]]);
  });
});

describe('学生体质健康测试合格率 (罗江 ≥95 %), entered by each school', () => {
  const s = (code: string, tested: number, passed: number): HandSchool => ({ code, type: '小学', pupils: { 小学: tested }, cells: { studentDev: { '01:value': tested, '02:value': passed } } });
  it('(380 + 290) of (400 + 300) = 95.7 % met; the 94 % school listed', () => {
    const x = find(lj, [s('5106260801', 400, 380), s('5106260802', 300, 282 + 8)].map(reportOf), 'student-fitness-pass-rate');
    expect([x.status, x.numerator, x.denominator]).toEqual(['met', 380 + 290, 700]);
    expect(codes(x)).toEqual([]);
    const y = find(lj, [s('5106260801', 400, 380), s('5106260802', 300, 270)].map(reportOf), 'student-fitness-pass-rate');
    expect([y.status, codes(y)]).toEqual(['missed', ['5106260802']]);
    expect(y.value).toBeCloseTo(((380 + 270) / 700) * 100, 10);
  });
});

describe('“互联网+校园食品安全” 智慧监管 (罗江 ≥80 % of schools), from the 食品安全自查表', () => {
  const check = (code: string, result: string | null) => ({
    school: { code, name: `${code}学校`, type: '小学', sponsor: '公办' as const, township: '万安街道', urbanRural: '城区' as const },
    data: {
      submission: 'SPAQ', period: '2025-10', status: '已审核' as const, version: 1,
      sheets: { selfCheck: { rows: result === null ? [] : [{ id: 'r1', item: '明厨亮灶', content: '视频监控正常', result }] } },
    },
  });
  it('4 of 5 schools 是 = 80 % met; the 否 school listed; one with no answer is no figure', () => {
    const r = ['5106261101', '5106261102', '5106261103', '5106261104'].map((c) => check(c, '是'));
    const x = find(lj, [...r, check('5106261105', '否'), check('5106261106', null)], 'smart-food-safety-coverage');
    expect([x.status, x.numerator, x.denominator, codes(x), x.noFigure.map((n) => n.schoolCode)]).toEqual(['met', 4, 5, ['5106261105'], ['5106261106']]);
  });
  it('3 of 5 → missed', () => {
    const r = [check('5106261101', '是'), check('5106261102', '是'), check('5106261103', '是'), check('5106261104', '否'), check('5106261105', '否')];
    expect(find(lj, r, 'smart-food-safety-coverage')).toMatchObject({ status: 'missed', value: 60 });
  });
});

describe('名优教师占比 (罗江 ≥30 %): 县级以上骨干 专任教师 ÷ 专任教师, from each school\'s 教师发展', () => {
  it('(6 + 3) of (20 + 10) = 30 % met; (6 + 2) of 30 missed, the 20 % school listed', () => {
    const s1: HandSchool = { code: '5106261201', type: '小学', pupils: { 小学: 400 }, teachers: teachers('小学', 20, 6, 0) };
    const s2 = (bb: number): HandSchool => ({ code: '5106261202', type: '初级中学', pupils: { 初中: 200 }, teachers: teachers('初中', 10, bb, 0) });
    expect(find(lj, [s1, s2(3)].map(reportOf), 'famous-teacher-share')).toMatchObject({ status: 'met', numerator: 9, denominator: 30, missing: [] });
    const y = find(lj, [s1, s2(2)].map(reportOf), 'famous-teacher-share');
    expect([y.status, codes(y)]).toEqual(['missed', ['5106261202']]);
  });
});

describe('targets the school reports do not hold, and which period is read', () => {
  it('名师工作室 and 职普比 (no 中职 school in the pack) are 学校报表不采集, with the plan\'s note', () => {
    const x = find(sl, [], 'master-teacher-studios');
    expect([x.status, x.value, x.message]).toEqual(['noFormula', null, sl.targets.find((t) => t.id === 'master-teacher-studios')!.note]);
    expect(find(lj, [], 'vocational-general-ratio').status).toBe('noFormula');
  });
  it('no reports at all: every computed indicator is 暂无数据', () => {
    const all = computeDistrictIndicators(sl, []);
    expect(all.filter((x) => x.formula && x.formula.kind !== 'population').every((x) => x.status === 'noData' && x.value === null)).toBe(true);
  });
  it('lists every district target and the school targets with a formula, in pack order', () => {
    const ids = computeDistrictIndicators(sl, []).map((x) => x.target.id);
    expect(ids).toEqual(sl.targets.filter((t) => t.level === 'district' || t.formula).map((t) => t.id));
    expect(ids).toContain('nutrition-staff-rate');
    expect(ids).not.toContain('large-school-integrated');
  });
  it('reads the latest 学年 held, or the one named', () => {
    const y1 = kg('5106260901', 100, '民办', false);
    const r = [reportOf({ ...y1, period: '2024-2025' }), reportOf({ ...kg('5106260902', 100, '公办'), period: '2025-2026' })];
    expect(find(lj, r, 'puhui-kindergarten-coverage')).toMatchObject({ value: 100, period: '2025-2026', schools: 1 });
    expect(find(lj, r, 'puhui-kindergarten-coverage', { periods: { XNC: '2024-2025' } })).toMatchObject({ value: 0, period: '2024-2025' });
  });
});
