// The plan targets only the bureau can work out (plan-targets.md, "district"), and the school
// targets it totals over the district, from all accepted reports: each target names a formula
// of the pack (`formula` → districtFormulas, schema-district.ts), so how a target is computed is
// data and no code here knows a target by its name. Each result carries the value, the target,
// met or missed, and the schools that miss it — a school misses when its own figure misses the
// target (its own share, or, for a total that must stay at or under a figure, its own count).
import type { DistrictFormula, Pack, Target } from '../pack/schema';
import type { SchoolFilter, SchoolSum } from '../pack/schema-district';
import { evalExpr } from '../compute/expr';
import { periodExprEnv } from '../compute/indicator';
import type { PeriodContext } from '../compute/indicator-types';
import { computeBalance, type BalanceResult } from './balance';
import { contextMemo, periodYear, reportsOf, schoolRef, schoolStages, type ContextMemo, type DistrictReport, type SchoolRef } from './district-reports';
import { POPULATION_GROUPS, populationOf, type PopulationTable } from './population';

export type DistrictStatus = 'met' | 'missed' | 'needsPopulation' | 'noData' | 'noFormula';

export const DISTRICT_STATUS_LABEL: Record<DistrictStatus, string> = {
  met: '达成', missed: '未达成', needsPopulation: '需录入人口数据', noData: '暂无数据', noFormula: '学校报表不采集',
};

export interface SchoolFigure extends SchoolRef {
  /** the school's own figure in the target's unit (its share, its count); null when not computable */
  value: number | null;
}

export interface DistrictIndicator {
  target: Target;
  formula?: DistrictFormula;
  status: DistrictStatus;
  /** in the target's unit: a percent as 0–100, a count, a 差异系数 */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** the period the figures are of */
  period?: string;
  /** schools counted in the value */
  schools: number;
  /** schools whose own figure misses the target */
  missing: SchoolFigure[];
  /** schools that report the figure but left it blank (not in the value) */
  noFigure: SchoolRef[];
  /** how it is computed, or why there is no value (Chinese, shown to the clerk) */
  message: string;
}

export interface DistrictIndicatorOptions {
  /** 适龄人口 entered by the bureau (population.ts); the *pop* targets need it */
  population?: PopulationTable;
  /** the period per submission; default the latest held of each */
  periods?: Record<string, string>;
  /** a 差异系数 already computed for these reports (computeBalance), to avoid doing it twice */
  balance?: BalanceResult;
}

/** value against target, to 1e-9 so 17/20 × 100 is 85 and not 85.00000000000001. */
export function meetsTarget(value: number, t: Pick<Target, 'value' | 'direction'>): boolean {
  const v = Math.round(value * 1e9) / 1e9;
  return t.direction === 'atMost' ? v <= t.value : t.direction === 'equal' ? v === t.value : v >= t.value;
}

function filterMatches(pack: Pack, r: DistrictReport, f: SchoolFilter): boolean {
  if (f.types && !f.types.includes(r.school.type)) return false;
  if (f.stages && !f.stages.some((s) => schoolStages(pack, r.school).includes(s))) return false;
  if (f.sponsor && r.school.sponsor !== f.sponsor) return false;
  if (f.puhui !== undefined && (r.school.puhui ?? false) !== f.puhui) return false;
  return true;
}

const inSum = (pack: Pack, r: DistrictReport, s: SchoolSum) => !s.schools || s.schools.some((f) => filterMatches(pack, r, f));

function evalSum(pc: PeriodContext, s: SchoolSum): number | null {
  const v = evalExpr(s.expr, { ...periodExprEnv(pc), row: () => null, met: () => [] });
  return typeof v === 'number' ? v : null;
}

type Partial = Omit<DistrictIndicator, 'target' | 'formula' | 'message'> & { message?: string };

const empty = (status: DistrictStatus, period?: string): Partial => ({
  status, value: null, schools: 0, missing: [], noFigure: [], ...(period ? { period } : {}),
});

function judged(t: Target, value: number | null, rest: Omit<Partial, 'status' | 'value'>): Partial {
  if (value === null) return { ...rest, status: 'noData', value: null };
  return { ...rest, status: meetsTarget(value, t) ? 'met' : 'missed', value };
}

function perSchool(pack: Pack, t: Target, f: Exclude<DistrictFormula, { kind: 'balance' }>, reports: readonly DistrictReport[], ctx: ContextMemo, period?: string): Partial {
  const chosen = reportsOf(reports, f.submission, period);
  const missing: SchoolFigure[] = [];
  const noFigure: SchoolRef[] = [];
  let num = 0;
  let den = 0;
  let schools = 0;
  const base = { period: chosen.period };
  if (f.kind === 'share') {
    const scale = f.scale ?? 100;
    for (const r of chosen.reports.filter((x) => inSum(pack, x, f.den))) {
      const d = evalSum(ctx(r), f.den);
      const n = inSum(pack, r, f.num) ? evalSum(ctx(r), f.num) : 0;
      // no denominator (a 是/否 left blank, no teacher of the 学段): the school has no figure
      if (d === null || n === null || d === 0) {
        noFigure.push(schoolRef(r.school));
        continue;
      }
      schools++;
      num += n;
      den += d;
      const own = (n / d) * scale;
      if (!meetsTarget(own, t)) missing.push({ ...schoolRef(r.school), value: own });
    }
    return judged(t, den > 0 ? (num / den) * scale : null, { ...base, numerator: num, denominator: den, schools, missing, noFigure });
  }
  for (const r of chosen.reports.filter((x) => inSum(pack, x, f.kind === 'sum' ? f.of : f.num))) {
    const v = evalSum(ctx(r), f.kind === 'sum' ? f.of : f.num);
    if (v === null) {
      noFigure.push(schoolRef(r.school));
      continue;
    }
    schools++;
    num += v;
    // a total that must stay at or under a figure (0 起 incidents): a school over it on its own misses
    if (f.kind === 'sum' && t.direction !== 'atLeast' && v > t.value) missing.push({ ...schoolRef(r.school), value: v });
  }
  if (f.kind === 'sum') return judged(t, schools ? num : null, { ...base, numerator: num, schools, missing, noFigure });
  return { ...base, status: 'noData', value: null, numerator: num, schools, missing, noFigure };
}

function withPopulation(t: Target, f: Extract<DistrictFormula, { kind: 'population' }>, part: Partial, table?: PopulationTable): Partial {
  const group = f.group ?? 'all';
  const kind = group === 'all' ? '人口' : `${POPULATION_GROUPS[group]}儿童少年数`;
  if (!part.period) return { ...part, status: 'noData' };
  const year = periodYear(part.period);
  if (!table) return { ...part, status: 'needsPopulation', message: `需录入人口数据：${year} 年 ${f.ages.from}—${f.ages.to} 周岁${kind}` };
  const pop = populationOf(table, year, f.ages.from, f.ages.to, group);
  if (pop.missingAges.length) {
    const ages = pop.missingAges.length === f.ages.to - f.ages.from + 1 ? `${f.ages.from}—${f.ages.to}` : pop.missingAges.join('、');
    return { ...part, status: 'needsPopulation', message: `需录入人口数据：${year} 年 ${ages} 周岁${kind}` };
  }
  if (pop.count === 0 || !part.schools) return { ...part, status: 'noData', denominator: pop.count };
  return judged(t, ((part.numerator ?? 0) / pop.count) * (f.scale ?? 100), { ...part, denominator: pop.count });
}

function fromBalance(t: Target, f: Extract<DistrictFormula, { kind: 'balance' }>, b: BalanceResult): Partial {
  const stages = b.stages.filter((s) => s.schools.length);
  const cvs = f.measure === 'compositeCv' ? stages.map((s) => s.compositeCv) : stages.flatMap((s) => s.indicators.map((i) => i.cv));
  const known = cvs.filter((c): c is number => c !== null);
  const value =
    f.measure === 'studentShare' ? b.studentShare
    : f.measure === 'schoolShare' ? b.schoolShare
    : known.length && known.length === cvs.length ? Math.max(...known) : null;
  const [numerator, denominator] =
    f.measure === 'studentShare' ? [b.standardStudents, b.students] : f.measure === 'schoolShare' ? [b.standardSchools, b.schools] : [undefined, undefined];
  return judged(t, value, {
    ...(b.period ? { period: b.period } : {}), ...(numerator === undefined ? {} : { numerator, denominator }),
    schools: b.schools, missing: b.schoolsMissing.map((m) => ({ schoolCode: m.schoolCode, schoolName: m.schoolName, value: null })), noFigure: [],
  });
}

/**
 * Every district target of the pack, and every school target the pack gives a district formula,
 * in pack order. A target without a formula is listed as 学校报表不采集 (the bureau counts it
 * elsewhere); a *pop* target without the bureau's population figures as 需录入人口数据.
 */
export function computeDistrictIndicators(pack: Pack, reports: readonly DistrictReport[], opts: DistrictIndicatorOptions = {}): DistrictIndicator[] {
  const formulas = new Map((pack.districtFormulas ?? []).map((f) => [f.id, f]));
  let balance = opts.balance;
  const contexts = contextMemo(pack, reports);
  const out: DistrictIndicator[] = [];
  for (const target of pack.targets) {
    const formula = target.formula ? formulas.get(target.formula) : undefined;
    if (target.level !== 'district' && !formula) continue;
    let part: Partial;
    if (!formula || (formula.kind === 'balance' && !pack.balance)) part = { ...empty('noFormula'), message: target.note ?? '学校报表不采集此项，由教育局另行统计' };
    else if (formula.kind === 'balance') part = fromBalance(target, formula, (balance ??= computeBalance(pack, reports, { period: opts.periods?.[pack.balance!.submission], contexts })));
    else {
      part = perSchool(pack, target, formula, reports, contexts, opts.periods?.[formula.submission]);
      if (formula.kind === 'population') part = withPopulation(target, formula, part, opts.population);
    }
    const message = part.message ?? (part.status === 'noData' && !part.schools ? '没有学校报送可计算的数据' : formula?.name ?? target.note ?? target.name);
    out.push({ target, ...(formula ? { formula } : {}), ...part, message });
  }
  return out;
}
