// 义务教育校际差异系数 against the worked example of docs/consolidation.md, computed by hand from
// the schools' pupils, teachers and 办学条件: CV = S / X̄, X̄ = Σ PᵢXᵢ / P, S = √(Σ Pᵢ(Xᵢ − X̄)² / P).
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { computeBalance, weightedCv, type StageBalance } from '../../shared/consolidate/balance';
import { reportOf, teachers, type HandSchool } from '../fixtures/district-schools';

const lj = seedPacks().get('luojiang')!;

// the worked example: three 小学 and a 九年一贯制 (小学 300 + 初中 200 pupils)
const A: HandSchool = { code: '5106260101', type: '小学', pupils: { 小学: 300 }, teachers: teachers('小学', 15, 3, 3), conditions: { area: 1500, field: 2700, equipment: 75, rooms: 9 } };
const B: HandSchool = { code: '5106260102', type: '小学', pupils: { 小学: 400 }, teachers: teachers('小学', 18, 2, 4), conditions: { area: 1600, field: 3200, equipment: 80, rooms: 10 } };
const C: HandSchool = { code: '5106260103', type: '小学', pupils: { 小学: 400 }, teachers: teachers('小学', 22, 6, 4), conditions: { area: 2800, field: 4000, equipment: 120, rooms: 12 } };
const D: HandSchool = {
  code: '5106260104', type: '九年一贯制学校', pupils: { 小学: 300, 初中: 200 },
  // its 初中 teachers (4 骨干 among 12 本科, one more 专科) must not reach its 小学 figures
  teachers: [...teachers('小学', 15, 3, 3), ...teachers('初中', 12, 4, 2), { stage: '初中', n: 1, education: '专科' }],
  conditions: { area: 3000, field: 5000, equipment: 125, rooms: 15 },
};
const result = computeBalance(lj, [A, B, C, D].map(reportOf));
const stage = (id: string): StageBalance => result.stages.find((s) => s.stage === id)!;
const cvOf = (s: StageBalance, code: string) => s.indicators.find((i) => i.code === code)!;

describe('weightedCv', () => {
  it('is 0 for equal schools, whatever their sizes', () => {
    const w = weightedCv([{ weight: 300, value: 1.1 }, { weight: 417, value: 1.1 }, { weight: 1, value: 1.1 }]);
    expect(w).toEqual({ weight: 718, mean: 1.1, sd: 0, cv: 0 });
  });

  it('weights by students: a large school far from the rest moves X̄ and S, unlike a plain CV', () => {
    const pts = [{ weight: 1000, value: 2 }, { weight: 100, value: 6 }, { weight: 100, value: 6 }];
    const mean = (1000 * 2 + 100 * 6 + 100 * 6) / 1200;
    const sd = Math.sqrt((1000 * (2 - mean) ** 2 + 100 * (6 - mean) ** 2 + 100 * (6 - mean) ** 2) / 1200);
    const plainMean = (2 + 6 + 6) / 3;
    const plainCv = Math.sqrt(((2 - plainMean) ** 2 + 2 * (6 - plainMean) ** 2) / 3) / plainMean;
    const w = weightedCv(pts)!;
    expect(w.mean).toBeCloseTo(mean, 12);
    expect(w.cv).toBeCloseTo(sd / mean, 12);
    expect(Math.abs(w.cv! - plainCv)).toBeGreaterThan(0.1);
  });

  it('has no value without students, and no CV around a mean of 0', () => {
    expect(weightedCv([])).toBeNull();
    expect(weightedCv([{ weight: 0, value: 3 }])).toBeNull();
    expect(weightedCv([{ weight: 5, value: 0 }, { weight: 5, value: 0 }])!.cv).toBeNull();
  });
});

describe('the worked example (docs/consolidation.md), 小学', () => {
  const s = stage('小学');

  it('counts four points weighted by their 小学 pupils; the 一贯制 school by its 300 小学 pupils only', () => {
    expect(s.schools.map((x) => [x.schoolCode, x.students])).toEqual([[A.code, 300], [B.code, 400], [C.code, 400], [D.code, 300]]);
    expect(s.students).toBe(300 + 400 + 400 + 300);
  });

  it('生均教学及辅助用房面积: each school\'s area over all its pupils (一贯制: shared in proportion to pupils)', () => {
    const x = [1500 / 300, 1600 / 400, 2800 / 400, 3000 / (300 + 200)]; // 5, 4, 7, 6 ㎡
    const P = 300 + 400 + 400 + 300;
    const mean = (300 * x[0]! + 400 * x[1]! + 400 * x[2]! + 300 * x[3]!) / P; // 7700 / 1400 = 5.5
    const S = Math.sqrt((300 * (x[0]! - mean) ** 2 + 400 * (x[1]! - mean) ** 2 + 400 * (x[2]! - mean) ** 2 + 300 * (x[3]! - mean) ** 2) / P);
    const r = cvOf(s, '14');
    expect(r.mean).toBeCloseTo(mean, 10);
    expect(r.sd).toBeCloseTo(S, 10);
    expect(r.cv).toBeCloseTo(S / mean, 10);
    expect(r.cv).toBeCloseTo(0.2146, 4);
    // the unweighted CV of the same four values is another number
    const plain = (5 + 4 + 7 + 6) / 4;
    expect(Math.abs(r.cv! - Math.sqrt(((5 - plain) ** 2 + (4 - plain) ** 2 + (7 - plain) ** 2 + (6 - plain) ** 2) / 4) / plain)).toBeGreaterThan(0.01);
  });

  it('每百名学生拥有县级以上骨干教师数: 小学 骨干 over 小学 pupils (the 一贯制 school\'s 初中 骨干 do not count)', () => {
    const x = [(3 / 300) * 100, (2 / 400) * 100, (6 / 400) * 100, (3 / 300) * 100]; // 1, 0.5, 1.5, 1
    const P = 1400;
    const mean = (300 * x[0]! + 400 * x[1]! + 400 * x[2]! + 300 * x[3]!) / P; // = 14 骨干 × 100 / 1400 = 1
    const S = Math.sqrt((300 * (x[0]! - mean) ** 2 + 400 * (x[1]! - mean) ** 2 + 400 * (x[2]! - mean) ** 2 + 300 * (x[3]! - mean) ** 2) / P);
    expect(s.schools.find((r) => r.schoolCode === D.code)!.values[1]).toBeCloseTo(1, 12);
    expect(cvOf(s, '12').mean).toBeCloseTo((3 + 2 + 6 + 3) * 100 / 1400, 12);
    expect(cvOf(s, '12').cv).toBeCloseTo(S / mean, 10);
  });

  it('all seven indicators, by the formula written out here, and the 综合 figure as their mean', () => {
    const w = [300, 400, 400, 300];
    const byHand = (x: number[]) => {
      const P = w.reduce((a, b) => a + b, 0);
      const m = x.reduce((a, v, i) => a + w[i]! * v, 0) / P;
      return Math.sqrt(x.reduce((a, v, i) => a + w[i]! * (v - m) ** 2, 0) / P) / m;
    };
    const expected = [
      byHand([15 / 3, 18 / 4, 22 / 4, 15 / 3]), // 高于规定学历 per 100 小学 pupils
      byHand([3 / 3, 2 / 4, 6 / 4, 3 / 3]), // 骨干
      byHand([3 / 3, 4 / 4, 4 / 4, 3 / 3]), // 体育艺术: all 1 per 100 → 0
      byHand([1500 / 300, 1600 / 400, 2800 / 400, 3000 / 500]),
      byHand([2700 / 300, 3200 / 400, 4000 / 400, 5000 / 500]),
      byHand([(75 * 10000) / 300, (80 * 10000) / 400, (120 * 10000) / 400, (125 * 10000) / 500]),
      byHand([(9 / 300) * 100, (10 / 400) * 100, (12 / 400) * 100, (15 / 500) * 100]),
    ];
    s.indicators.forEach((ind, i) => expect(ind.cv, ind.label).toBeCloseTo(expected[i]!, 10));
    expect(cvOf(s, '13').cv).toBe(0);
    expect(s.compositeCv).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 7, 10);
    expect(s.indicators.every((i) => i.maxCv === 0.5 && i.met === true)).toBe(true);
    expect(s.allMet).toBe(true);
  });
});

describe('小学 and 初中 apart', () => {
  it('the 初中 stage holds only the 一贯制 school, weighted by its 200 初中 pupils, with its 初中 teachers', () => {
    const j = stage('初中');
    expect(j.maxCv).toBe(0.45);
    expect(j.schools.map((x) => [x.schoolCode, x.students])).toEqual([[D.code, 200]]);
    const d = j.schools[0]!;
    // 12 本科 of 13 (the 专科 one is below 初中's 规定学历), 4 骨干, 2 体育 per 200 pupils; areas over all 500
    expect(d.values.map((v) => Math.round(v! * 1000) / 1000)).toEqual([
      (12 / 200) * 100, (4 / 200) * 100, (2 / 200) * 100, 3000 / 500, 5000 / 500, (125 * 10000) / 500, (15 / 500) * 100,
    ]);
    // one school: nothing varies
    expect(j.indicators.every((i) => i.cv === 0)).toBe(true);
  });
});

describe('the 校级 standard: at least 6 of 7 met, the rest at ≥ 85 % of the standard', () => {
  it('B (骨干 0.5 of 1.0 and 用房 4.0 of 4.5) misses; D meets it in both 学段 (场馆 10.0 of 初中 10.2 is 98 %)', () => {
    expect(stage('小学').schools.map((x) => [x.schoolCode, x.metCount, x.meetsStandard])).toEqual([
      [A.code, 7, true], [B.code, 5, false], [C.code, 7, true], [D.code, 7, true],
    ]);
    expect(stage('初中').schools.map((x) => [x.metCount, x.meetsStandard])).toEqual([[6, true]]);
    expect(result.schoolsMissing).toEqual([{ schoolCode: B.code, schoolName: `${B.code}学校`, stages: ['小学'], incomplete: false }]);
  });

  it('share of students: (300 + 400 + 300 小学 + 200 初中) of 1600; of schools 3 of 4', () => {
    expect(result.studentShare).toBeCloseTo(((300 + 400 + 300 + 200) / (1400 + 200)) * 100, 10);
    expect([result.standardSchools, result.schools]).toEqual([3, 4]);
    expect(result.schoolShare).toBe(75);
  });

  // a 小学 of 500 pupils meeting every standard but 仪器设备: 2000 元 is the standard, 85 % of it 1700 元
  const edge = (equipment: number, rooms = 15): HandSchool => ({
    code: '5106260199', type: '小学', pupils: { 小学: 500 }, teachers: teachers('小学', 25, 5, 5),
    conditions: { area: 2500, field: 4000, equipment, rooms },
  });
  const verdict = (s: HandSchool) => {
    const row = computeBalance(lj, [reportOf(s)]).stages[0]!.schools[0]!;
    return [row.metCount, row.meetsStandard];
  };
  it('仪器设备 at exactly 85 % (85 万元 / 500 = 1700 元) → meets', () => expect(verdict(edge(85))).toEqual([6, true]));
  it('仪器设备 at 1699 元 (84.95 万元) → misses', () => expect(verdict(edge(84.95))).toEqual([6, false]));
  it('two standards missed (仪器 1700 元, 多媒体 2.2 of 2.3) → misses, though both are above 85 %', () =>
    expect(verdict(edge(85, 11))).toEqual([5, false]));

  it('a school with 办学条件 not entered is not judged: listed as incomplete, its figures left out of those CVs', () => {
    const blank: HandSchool = { ...edge(85), code: '5106260198', conditions: undefined };
    const r = computeBalance(lj, [A, B, blank].map(reportOf));
    const s = r.stages[0]!;
    expect(s.schools.find((x) => x.schoolCode === blank.code)!.meetsStandard).toBeNull();
    expect(r.schoolsMissing.find((x) => x.schoolCode === blank.code)).toMatchObject({ incomplete: true, stages: ['小学'] });
    expect(s.indicators.map((i) => i.schools)).toEqual([3, 3, 3, 2, 2, 2, 2]);
  });
});

describe('who is in the 差异系数', () => {
  it('leaves out 特殊教育学校 (pack data) and schools without the 学段 or with no pupils in it', () => {
    const special: HandSchool = { code: '5106260150', type: '特殊教育学校', pupils: { 小学: 30, 初中: 20 }, teachers: teachers('小学', 10, 0, 0), conditions: { area: 900, field: 900, equipment: 20, rooms: 4 } };
    const kg: HandSchool = { code: '5106260151', type: '幼儿园', pupils: { 学前: 200 } };
    const empty: HandSchool = { code: '5106260152', type: '初级中学', pupils: { 初中: 0 }, conditions: { area: 0, field: 0, equipment: 0, rooms: 0 } };
    const r = computeBalance(lj, [A, special, kg, empty].map(reportOf));
    expect(r.excluded.map((x) => x.schoolCode)).toEqual([special.code]);
    expect(r.stages.map((s) => s.schools.map((x) => x.schoolCode))).toEqual([[A.code], []]);
    expect(r.stages[1]!.indicators.every((i) => i.cv === null && i.met === undefined)).toBe(true);
  });

  it('uses one period: the latest held unless one is named', () => {
    const old = { ...reportOf({ ...B, period: '2024-2025' }) };
    expect(computeBalance(lj, [reportOf(A), old]).stages[0]!.schools.map((x) => x.schoolCode)).toEqual([A.code]);
    expect(computeBalance(lj, [reportOf(A), old], { period: '2024-2025' }).stages[0]!.schools.map((x) => x.schoolCode)).toEqual([B.code]);
  });
});
