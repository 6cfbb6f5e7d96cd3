// The district's layout of each sheet that is totalled, and one school's values placed in it.
// A 基表 with 学段 blocks (教基4153, 4155) numbers its block rows on from the fixed rows, so a
// 九年一贯制 school's 初中 block has other codes than an 初级中学's: the district layout has a
// block for every 学段 of the sheet, and each school's block rows land on the block of their
// 学段 — the codes of the district layout are the `rowCode` of a FactRow.
import type { Pack, StatSheet } from '../pack/schema';
import type { IndicatorRow } from '../pack/indicator-schema';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetApplies, stagesOf } from '../pack/applicability';
import { expandStatSheet, stageRowCodes } from '../pack/expand';
import { resolveCell } from '../pack/stat-cells';
import { periodContext, type PeriodContext } from '../compute/period-context';
import { periodExprEnv, type Lookup } from '../compute/indicator';
import { evalExpr } from '../compute/expr';
import type { Expr } from '../pack/indicator-schema';
import type { HeldReport, RegistrySchool } from './types';

/** How a row of a sheet is totalled over schools: 基表 cells add up; an indicator row by its kind. */
export type TotalAggregation = 'sum' | 'mean' | 'max' | 'countYes';

export interface TotalsSheetLayout {
  sheetId: string;
  title: string;
  kind: 'stat' | 'indicator';
  unit?: string;
  rows: { code: string; label: string; aggregation: TotalAggregation; unit?: string; /** a row of one 学段 (a 4153 block row) */ stage?: string }[];
  /** data columns; `number` is the 1-based column number of the 基表 (FactRow.column) */
  columns: { key: string; label: string; number: number }[];
  /** [row][col]: a blocked cell of the 基表 stays blocked in every total */
  blocked: boolean[][];
  /** the school types the sheet applies to */
  schoolTypes: string[];
  /** the 学段 the sheet applies to, when it says (教基3112: 小学); absent for a whole-school sheet */
  stages?: string[];
}

/** One school's values of one sheet in the district layout: [row][col], null for empty or blocked. */
export type SheetValues = (number | null)[][];

/**
 * Per row of an indicator sheet, what the school's rate is a share of (the divisor of a 率 row:
 * 供餐餐次数, 上课天数 × 班数 …), so the district's rate is Σ numerators ÷ Σ divisors — a weighted
 * mean — and a school of 40 meals does not weigh as much as one of 400. null: not a division.
 */
export type SheetWeights = (number | null)[];

/**
 * An indicator row's aggregation, from its definition: a rate or ratio is averaged over schools,
 * a "longest" (max) stays a max, a 是/否 (or 卫生室/保健室/无) row counts the schools that have
 * it, a count of days or seconds per school is averaged, other counts add up.
 */
export function indicatorAggregation(row: IndicatorRow): TotalAggregation {
  if (row.format === 'yesno' || (row.value.op === 'entered' && row.value.values)) return 'countYes';
  if (row.value.op === 'max') return 'max';
  if (row.format === 'pct1' || row.format === 'ratio' || row.format === 'dec1' || row.format === 'dec2' || row.unit === '%') return 'mean';
  if (row.unit === '天' || row.unit === '秒') return 'mean';
  return 'sum';
}

/**
 * The sheets totalled for a submission: every 基表, and the indicator sheets of a monthly report
 * (月度汇总, 安全防范与卫生配置). `allIndicators` adds the 学年's indicator sheets (办学条件与优质均衡,
 * 教师发展, 学生发展) — school-level values the facts carry for analysts; the district's own
 * indicators against the plan are district-indicators.ts's.
 */
export function totalledSheets(pack: Pack, submission: string, opts: { allIndicators?: boolean } = {}): TotalsSheetLayout[] {
  const sub = findSubmission(pack, submission);
  if (!sub) return [];
  const out: TotalsSheetLayout[] = [];
  for (const id of sub.sheets) {
    const sheet = pack.sheets[id]!;
    const schoolTypes = pack.schoolTypes.filter((t) => sheetApplies(pack, sheet, t.id)).map((t) => t.id);
    const applies = 'appliesTo' in sheet ? sheet.appliesTo?.stages : undefined;
    const stages = applies ? { stages: [...applies] } : {};
    if (sheet.kind === 'stat') {
      const all = expandStatSheet(sheet, sheet.stageRows?.stages ?? []);
      const blockStage = new Map<string, string>();
      if (sheet.stageRows) for (const codes of stageRowCodes(sheet, sheet.stageRows.stages).values()) codes.forEach((c, i) => blockStage.set(c, sheet.stageRows!.stages[i]!));
      out.push({
        sheetId: id, title: sheet.title, kind: 'stat', unit: sheet.unit, schoolTypes, ...stages,
        rows: all.rows.map((r) => ({ code: r.code, label: r.label.trim(), aggregation: 'sum', ...(blockStage.has(r.code) ? { stage: blockStage.get(r.code)! } : {}) })),
        columns: all.columns.map((c, i) => ({ key: c.key, label: c.group ? `${c.group}·${c.label}` : c.label, number: i + 1 })),
        blocked: all.rows.map((r) => all.columns.map((c) => resolveCell(all, r, c).kind === 'blocked')),
      });
    }
    if (sheet.kind === 'indicator' && (sub.periodKind === 'month' || opts.allIndicators)) {
      const rows = sheet.sections.flatMap((s) => s.rows);
      out.push({
        sheetId: id, title: sheet.title, kind: 'indicator', schoolTypes, ...stages,
        rows: rows.map((r) => ({
          code: r.code, label: r.label, aggregation: indicatorAggregation(r), ...(r.unit ? { unit: r.unit } : {}),
          ...(r.stages?.length === 1 ? { stage: r.stages[0]! } : {}),
        })),
        columns: [{ key: 'value', label: '本校值', number: 1 }],
        blocked: rows.map(() => [false]),
      });
    }
  }
  return out;
}

/** A school's row code of a 基表 → the district layout's (identity outside the 学段 blocks). */
function districtCodes(sheet: StatSheet, schoolStages: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  const sr = sheet.stageRows;
  if (!sr) return map;
  const own = stageRowCodes(sheet, schoolStages);
  const all = stageRowCodes(sheet, sr.stages);
  const blocks = sr.stages.filter((s) => schoolStages.includes(s));
  for (const [key, codes] of own) codes.forEach((code, i) => map.set(code, all.get(key)![sr.stages.indexOf(blocks[i]!)]!));
  return map;
}

/** An indicator value as a number: 是 → 1, 否/无 → 0, another choice (卫生室, 保健室) → 1, “a/b” → a ÷ b. */
export function indicatorNumber(v: number | string | null): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null) return null;
  if (v === '是') return 1;
  if (v === '否' || v === '无') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(v);
  if (m) return Number(m[2]) > 0 ? Number(m[1]) / Number(m[2]) : null;
  return v.trim() ? 1 : null;
}

/** The profile the computations need, from the registry (they read the type; the rest is for form's sake). */
export function registryProfile(pack: Pack, s: RegistrySchool): SchoolProfile {
  return {
    code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural,
    ...(s.puhui !== undefined ? { puhui: s.puhui } : {}), head: '—', statHead: '—', filler: '—', phone: '0000000', packId: pack.id,
  };
}

/** One held report's values of every totalled sheet that applies to the school, in the district layout. */
export function reportValues(pack: Pack, layouts: readonly TotalsSheetLayout[], school: RegistrySchool, held: HeldReport, lookup?: Lookup): Record<string, SheetValues> {
  return reportParts(pack, layouts, school, held, lookup).values;
}

/** The divisor of a 率 row (`div` of two terms) that is averaged over schools, else undefined. */
function divisorOf(pack: Pack, sheetId: string, code: string): Expr | undefined {
  const sheet = pack.sheets[sheetId];
  if (sheet?.kind !== 'indicator') return undefined;
  const row = sheet.sections.flatMap((s) => s.rows).find((r) => r.code === code);
  if (!row || indicatorAggregation(row) !== 'mean' || row.value.op !== 'div' || row.value.args.length !== 2) return undefined;
  return row.value.args[1];
}

/** A report's values and, for indicator sheets, the divisors of its 率 rows (SheetWeights). */
export function reportParts(pack: Pack, layouts: readonly TotalsSheetLayout[], school: RegistrySchool, held: HeldReport, lookup?: Lookup): PlacedParts {
  return placedParts(layouts, periodContext({ pack, school: registryProfile(pack, school), data: held.data, lookup }));
}

export interface PlacedParts { values: Record<string, SheetValues>; weights: Record<string, SheetWeights> }

/** placedParts' values alone. */
export function placedValues(layouts: readonly TotalsSheetLayout[], ctx: PeriodContext): Record<string, SheetValues> {
  return placedParts(layouts, ctx).values;
}

/**
 * The same from a period memo already made for the report (the worker that verified the file has
 * one: its tables are not computed again). The computations read only the school's type, which a
 * verified file shares with the registry (a 封面 of another type is refused).
 */
export function placedParts(layouts: readonly TotalsSheetLayout[], ctx: PeriodContext): PlacedParts {
  const { pack } = ctx;
  const type = ctx.school.type;
  const stages = stagesOf(pack, type);
  const out: Record<string, SheetValues> = {};
  const weights: Record<string, SheetWeights> = {};
  for (const layout of layouts) {
    if (!layout.schoolTypes.includes(type)) continue;
    const values: SheetValues = layout.rows.map(() => layout.columns.map(() => null));
    const rowIndex = new Map(layout.rows.map((r, i) => [r.code, i]));
    if (layout.kind === 'stat') {
      const table = ctx.stat(layout.sheetId);
      if (!table) continue;
      const codes = districtCodes(pack.sheets[layout.sheetId] as StatSheet, stages);
      const colIndex = new Map(layout.columns.map((c, i) => [c.key, i]));
      for (const row of table.rows) {
        const r = rowIndex.get(codes.get(row.code) ?? row.code);
        if (r === undefined) continue;
        for (const cell of row.cells) {
          const c = colIndex.get(cell.key);
          if (c !== undefined && cell.kind !== 'blocked' && !layout.blocked[r]![c]) values[r]![c] = cell.value;
        }
      }
    } else {
      const table = ctx.indicator(layout.sheetId);
      const results = table?.sections.flatMap((s) => s.results) ?? [];
      for (const res of results) {
        const r = rowIndex.get(res.row.code);
        if (r !== undefined) values[r]![0] = indicatorNumber(res.value);
      }
      // the divisor is evaluated as the row's own value was: same period, same other rows
      const byCode = new Map(results.map((x) => [x.row.code, x]));
      const env = {
        ...periodExprEnv(ctx), met: () => [],
        row: (code: string) => { const v = byCode.get(code)?.value; return typeof v === 'number' ? v : null; },
      };
      const w: SheetWeights = layout.rows.map((row, r) => {
        const divisor = values[r]![0] === null ? undefined : divisorOf(pack, layout.sheetId, row.code);
        const d = divisor ? evalExpr(divisor, env) : null;
        return typeof d === 'number' && d > 0 ? d : null;
      });
      if (w.some((x) => x !== null)) weights[layout.sheetId] = w;
    }
    out[layout.sheetId] = values;
  }
  return { values: out, weights };
}
