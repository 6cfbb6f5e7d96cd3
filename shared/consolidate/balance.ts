// 义务教育校际差异系数 (优质均衡, 教督〔2017〕6号), 小学 and 初中 separately, from each school's
// 办学条件与优质均衡 sheet as the school's own app computes it: for each of the seven indicators
// CV = S / X̄ with X̄ = Σ PᵢXᵢ / P and S = √(Σ Pᵢ(Xᵢ − X̄)² / P), Pᵢ the school's 在校生 of the 学段.
// Which rows, which limits and whom Pᵢ counts are pack data (`balance`, schema-district.ts).
// An 一贯制 school is one point per 学段: its teachers by their 任教学段 in the 教职工名册, its
// shared areas, equipment and classrooms split in proportion to students (docs/consolidation.md).
import type { Pack } from '../pack/schema';
import type { BalanceConfig, BalanceStage } from '../pack/schema-district';
import { evalExpr } from '../compute/expr';
import { periodExprEnv } from '../compute/indicator';
import type { IndicatorResult } from '../compute/indicator-types';
import { contextMemo, reportsOf, schoolRef, schoolStages, type ContextMemo, type DistrictReport, type SchoolRef } from './district-reports';

export interface WeightedPoint {
  weight: number;
  value: number;
}

export interface WeightedCv {
  /** P = Σ Pᵢ */
  weight: number;
  /** X̄ = Σ PᵢXᵢ / P */
  mean: number;
  /** S = √(Σ Pᵢ(Xᵢ − X̄)² / P) */
  sd: number;
  /** S / X̄; null when X̄ is 0 (nothing to vary around) */
  cv: number | null;
}

/** The student-weighted coefficient of variation; null when no point has weight. */
export function weightedCv(points: readonly WeightedPoint[]): WeightedCv | null {
  const pts = points.filter((p) => p.weight > 0);
  const weight = pts.reduce((s, p) => s + p.weight, 0);
  if (!pts.length || weight <= 0) return null;
  // deviations from the first value, so equal schools give exactly 0 rather than rounding noise
  const x0 = pts[0]!.value;
  const mean = x0 + pts.reduce((s, p) => s + p.weight * (p.value - x0), 0) / weight;
  const sd = Math.sqrt(pts.reduce((s, p) => s + p.weight * (p.value - mean) ** 2, 0) / weight);
  return { weight, mean, sd, cv: mean === 0 ? null : sd / mean };
}

/** One school's 学段 as a point of the 差异系数. */
export interface BalanceSchoolRow extends SchoolRef {
  type: string;
  township: string;
  /** Pᵢ */
  students: number;
  /** Xᵢ per indicator, in the order of the stage's `indicators`; unrounded; null when not computable */
  values: (number | null)[];
  /** whether each indicator meets its standard, as the school's sheet says */
  met: (boolean | undefined)[];
  metCount: number;
  /** 是否达到优质均衡校级要求; null when a figure is missing (办学条件 not entered) */
  meetsStandard: boolean | null;
}

export interface BalanceIndicatorResult {
  code: string;
  label: string;
  unit?: string;
  /** the 校级 standard value (标准值) */
  standard: number | null;
  /** schools counted (Pᵢ > 0 and Xᵢ known) */
  schools: number;
  mean: number | null;
  sd: number | null;
  cv: number | null;
  maxCv: number;
  /** cv ≤ maxCv; undefined when it could not be computed */
  met: boolean | undefined;
}

export interface StageBalance {
  stage: string;
  maxCv: number;
  indicators: BalanceIndicatorResult[];
  /** 综合差异系数: the mean of the indicators' CVs (null when one is missing) */
  compositeCv: number | null;
  /** every indicator's CV within the limit */
  allMet: boolean | undefined;
  /** the schools of this 学段 with students in it */
  schools: BalanceSchoolRow[];
  /** Σ Pᵢ, and the part of it in schools meeting the 校级 standard */
  students: number;
  standardStudents: number;
  standardSchools: number;
}

export interface BalanceResult {
  period?: string;
  stages: StageBalance[];
  /** 享受优质义务教育学生比例: students of the 学段 that meet the 校级 standard ÷ all (percent) */
  students: number;
  standardStudents: number;
  studentShare: number | null;
  /** 达到优质均衡标准的学校比例: schools whose every 义务教育 学段 meets it ÷ schools (percent) */
  schools: number;
  standardSchools: number;
  schoolShare: number | null;
  /** schools that do not meet it (or whose figures are incomplete), for the "who misses" list */
  schoolsMissing: (SchoolRef & { stages: string[]; incomplete: boolean })[];
  /** left out by the pack's rule (特殊教育学校) */
  excluded: SchoolRef[];
}

const numberOf = (r: IndicatorResult | undefined): number | null =>
  r?.raw ?? (typeof r?.value === 'number' ? r.value : null);

type Contexts = ContextMemo;

function stageRow(cfg: BalanceStage, sheetId: string, report: DistrictReport, contextOf: Contexts): BalanceSchoolRow | undefined {
  const pc = contextOf(report);
  const table = pc.indicator(sheetId);
  if (!table) return undefined;
  const env = { ...periodExprEnv(pc), row: () => null, met: () => [] };
  const p = evalExpr(cfg.students, env);
  const students = typeof p === 'number' ? p : 0;
  if (students <= 0) return undefined;
  const results = new Map(table.sections.flatMap((s) => s.results).map((r) => [r.row.code, r]));
  const rows = cfg.rows.map((c) => results.get(c));
  const standard = results.get(cfg.standardRow)?.value;
  return {
    ...schoolRef(report.school), type: report.school.type, township: report.school.township, students,
    values: rows.map(numberOf), met: rows.map((r) => r?.met), metCount: rows.filter((r) => r?.met).length,
    meetsStandard: standard === '是' ? true : standard === '否' ? false : null,
  };
}

function stageBalance(pack: Pack, cfg: BalanceConfig, stage: BalanceStage, reports: DistrictReport[], contextOf: Contexts): StageBalance {
  const sheet = pack.sheets[cfg.sheet];
  const rowDefs = new Map(sheet?.kind === 'indicator' ? sheet.sections.flatMap((s) => s.rows).map((r) => [r.code, r]) : []);
  const schools = reports
    .filter((r) => schoolStages(pack, r.school).includes(stage.stage))
    .map((r) => stageRow(stage, cfg.sheet, r, contextOf))
    .filter((r): r is BalanceSchoolRow => !!r);
  const indicators = stage.rows.map((code, i): BalanceIndicatorResult => {
    const def = rowDefs.get(code);
    const points = schools.flatMap((s) => (s.values[i] === null ? [] : [{ weight: s.students, value: s.values[i]! }]));
    const w = weightedCv(points);
    const cv = w?.cv ?? null;
    return {
      code, label: def?.label ?? code, ...(def?.unit ? { unit: def.unit } : {}),
      standard: def?.target?.value ?? null, schools: points.length,
      mean: w?.mean ?? null, sd: w?.sd ?? null, cv, maxCv: stage.maxCv, met: cv === null ? undefined : cv <= stage.maxCv,
    };
  });
  const cvs = indicators.map((x) => x.cv);
  const compositeCv = cvs.length && cvs.every((c) => c !== null) ? (cvs as number[]).reduce((a, b) => a + b, 0) / cvs.length : null;
  const met = indicators.map((x) => x.met);
  const meeting = schools.filter((s) => s.meetsStandard === true);
  return {
    stage: stage.stage, maxCv: stage.maxCv, indicators, compositeCv,
    allMet: met.some((m) => m === false) ? false : met.every((m) => m === true) ? true : undefined,
    schools, students: schools.reduce((s, x) => s + x.students, 0),
    standardStudents: meeting.reduce((s, x) => s + x.students, 0), standardSchools: meeting.length,
  };
}

const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/**
 * The 差异系数 of the district from its accepted reports of the pack's `balance.submission` (one
 * period: `period`, or the latest held). Throws when the pack defines no 差异系数 — a pack error,
 * not the clerk's.
 */
export function computeBalance(pack: Pack, reports: readonly DistrictReport[], opts: { period?: string; contexts?: ContextMemo } = {}): BalanceResult {
  const cfg = pack.balance;
  if (!cfg) throw new Error(`报表包 ${pack.id} 没有定义校际差异系数（balance）`);
  const chosen = reportsOf(reports, cfg.submission, opts.period);
  const excludedTypes = new Set(cfg.excludeSchoolTypes ?? []);
  const excluded = chosen.reports.filter((r) => excludedTypes.has(r.school.type));
  const counted = chosen.reports.filter((r) => !excludedTypes.has(r.school.type));
  // one memo per report: an 一贯制 school's sheet is computed once for both 学段 (and, when the
  // district indicators pass theirs, once for all of them)
  const contextOf = opts.contexts ?? contextMemo(pack, reports);
  const stages = cfg.stages.map((s) => stageBalance(pack, cfg, s, counted, contextOf));
  // a school meets the standard when every 学段 it has students in does (一贯制: both)
  const bySchool = new Map<string, { ref: SchoolRef; rows: { stage: string; row: BalanceSchoolRow }[] }>();
  for (const st of stages)
    for (const row of st.schools) {
      const e = bySchool.get(row.schoolCode) ?? { ref: { schoolCode: row.schoolCode, schoolName: row.schoolName }, rows: [] };
      e.rows.push({ stage: st.stage, row });
      bySchool.set(row.schoolCode, e);
    }
  const schoolsMissing = [...bySchool.values()]
    .filter((e) => e.rows.some((x) => x.row.meetsStandard !== true))
    .map((e) => ({
      ...e.ref, stages: e.rows.filter((x) => x.row.meetsStandard !== true).map((x) => x.stage),
      incomplete: e.rows.some((x) => x.row.meetsStandard === null),
    }));
  const students = stages.reduce((s, x) => s + x.students, 0);
  const standardStudents = stages.reduce((s, x) => s + x.standardStudents, 0);
  const standardSchools = bySchool.size - schoolsMissing.length;
  return {
    ...(chosen.period ? { period: chosen.period } : {}), stages,
    students, standardStudents, studentShare: share(standardStudents, students),
    schools: bySchool.size, standardSchools, schoolShare: share(standardSchools, bySchool.size),
    schoolsMissing, excluded: excluded.map((r) => schoolRef(r.school)),
  };
}
