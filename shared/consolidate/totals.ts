// District totals of every statistics sheet of a submission × period, by breakdown (全区, 学段,
// 乡镇（街道）, 举办者, 城乡分类, 办学类型). Only held (accepted, current) reports of registry schools
// count; a school's group is the REGISTRY's word, not its 封面's. Each total carries the schools
// in it, and drillDown gives each school's figure for any cell. Blocked cells stay blocked.
import type { Pack } from '../pack/schema';
import { stagesOf } from '../pack/applicability';
import type { Breakdown, HeldReport, Registry, RegistrySchool } from './types';
import { reportParts, totalledSheets, type SheetValues, type SheetWeights, type TotalAggregation, type TotalsSheetLayout } from './totals-layout';
import { reportKey } from './versions';
import { stageFactor, stageSplitOf, type StageSplit } from './stage-split';

export type { TotalAggregation, TotalsSheetLayout, SheetValues, SheetWeights } from './totals-layout';

export const BREAKDOWNS: readonly Breakdown[] = ['district', 'stage', 'township', 'sponsor', 'urbanRural', 'type'];
export const BREAKDOWN_LABEL: Record<Breakdown, string> = {
  district: '全区', stage: '学段', township: '乡镇（街道）', sponsor: '举办者', urbanRural: '城乡分类', type: '办学类型',
};

export interface TotalGroup {
  breakdown: Breakdown;
  /** `${breakdown}:${value}`, e.g. `township:金山镇` */
  key: string;
  label: string;
  /** registry schools in the group (a school with several 学段 is in each of their groups) */
  schools: string[];
}

export interface SheetTotal {
  /** schools whose report is held and to which the sheet applies: the ones the total is made of */
  schools: string[];
  /** [row][col] in the layout; null for a blocked cell, or when no school gave a number */
  values: (number | null)[][];
}

export interface DistrictTotals {
  submission: string;
  period: string;
  sheets: TotalsSheetLayout[];
  groups: TotalGroup[];
  /** group key → sheet id → total */
  totals: Record<string, Record<string, SheetTotal>>;
  /** school code → sheet id → its values (the drill-down; also what facts.ts writes) */
  schoolValues: Record<string, Record<string, SheetValues>>;
  /** school code → sheet id → the divisor of each 率 row (the weights of the district's mean) */
  schoolWeights: Record<string, Record<string, SheetWeights>>;
  /** school code → its 学段 and pupils in each, for schools of several 学段 (the 学段 split, stage-split.ts) */
  stageSplits: Record<string, StageSplit>;
  /** school code → the version counted */
  versions: Record<string, number>;
  /** registry schools of whose report none is held (未报, 校验不通过 …): not in any total */
  missing: string[];
  /** held reports of schools not in the registry: never counted */
  ignored: string[];
}

export interface TotalsInput {
  pack: Pack;
  registry: Registry;
  submission: string;
  period: string;
  /** the current held reports; others' submissions and periods are used only as the lookups indicators read (the 学年 of a month) */
  held: readonly HeldReport[];
  /**
   * Each report's values already placed in the layout (reportValues, e.g. computed in the worker
   * that verified the file), keyed by reportKey; a report absent here is computed now. Only for
   * sheets that read no other submission (a monthly sheet reading the 学年 needs the lookup).
   */
  /** total the 学年's indicator sheets too (the facts do) */
  allIndicators?: boolean;
  precomputed?: Readonly<Record<string, Record<string, SheetValues>>>;
  /** the SheetWeights of the precomputed reports (reportParts); without them a report with weighted rows is computed now */
  precomputedWeights?: Readonly<Record<string, Record<string, SheetWeights>>>;
}

function groupsOf(pack: Pack, schools: readonly RegistrySchool[]): TotalGroup[] {
  const groups: TotalGroup[] = [];
  const add = (breakdown: Breakdown, value: string, members: RegistrySchool[]) => {
    if (members.length) groups.push({ breakdown, key: `${breakdown}:${value}`, label: value, schools: members.map((s) => s.code) });
  };
  add('district', '全区', [...schools]);
  for (const st of pack.stages) add('stage', st.id, schools.filter((s) => stagesOf(pack, s.type).includes(st.id)));
  for (const t of [...new Set(schools.map((s) => s.township))]) add('township', t, schools.filter((s) => s.township === t));
  for (const v of ['公办', '民办']) add('sponsor', v, schools.filter((s) => s.sponsor === v));
  for (const v of ['城区', '镇区', '乡村']) add('urbanRural', v, schools.filter((s) => s.urbanRural === v));
  for (const t of pack.schoolTypes) add('type', t.id, schools.filter((s) => s.type === t.id));
  return groups;
}

/** One school's figure of a cell as it enters a total: its value, its weight in a mean, its share in a 学段 group. */
interface Part {
  value: number;
  weight: number;
}

function aggregate(parts: readonly Part[], how: TotalAggregation): number | null {
  const nums = parts.filter((p) => p.weight > 0);
  if (!nums.length) return null;
  if (how === 'max') return Math.max(...nums.map((p) => p.value));
  if (how === 'mean') {
    // Σ wᵢxᵢ / Σ wᵢ: for a 率 row wᵢ is its divisor, so this is Σ numerators ÷ Σ divisors;
    // rounded as the indicator sheets show theirs (2 places)
    const w = nums.reduce((a, p) => a + p.weight, 0);
    return Math.round((nums.reduce((a, p) => a + p.weight * p.value, 0) / w) * 100) / 100;
  }
  // a count: a school's share of it (1 outside the 学段 groups) — sums of integers stay exact
  return nums.reduce((a, p) => a + p.weight * p.value, 0);
}

/** How a group takes a school's row: the 学段 share in a 学段 group, all of it elsewhere. */
type Share = (code: string, layout: TotalsSheetLayout, r: number) => number;

function sheetTotal(layout: TotalsSheetLayout, schools: readonly string[], t: Pick<DistrictTotals, 'schoolValues' | 'schoolWeights'>, share: Share): SheetTotal {
  const contributing = schools.filter((c) => t.schoolValues[c]?.[layout.sheetId] && layout.rows.some((_, r) => share(c, layout, r) > 0));
  const values = layout.rows.map((row, r) =>
    layout.columns.map((_, c) => {
      if (layout.blocked[r]![c]) return null;
      const parts: Part[] = [];
      for (const code of contributing) {
        const v = t.schoolValues[code]![layout.sheetId]![r]![c];
        if (typeof v !== 'number') continue;
        const f = share(code, layout, r);
        // a mean weighs each school by its divisor (and by its share of it in a 学段 group)
        const w = row.aggregation === 'mean' ? (t.schoolWeights[code]?.[layout.sheetId]?.[r] ?? 1) * f : f;
        parts.push({ value: v, weight: w });
      }
      return aggregate(parts, row.aggregation);
    }),
  );
  return { schools: contributing, values };
}

export function districtTotals(input: TotalsInput): DistrictTotals {
  const { pack, registry, submission, period } = input;
  const sheets = totalledSheets(pack, submission, { allIndicators: input.allIndicators });
  const bySchool = new Map(registry.schools.map((s) => [s.code, s]));
  const all = new Map(input.held.map((h) => [reportKey(h), h]));
  const lookupFor = (code: string) => (s: string, p: string) => all.get(reportKey({ schoolCode: code, submission: s, period: p }))?.data;
  const schoolValues: DistrictTotals['schoolValues'] = {};
  const schoolWeights: DistrictTotals['schoolWeights'] = {};
  const stageSplits: DistrictTotals['stageSplits'] = {};
  const versions: Record<string, number> = {};
  const weighted = sheets.some((l) => l.kind === 'indicator');
  const key = (code: string, s: string, p: string) => reportKey({ schoolCode: code, submission: s, period: p });
  const ignored: string[] = [];
  for (const h of input.held) {
    if (h.submission !== submission || h.period !== period) continue;
    const school = bySchool.get(h.schoolCode);
    if (!school) {
      ignored.push(h.schoolCode);
      continue;
    }
    const pre = input.precomputed?.[reportKey(h)];
    const preWeights = input.precomputedWeights?.[reportKey(h)] ?? (weighted ? undefined : {});
    const parts = pre && preWeights ? { values: pre, weights: preWeights } : reportParts(pack, sheets, school, h, lookupFor(h.schoolCode));
    schoolValues[h.schoolCode] = parts.values;
    if (Object.keys(parts.weights).length) schoolWeights[h.schoolCode] = parts.weights;
    if (stagesOf(pack, school.type).length > 1) stageSplits[h.schoolCode] = stageSplitOf(pack, school, h, all, key);
    versions[h.schoolCode] = h.version;
  }
  const groups = groupsOf(pack, registry.schools);
  const totals: DistrictTotals['totals'] = {};
  const t = { schoolValues, schoolWeights };
  for (const g of groups) {
    const share = groupShare(g, stageSplits);
    totals[g.key] = Object.fromEntries(sheets.map((l) => [l.sheetId, sheetTotal(l, g.schools, t, share)]));
  }
  const missing = registry.schools.filter((s) => !schoolValues[s.code]).map((s) => s.code);
  return { submission, period, sheets, groups, totals, schoolValues, schoolWeights, stageSplits, versions, missing, ignored };
}

const WHOLE: Share = () => 1;

/** The share function of a group: a school's 学段 share in a 学段 group (stage-split.ts), 1 in any other. */
function groupShare(g: Pick<TotalGroup, 'breakdown' | 'label'>, splits: DistrictTotals['stageSplits']): Share {
  if (g.breakdown !== 'stage') return WHOLE;
  // a school of one 学段 is in the group only by having it: its whole figure, bar other 学段's block rows
  return (code, layout, r) => stageFactor(layout, r, splits[code] ?? { stages: [g.label], pupils: {} }, g.label);
}

export interface DrillRow {
  school: RegistrySchool;
  value: number | null;
  /** in a 学段 group, the part of a several-学段 school's figure counted there (below 1) */
  share?: number;
}

/** The schools a total is made of and each one's figure for one cell (row code, column key). */
export function drillDown(t: DistrictTotals, registry: Registry, groupKey: string, sheetId: string, rowCode: string, colKey = 'value'): DrillRow[] {
  const layout = t.sheets.find((s) => s.sheetId === sheetId);
  const total = t.totals[groupKey]?.[sheetId];
  if (!layout || !total) return [];
  const r = layout.rows.findIndex((x) => x.code === rowCode);
  const c = layout.columns.findIndex((x) => x.key === colKey);
  if (r < 0 || c < 0) return [];
  const bySchool = new Map(registry.schools.map((s) => [s.code, s]));
  const group = t.groups.find((g) => g.key === groupKey);
  const share = group ? groupShare(group, t.stageSplits) : WHOLE;
  // a count is shown as the part of it in the group (an 一贯制 school's 学段 share), so the rows add up to the total
  const counted = layout.rows[r]!.aggregation === 'sum' || layout.rows[r]!.aggregation === 'countYes';
  return total.schools.flatMap((code) => {
    const f = share(code, layout, r);
    if (f <= 0) return [];
    const v = t.schoolValues[code]![sheetId]![r]![c] ?? null;
    return [{ school: bySchool.get(code)!, value: v !== null && counted && f !== 1 ? v * f : v, ...(f !== 1 ? { share: f } : {}) }];
  });
}

/** One total as a plain table (代码, 项目, then the columns) for a summary sheet; blocked cells as “—”. */
export function totalTable(t: DistrictTotals, groupKey: string, sheetId: string): { header: string[]; rows: (string | number | null)[][] } | undefined {
  const layout = t.sheets.find((s) => s.sheetId === sheetId);
  const total = t.totals[groupKey]?.[sheetId];
  if (!layout || !total) return undefined;
  const header = ['代码', '项目', ...layout.columns.map((c) => c.label)];
  const rows = layout.rows.map((row, r) => [row.code, row.label, ...layout.columns.map((_, c) => (layout.blocked[r]![c] ? '—' : total.values[r]![c]!))]);
  return { header, rows };
}
