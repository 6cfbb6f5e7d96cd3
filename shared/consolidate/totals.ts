// District totals of every statistics sheet of a submission × period, by breakdown (全区, 学段,
// 乡镇（街道）, 举办者, 城乡分类, 办学类型). Only held (accepted, current) reports of registry schools
// count; a school's group is the REGISTRY's word, not its 封面's. Each total carries the schools
// in it, and drillDown gives each school's figure for any cell. Blocked cells stay blocked.
import type { Pack } from '../pack/schema';
import { stagesOf } from '../pack/applicability';
import type { Breakdown, HeldReport, Registry, RegistrySchool } from './types';
import { reportValues, totalledSheets, type SheetValues, type TotalAggregation, type TotalsSheetLayout } from './totals-layout';
import { reportKey } from './versions';

export type { TotalAggregation, TotalsSheetLayout, SheetValues } from './totals-layout';

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

function aggregate(values: (number | null)[], how: TotalAggregation): number | null {
  const nums = values.filter((v): v is number => typeof v === 'number');
  if (!nums.length) return null;
  if (how === 'max') return Math.max(...nums);
  const sum = nums.reduce((a, b) => a + b, 0);
  // sums of integers stay exact; a mean is rounded as the indicator sheets show theirs (2 places)
  return how === 'mean' ? Math.round((sum / nums.length) * 100) / 100 : sum;
}

function sheetTotal(layout: TotalsSheetLayout, schools: readonly string[], schoolValues: DistrictTotals['schoolValues']): SheetTotal {
  const contributing = schools.filter((c) => schoolValues[c]?.[layout.sheetId]);
  const values = layout.rows.map((row, r) =>
    layout.columns.map((_, c) =>
      layout.blocked[r]![c] ? null : aggregate(contributing.map((s) => schoolValues[s]![layout.sheetId]![r]![c]!), row.aggregation),
    ),
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
  const versions: Record<string, number> = {};
  const ignored: string[] = [];
  for (const h of input.held) {
    if (h.submission !== submission || h.period !== period) continue;
    const school = bySchool.get(h.schoolCode);
    if (!school) {
      ignored.push(h.schoolCode);
      continue;
    }
    schoolValues[h.schoolCode] = input.precomputed?.[reportKey(h)] ?? reportValues(pack, sheets, school, h, lookupFor(h.schoolCode));
    versions[h.schoolCode] = h.version;
  }
  const groups = groupsOf(pack, registry.schools);
  const totals: DistrictTotals['totals'] = {};
  for (const g of groups) totals[g.key] = Object.fromEntries(sheets.map((l) => [l.sheetId, sheetTotal(l, g.schools, schoolValues)]));
  const missing = registry.schools.filter((s) => !schoolValues[s.code]).map((s) => s.code);
  return { submission, period, sheets, groups, totals, schoolValues, versions, missing, ignored };
}

export interface DrillRow {
  school: RegistrySchool;
  value: number | null;
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
  return total.schools.map((code) => ({ school: bySchool.get(code)!, value: t.schoolValues[code]![sheetId]![r]![c] ?? null }));
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
