// District totals of one statistics sheet from the held reports' facts, split by a breakdown
// (乡镇（街道）, 举办者, 城乡分类, 办学类型 or the whole district), each total keeping the schools
// it is made of for the drill-down. Pure; the facts are the accepted cells only.
import type { Breakdown, RegistrySchool } from '../../../shared/consolidate/types';
import type { FactsRecord } from './bureau-records';

export type ScreenBreakdown = Exclude<Breakdown, 'stage'>;

export const BREAKDOWN_LABEL: Record<ScreenBreakdown, string> = {
  district: '全区', township: '乡镇（街道）', sponsor: '举办者', urbanRural: '城乡分类', type: '办学类型',
};

export interface TotalCell {
  value: number;
  schools: { code: string; name: string; value: number }[];
}

/** group → `${rowCode}|${column}` → total */
export type SheetTotals = Map<string, Map<string, TotalCell>>;

export function groupOf(s: RegistrySchool | undefined, b: ScreenBreakdown): string {
  if (b === 'district') return '全区';
  return s ? String(s[b]) : '（不在名册）';
}

export function sheetTotals(facts: readonly FactsRecord[], registry: ReadonlyMap<string, RegistrySchool>, sheetId: string, b: ScreenBreakdown): SheetTotals {
  const out: SheetTotals = new Map();
  for (const rec of facts) {
    const school = registry.get(rec.schoolCode);
    const group = groupOf(school, b);
    let cells = out.get(group);
    if (!cells) out.set(group, (cells = new Map()));
    for (const f of rec.rows) {
      if (f.sheet !== sheetId) continue;
      const key = `${f.rowCode}|${f.column}`;
      let t = cells.get(key);
      if (!t) cells.set(key, (t = { value: 0, schools: [] }));
      t.value += f.value;
      t.schools.push({ code: rec.schoolCode, name: school?.name ?? rec.schoolCode, value: f.value });
    }
  }
  return out;
}

/** Sheets that have at least one fact, in the order given. */
export function sheetsWithFacts(facts: readonly FactsRecord[], order: readonly string[]): string[] {
  const have = new Set(facts.flatMap((r) => r.rows.map((f) => f.sheet)));
  return order.filter((id) => have.has(id));
}
