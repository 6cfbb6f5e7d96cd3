// The remaining district indicators of both packs, one passing and one missing case each, the
// value worked out here from the schools' figures.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import type { Pack } from '../../shared/pack/schema';
import { computeDistrictIndicators, type DistrictIndicatorOptions } from '../../shared/consolidate/district-indicators';
import type { DistrictReport } from '../../shared/consolidate/district-reports';
import { parsePopulation, type PopulationTable } from '../../shared/consolidate/population';
import { monthOf, reportOf, type HandSchool, type TeacherGroup } from '../fixtures/district-schools';

const packs = seedPacks();
const lj = packs.get('luojiang')!;
const sl = packs.get('shuangliu')!;

const school = (code: string, type: string, pupils: Record<string, number>, teachers: TeacherGroup[] = [], cells?: HandSchool['cells']): DistrictReport =>
  reportOf({ code, type, pupils, teachers, cells });
const pop = (from: number, to: number, each: number, last = each): PopulationTable => {
  const p = parsePopulation({ entries: Array.from({ length: to - from + 1 }, (_, i) => ({ year: 2025, age: from + i, count: from + i === to ? last : each })) });
  if (!p.ok) throw new Error(p.problems.join());
  return p.table;
};
const yesNo = (code: string, row: string, answer: string) =>
  monthOf({ code, type: '小学', pupils: {} }, 'XYAQ', '2025-10', { safetyConfig: { [`${row}:value`]: answer } });
const foodMonth = (code: string, incidents: number) => monthOf({ code, type: '小学', pupils: {} }, 'SPAQ', '2025-10', { foodSummary: { '12:value': incidents } });

// 教职工名册 fields of the 教师发展 rows: 信息技术 学时, 在本校年限, 在编, 交流轮岗
const itHours = (pass: boolean) => ({ itOnline: 20, itPractice: pass ? 30 : 29 });
const due = (rotated: boolean) => ({ yearsAtSchool: 6, inEstablishment: '是', rotated: rotated ? '是' : '否' });

interface Case {
  pack: Pack;
  id: string;
  pass: DistrictReport[];
  miss: DistrictReport[];
  /** the passing and missing values, written from the inputs */
  values: [number, number];
  opts?: DistrictIndicatorOptions;
}

const CASES: Case[] = [
  {
    pack: sl, id: 'kindergarten-teacher-college-rate', values: [(9 / 10) * 100, (8 / 10) * 100],
    pass: [school('5101161301', '幼儿园', { 学前: 200 }, [{ stage: '学前', n: 9, education: '专科' }, { stage: '学前', n: 1, education: '高中阶段' }])],
    miss: [school('5101161301', '幼儿园', { 学前: 200 }, [{ stage: '学前', n: 8, education: '专科' }, { stage: '学前', n: 2, education: '高中阶段' }])],
  },
  {
    pack: sl, id: 'senior-teacher-postgraduate-rate', values: [(3 / 20) * 100, (2 / 20) * 100],
    pass: [school('5101161302', '高级中学', { 普通高中: 300 }, [{ stage: '普通高中', n: 3, education: '硕士研究生' }, { stage: '普通高中', n: 17 }])],
    miss: [school('5101161302', '高级中学', { 普通高中: 300 }, [{ stage: '普通高中', n: 2, education: '硕士研究生' }, { stage: '普通高中', n: 18 }])],
  },
  {
    pack: sl, id: 'teacher-it-ability-rate', values: [(9 / 10) * 100, (7 / 10) * 100],
    pass: [school('5101161303', '小学', { 小学: 200 }, [{ stage: '小学', n: 9, extra: itHours(true) }, { stage: '小学', n: 1, extra: itHours(false) }])],
    miss: [school('5101161303', '小学', { 小学: 200 }, [{ stage: '小学', n: 7, extra: itHours(true) }, { stage: '小学', n: 3, extra: itHours(false) }])],
  },
  {
    pack: lj, id: 'teacher-rotation-ratio', values: [(3 / 20) * 100, (2 / 20) * 100],
    pass: [school('5106261304', '小学', { 小学: 300 }, [{ stage: '小学', n: 3, extra: due(true) }, { stage: '小学', n: 17, extra: due(false) }])],
    miss: [school('5106261304', '小学', { 小学: 300 }, [{ stage: '小学', n: 2, extra: due(true) }, { stage: '小学', n: 18, extra: due(false) }])],
  },
  {
    // 骨干 among those rotated: 1 of 4 = 25 % (罗江 ≥25 %), 0 of 4 missed
    pack: lj, id: 'key-teacher-rotation-ratio', values: [(1 / 4) * 100, 0],
    pass: [school('5106261305', '小学', { 小学: 300 }, [{ stage: '小学', n: 1, backbone: '市级', extra: due(true) }, { stage: '小学', n: 3, extra: due(true) }])],
    miss: [school('5106261305', '小学', { 小学: 300 }, [{ stage: '小学', n: 4, extra: due(true) }])],
  },
  {
    pack: sl, id: 'food-safety-satisfaction', values: [((90 + 180) / (100 + 200)) * 100, ((80 + 180) / 300) * 100],
    pass: [school('5101161306', '小学', { 小学: 100 }, [], { studentDev: { '05:value': 100, '06:value': 90 } }), school('5101161307', '小学', { 小学: 200 }, [], { studentDev: { '05:value': 200, '06:value': 180 } })],
    miss: [school('5101161306', '小学', { 小学: 100 }, [], { studentDev: { '05:value': 100, '06:value': 80 } }), school('5101161307', '小学', { 小学: 200 }, [], { studentDev: { '05:value': 200, '06:value': 180 } })],
  },
  ...(['health-vice-principal-rate:11', 'parent-school-rate:13', 'parent-committee-rate:14'].map((x): Case => {
    const [id, row] = x.split(':') as [string, string];
    return {
      pack: sl, id, values: [100, 50],
      pass: [yesNo('5101161308', row, '是'), yesNo('5101161309', row, '是')],
      miss: [yesNo('5101161308', row, '是'), yesNo('5101161309', row, '否')],
    };
  })),
  { pack: sl, id: 'major-food-safety-incidents', values: [0, 2], pass: [foodMonth('5101161310', 0), foodMonth('5101161311', 0)], miss: [foodMonth('5101161310', 0), foodMonth('5101161311', 2)] },
  {
    // gross: 小学 + 初中 pupils over the 6–14 周岁 population (9 ages × 100)
    pack: lj, id: 'compulsory-enrolment-rate', values: [((600 + 300) / 900) * 100, ((600 + 300) / 950) * 100],
    pass: [school('5106261312', '九年一贯制学校', { 小学: 600, 初中: 300 })],
    miss: [school('5106261312', '九年一贯制学校', { 小学: 600, 初中: 300 })],
    opts: { population: pop(6, 14, 100) },
  },
  {
    pack: lj, id: 'senior-gross-enrolment-rate', values: [(300 / 300) * 100, (300 / 330) * 100],
    pass: [school('5106261313', '高级中学', { 普通高中: 300 })],
    miss: [school('5106261313', '高级中学', { 普通高中: 300 })],
    opts: { population: pop(15, 17, 100) },
  },
];
// the missing cases of the two population indicators differ by the population, not the schools
const MISS_OPTS: Record<string, DistrictIndicatorOptions> = {
  'compulsory-enrolment-rate': { population: pop(6, 14, 100, 150) }, // 8 × 100 + 150 = 950
  'senior-gross-enrolment-rate': { population: pop(15, 17, 110) },
};

describe.each(CASES.map((c) => [`${c.pack.id} ${c.id}`, c] as const))('%s', (_name, c) => {
  const get = (reports: DistrictReport[], opts?: DistrictIndicatorOptions) =>
    computeDistrictIndicators(c.pack, reports, opts ?? {}).find((x) => x.target.id === c.id)!;
  it('passes', () => {
    const x = get(c.pass, c.opts);
    expect(x.status).toBe('met');
    expect(x.value).toBeCloseTo(c.values[0], 10);
    expect(x.missing).toEqual([]);
  });
  it('misses, naming the school where its own figure misses', () => {
    const x = get(c.miss, MISS_OPTS[c.id] ?? c.opts);
    expect(x.status).toBe('missed');
    expect(x.value).toBeCloseTo(c.values[1], 10);
    if (x.formula?.kind === 'share' || x.formula?.kind === 'sum') expect(x.missing.length).toBeGreaterThan(0);
  });
});
