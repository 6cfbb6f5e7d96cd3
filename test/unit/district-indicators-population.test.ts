// The *pop* district indicators and the 适龄人口 table the bureau enters: absent, present, bad.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { computeDistrictIndicators } from '../../shared/consolidate/district-indicators';
import { parsePopulation, populationFromRows, populationOf, type PopulationTable } from '../../shared/consolidate/population';
import { reportOf, type HandSchool } from '../fixtures/district-schools';

const packs = seedPacks();
const lj = packs.get('luojiang')!;
const sl = packs.get('shuangliu')!;

const table = (entries: PopulationTable['entries']): PopulationTable => {
  const p = parsePopulation({ entries });
  if (!p.ok) throw new Error(p.problems.join('\n'));
  return p.table;
};
// 3–5 周岁 in 2025: 170 + 160 + 170 = 500
const ages35 = (five = 170) => [{ year: 2025, age: 3, count: 170 }, { year: 2025, age: 4, count: 160 }, { year: 2025, age: 5, count: five }];
const kgs: HandSchool[] = [
  { code: '5106261001', type: '幼儿园', pupils: { 学前: 290 } },
  { code: '5106261002', type: '幼儿园', pupils: { 学前: 200 }, sponsor: '民办', puhui: true },
];
const gross = (population?: PopulationTable) =>
  computeDistrictIndicators(lj, kgs.map(reportOf), population ? { population } : {}).find((x) => x.target.id === 'kindergarten-gross-enrolment')!;

describe('3－5周岁学前三年毛入园率 (罗江 ≥98 %)', () => {
  it('without the bureau\'s figures: 需录入人口数据, naming the year and the ages', () => {
    const x = gross();
    expect([x.status, x.value, x.numerator, x.message]).toEqual(['needsPopulation', null, 290 + 200, '需录入人口数据：2025 年 3—5 周岁人口']);
  });
  it('490 在园 of 500 children = 98 % → met', () => {
    const x = gross(table(ages35()));
    expect([x.status, x.numerator, x.denominator, x.value]).toEqual(['met', 490, 170 + 160 + 170, (490 / 500) * 100]);
  });
  it('of 520 children → missed', () => {
    const x = gross(table(ages35(190)));
    expect(x.status).toBe('missed');
    expect(x.value).toBeCloseTo((490 / 520) * 100, 10);
  });
  it('a year with an age missing names that age; another year\'s figures do not count', () => {
    const x = gross(table([...ages35().slice(0, 2), { year: 2024, age: 5, count: 170 }]));
    expect([x.status, x.message]).toEqual(['needsPopulation', '需录入人口数据：2025 年 5 周岁人口']);
  });
});

describe('残疾儿童少年义务教育入学率 (双流 ≥99.7 %): 残疾学生情况 over the 残联 figure', () => {
  const schools: HandSchool[] = [
    { code: '5101161001', type: '小学', pupils: { 小学: 500 }, cells: { disabledStudents: { '01:total': 6 } } },
    { code: '5101161002', type: '初级中学', pupils: { 初中: 400 }, cells: { disabledStudents: { '01:total': 4 } } },
  ];
  const disabled = (n14: number) => [6, 7, 8, 9, 10, 11, 12, 13, 14].map((age) => ({ year: 2025, age, count: age === 14 ? n14 : 1, group: 'disabled' as const }));
  const rate = (population?: PopulationTable) =>
    computeDistrictIndicators(sl, schools.map(reportOf), population ? { population } : {}).find((x) => x.target.id === 'disabled-compulsory-enrolment-rate')!;
  it('needs the 残联 figures: the general population does not stand in for them', () => {
    const x = rate(table([6, 7, 8, 9, 10, 11, 12, 13, 14].map((age) => ({ year: 2025, age, count: 1000 }))));
    expect([x.status, x.message]).toEqual(['needsPopulation', '需录入人口数据：2025 年 6—14 周岁残疾儿童少年数']);
  });
  it('(6 + 4) of 8 + 2 = 10 → 100 % met; of 8 + 3 = 11 → missed', () => {
    expect(rate(table(disabled(2)))).toMatchObject({ status: 'met', numerator: 10, denominator: 10, value: 100 });
    const y = rate(table(disabled(3)));
    expect(y.status).toBe('missed');
    expect(y.value).toBeCloseTo((10 / 11) * 100, 10);
  });
});

describe('parsePopulation: the whole table or nothing, with a Chinese message per bad cell', () => {
  it('takes a good table and sums the ages asked for', () => {
    const t = table([...ages35(), { year: 2025, age: 3, count: 2, group: 'disabled' }]);
    expect(populationOf(t, 2025, 3, 5)).toEqual({ count: 500, missingAges: [] });
    expect(populationOf(t, 2025, 3, 5, 'disabled')).toEqual({ count: 2, missingAges: [4, 5] });
  });

  it('names row and column of each bad entry, and what was typed', () => {
    const p = parsePopulation({
      entries: [{ year: 2025, age: 3, count: 170 }, { year: 2025, age: 'abc', count: 160 }, { year: 1999, age: 5, count: -1 }, { year: 2025, age: 6, count: 1, group: '男' }],
    });
    expect(p).toEqual({
      ok: false,
      problems: [
        '适龄人口第 2 行「年龄」必须是 0—30 之间的整数（周岁）（填的是“abc”）',
        '适龄人口第 3 行「年份」必须是 2000—2100 之间的整数年份（填的是“1999”）',
        '适龄人口第 3 行「人数」必须是不小于 0 的整数（填的是“-1”）',
        '适龄人口第 4 行「类别」只能是“全部”或“残疾”（填的是“男”）',
      ],
    });
  });

  it('refuses the same year and age twice, a fraction of a child, an unknown column and a non-table', () => {
    expect(parsePopulation({ entries: [...ages35(), { year: 2025, age: 4, count: 3 }] })).toEqual({
      ok: false, problems: ['适龄人口第 4 行与第 2 行重复：2025 年 4 周岁（全部）只能填一次'],
    });
    expect(parsePopulation({ entries: [{ year: 2025, age: 4, count: 3.5 }] })).toMatchObject({ ok: false, problems: ['适龄人口第 1 行「人数」必须是不小于 0 的整数（填的是“3.5”）'] });
    expect(parsePopulation({ entries: [{ year: 2025, age: 4, count: 3, sex: '女' }] })).toMatchObject({ ok: false, problems: ['适龄人口第 1 行：多了不认识的栏目，只能填年份、年龄、人数、类别'] });
    expect(parsePopulation('3岁 170')).toMatchObject({ ok: false, problems: ['适龄人口表格式不对：应为若干行“年份、年龄、人数”'] });
  });

  it('populationFromRows reads 年份/年龄/人数/类别 as a sheet gives them (numbers as text, 类别 in Chinese)', () => {
    const p = populationFromRows([
      { 年份: '2025', 年龄: '3', 人数: '170' },
      { 年份: 2025, 年龄: 3, 人数: 2, 类别: '残疾' },
      { 年份: 2025, 年龄: 4, 人数: 160, 类别: '全部' },
    ]);
    expect(p).toEqual({
      ok: true,
      table: { entries: [{ year: 2025, age: 3, count: 170 }, { year: 2025, age: 3, count: 2, group: 'disabled' }, { year: 2025, age: 4, count: 160 }] },
    });
    expect(populationFromRows([{ 年份: 2025, 年龄: '三岁', 人数: '' }])).toEqual({
      ok: false, problems: ['适龄人口第 1 行「年龄」必须是 0—30 之间的整数（周岁）（填的是“三岁”）', '适龄人口第 1 行「人数」必须是不小于 0 的整数（填的是空白）'],
    });
  });
});
