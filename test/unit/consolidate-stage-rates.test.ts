// The 学段 breakdown adds up to the district (an 一贯制 school's whole-school sheets split between
// its 学段 by pupils, sheets of one 学段 counted there only), and the monthly rates are weighted by
// their divisors (Σ numerators ÷ Σ divisors), checked against sums made here from the schools'
// own lists, with schools of very different sizes and rates.
import { describe, expect, it } from 'vitest';
import { districtTotals, drillDown, type DistrictTotals } from '../../shared/consolidate/totals';
import type { HeldReport } from '../../shared/consolidate/types';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { stagesOf } from '../../shared/pack/applicability';
import { approvedPeriod, districtSchools, pack, registryOf } from '../fixtures/district';

const schools = districtSchools(10);
const registry = registryOf(schools);
const heldOf = (code: string, data: PeriodData): HeldReport => ({
  schoolCode: code, submission: data.submission, period: data.period, version: 1, contentHash: `c-${code}`, fileSha256: `f-${code}`, receivedAt: '2025-11-01T02:00:00.000Z', data,
});
const rowsOf = (d: PeriodData, sheet: string) => (d.sheets[sheet]?.rows ?? []) as LedgerRow[];
const at = (t: DistrictTotals, group: string, sheet: string, row: string, col = 'value') => {
  const l = t.sheets.find((x) => x.sheetId === sheet)!;
  return t.totals[group]![sheet]!.values[l.rows.findIndex((r) => r.code === row)]![l.columns.findIndex((c) => c.key === col)] ?? null;
};
const stageGroups = (t: DistrictTotals) => t.groups.filter((g) => g.breakdown === 'stage').map((g) => g.key);

describe('学段 breakdown of the XNC', () => {
  const xnc = schools.map((s) => heldOf(s.registry.code, approvedPeriod(s, 'XNC')));
  const t = districtTotals({ pack, registry, submission: 'XNC', period: '2025-2026', held: xnc });
  const nine = schools.find((s) => s.registry.type === '九年一贯制学校')!;
  const staffCol = t.sheets.find((l) => l.sheetId === 'jj4149')!.columns[0]!.key; // 教职工数
  const pupils = (stage: string) => rowsOf(approvedPeriod(nine, 'XNC'), 'classList').filter((r) => r.stage === stage).reduce((n, r) => n + Number(r.students), 0);

  it('every counted cell of every 基表: the 学段 groups add up to the district total', () => {
    let checked = 0;
    for (const l of t.sheets.filter((x) => x.kind === 'stat'))
      l.rows.forEach((row, r) =>
        l.columns.forEach((col, c) => {
          const whole = t.totals['district:全区']![l.sheetId]!.values[r]![c];
          const parts = stageGroups(t).map((g) => t.totals[g]![l.sheetId]!.values[r]![c]).filter((v): v is number => v !== null);
          if (whole === null) return expect(parts, `${l.sheetId} ${row.code} ${col.key}`).toEqual([]);
          expect(parts.reduce((a, b) => a + b, 0), `${l.sheetId} ${row.code} ${col.key}`).toBeCloseTo(whole!, 6);
          checked++;
        }),
      );
    expect(checked).toBeGreaterThan(300);
  });

  it('教基4149 of a 九年一贯制 school is split by its 小学 and 初中 pupils, and the drill-down shows its share', () => {
    const [p, m] = [pupils('小学'), pupils('初中')];
    expect(p).toBeGreaterThan(0);
    expect(m).toBeGreaterThan(0);
    const staff = t.schoolValues[nine.registry.code]!.jj4149![0]![0]!;
    expect(staff).toBeGreaterThan(0);
    const primary = drillDown(t, registry, 'stage:小学', 'jj4149', '01', staffCol).find((d) => d.school.code === nine.registry.code)!;
    const middle = drillDown(t, registry, 'stage:初中', 'jj4149', '01', staffCol).find((d) => d.school.code === nine.registry.code)!;
    expect(primary.share).toBeCloseTo(p / (p + m), 10);
    expect(primary.value).toBeCloseTo((staff * p) / (p + m), 10);
    expect(primary.value! + middle.value!).toBeCloseTo(staff, 10);
    // and the drill-down of a 学段 total adds up to it
    const rows = drillDown(t, registry, 'stage:初中', 'jj4149', '01', staffCol);
    expect(rows.reduce((a, r) => a + (r.value ?? 0), 0)).toBeCloseTo(at(t, 'stage:初中', 'jj4149', '01', staffCol)!, 6);
  });

  it('a sheet of one 学段 counts only there: 教基3115 (初中) is not in the 小学 group, whole in the 初中 group', () => {
    expect(at(t, 'stage:小学', 'jj3115', '01', 'total')).toBeNull();
    expect(at(t, 'stage:初中', 'jj3115', '01', 'total')).toBe(at(t, 'district:全区', 'jj3115', '01', 'total'));
    expect(at(t, 'stage:小学', 'jj3112', '01', 'total')).toBe(at(t, 'district:全区', 'jj3112', '01', 'total'));
  });

  it('schools of one 学段 are counted whole in their 学段', () => {
    const primaryOnly = schools.filter((s) => s.registry.type === '小学');
    const rows = drillDown(t, registry, 'stage:小学', 'jj4149', '01', staffCol);
    for (const s of primaryOnly) expect(rows.find((r) => r.school.code === s.registry.code)).toMatchObject({ value: t.schoolValues[s.registry.code]!.jj4149![0]![0] });
    expect(rows.find((r) => r.school.code === primaryOnly[0]!.registry.code)!.share).toBeUndefined();
  });
});

/** SPAQ of school i with its meals, 晨检 and 陪餐 thinned out, so the schools' rates and sizes differ. */
function spaqOf(i: number): PeriodData {
  const d = approvedPeriod(schools[i]!, 'SPAQ');
  const dates = [...new Set(rowsOf(d, 'sampleLog').map((r) => String(r.date)))].sort();
  if (i === 1) {
    // a school that served meals on 5 days only and checked on one of them: 20 % of few days
    const keep = new Set(dates.slice(0, 5));
    d.sheets.sampleLog!.rows = rowsOf(d, 'sampleLog').filter((r) => keep.has(String(r.date)));
    d.sheets.morningCheck!.rows = rowsOf(d, 'morningCheck').filter((r) => String(r.date) === dates[0]);
  }
  if (i === 2) d.sheets.mealCompanion!.rows = rowsOf(d, 'mealCompanion').filter((r) => r.role === '家长'); // no leader ate with pupils
  return d;
}

/** XYAQ of school i; the small 特殊教育学校 has many pupils off sick. */
function xyaqOf(i: number): PeriodData {
  const d = approvedPeriod(schools[i]!, 'XYAQ');
  if (schools[i]!.registry.type === '特殊教育学校') d.sheets.healthCheck!.rows = rowsOf(d, 'healthCheck').map((r) => ({ ...r, sickAbsent: Math.min(Number(r.expected), 20) }));
  return d;
}

describe('monthly rates weighted by their divisors', () => {
  const spaq = schools.map((s, i) => heldOf(s.registry.code, spaqOf(i)));
  const xyaq = schools.map((s, i) => heldOf(s.registry.code, xyaqOf(i)));
  const xnc = schools.map((s) => heldOf(s.registry.code, approvedPeriod(s, 'XNC')));
  const distinct = (rows: LedgerRow[], by: (r: LedgerRow) => string) => new Set(rows.map(by)).size;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('晨检执行率 = Σ 晨检天数 ÷ Σ 供餐天数 and 负责人陪餐覆盖率 = Σ 陪餐餐次 ÷ Σ 餐次, not the mean of the schools’ rates', () => {
    const t = districtTotals({ pack, registry, submission: 'SPAQ', period: spaq[0]!.period, held: spaq });
    const data = spaq.map((h) => h.data);
    const days = data.map((d) => distinct(rowsOf(d, 'sampleLog'), (r) => String(r.date)));
    const checked = data.map((d) => distinct(rowsOf(d, 'morningCheck'), (r) => String(r.date)));
    expect(new Set(days).size).toBeGreaterThan(1); // schools of different sizes
    const weighted = (checked.reduce((a, b) => a + b, 0) / days.reduce((a, b) => a + b, 0)) * 100;
    const unweighted = mean(checked.map((c, i) => (c / days[i]!) * 100));
    expect(Math.abs(weighted - unweighted)).toBeGreaterThan(1);
    // the schools' own rates are shown to 0.1 %: the district's is within that of the exact ratio
    expect(Math.abs(at(t, 'district:全区', 'foodSummary', '08')! - weighted)).toBeLessThan(0.05);

    const meals = data.map((d) => distinct(rowsOf(d, 'sampleLog'), (r) => `${r.date}|${r.meal}`));
    const leaders = data.map((d) => {
      const ate = new Set(rowsOf(d, 'mealCompanion').filter((r) => r.role === '校级领导' || r.role === '中层干部').map((r) => `${r.date}|${r.meal}`));
      return distinct(rowsOf(d, 'sampleLog').filter((r) => ate.has(`${r.date}|${r.meal}`)), (r) => `${r.date}|${r.meal}`);
    });
    const companion = (leaders.reduce((a, b) => a + b, 0) / meals.reduce((a, b) => a + b, 0)) * 100;
    expect(Math.abs(companion - mean(leaders.map((l, i) => (l / meals[i]!) * 100)))).toBeGreaterThan(1);
    expect(Math.abs(at(t, 'district:全区', 'foodSummary', '05')! - companion)).toBeLessThan(0.05);
    // the divisor of each school is what its rate is of
    expect(t.schoolWeights[schools[1]!.registry.code]!.foodSummary![7]).toBe(5);
  });

  it('因病缺勤率 = Σ 因病缺勤 ÷ Σ 应到, so a small school’s high rate weighs as little as its pupils', () => {
    const t = districtTotals({ pack, registry, submission: 'XYAQ', period: xyaq[0]!.period, held: [...xyaq, ...xnc] });
    const data = xyaq.map((h) => h.data);
    const sick = data.map((d) => rowsOf(d, 'healthCheck').reduce((a, r) => a + Number(r.sickAbsent), 0));
    const expected = data.map((d) => rowsOf(d, 'healthCheck').reduce((a, r) => a + Number(r.expected), 0));
    const weighted = (sick.reduce((a, b) => a + b, 0) / expected.reduce((a, b) => a + b, 0)) * 100;
    const unweighted = mean(sick.map((s, i) => (s / expected[i]!) * 100));
    expect(Math.abs(weighted - unweighted)).toBeGreaterThan(0.1);
    expect(Math.abs(at(t, 'district:全区', 'safetySummary', '10')! - weighted)).toBeLessThan(0.006);
    // a 乡镇's rate is weighted the same way, from its own schools only
    const town = schools[0]!.registry.township;
    const mine = schools.map((s, i) => (s.registry.township === town ? i : -1)).filter((i) => i >= 0);
    const townRate = (mine.reduce((a, i) => a + sick[i]!, 0) / mine.reduce((a, i) => a + expected[i]!, 0)) * 100;
    expect(Math.abs(at(t, `township:${town}`, 'safetySummary', '10')! - townRate)).toBeLessThan(0.006);
  });

  it('the 学段 groups of a month split an 一贯制 school’s counts by its pupils too, and add up', () => {
    const t = districtTotals({ pack, registry, submission: 'XYAQ', period: xyaq[0]!.period, held: [...xyaq, ...xnc] });
    for (const l of t.sheets)
      l.rows.forEach((row, r) => {
        if (row.aggregation !== 'sum' && row.aggregation !== 'countYes') return;
        const whole = t.totals['district:全区']![l.sheetId]!.values[r]![0];
        const parts = stageGroups(t).map((g) => t.totals[g]![l.sheetId]!.values[r]![0] ?? 0);
        if (whole !== null) expect(parts.reduce((a, b) => a + b, 0), `${l.sheetId} ${row.code}`).toBeCloseTo(whole!, 6);
      });
    const multi = schools.filter((s) => stagesOf(pack, s.registry.type).length > 1).map((s) => s.registry.code);
    for (const code of multi) expect(Object.keys(t.stageSplits[code]!.pupils).length).toBeGreaterThan(1);
  });
});
