// The completeness matrix of one submission × period: every registry school's state word and the
// reporting / on-time rates, district-wide and per 乡镇. Pure, so the view and its test share it.
// (The core helper's completeness.ts is the shared version; this follows the same words.)
import type { CompletenessState, HeldReport, RegistrySchool } from '../../../shared/consolidate/types';
import type { VerdictRecord } from './bureau-records';

export interface CompletenessRow {
  school: RegistrySchool;
  state: CompletenessState;
  /** 已报: the version held */
  version?: number;
  /** 已报 and reported by the due date (报出日期, else the day received) */
  onTime?: boolean;
  /** the shown text: 已报 v 2, 校验不通过 … */
  label: string;
  problems: string[];
}

export interface Rate {
  group: string;
  schools: number;
  reported: number;
  onTime: number;
  reportingRate: number;
  onTimeRate: number;
}

const dayOf = (iso: string) => iso.slice(0, 10);

export function completenessRows(
  schools: readonly RegistrySchool[], held: readonly HeldReport[], verdicts: readonly VerdictRecord[], due: string, today: string,
): CompletenessRow[] {
  const heldBy = new Map(held.map((h) => [h.schoolCode, h]));
  // the latest failed file of each school, for the state word when nothing is held
  const failed = new Map<string, VerdictRecord>();
  for (const v of [...verdicts].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)))
    if (v.schoolCode && (v.kind === 'auditFailed' || v.kind === 'hashMismatch')) failed.set(v.schoolCode, v);
  return schools.map((school) => {
    const h = heldBy.get(school.code);
    if (h) {
      const day = h.data.reportDate ?? dayOf(h.receivedAt);
      return { school, state: '已报', version: h.version, onTime: day <= due, label: `已报 v ${h.version}`, problems: [] };
    }
    const f = failed.get(school.code);
    if (f) {
      const state: CompletenessState = f.kind === 'hashMismatch' ? '哈希不符' : '校验不通过';
      return { school, state, label: state, problems: f.problems.map((p) => p.message) };
    }
    const state: CompletenessState = today > due ? '逾期' : '未报';
    return { school, state, label: state, problems: [] };
  });
}

function rate(group: string, rows: readonly CompletenessRow[]): Rate {
  const reported = rows.filter((r) => r.state === '已报').length;
  const onTime = rows.filter((r) => r.onTime).length;
  const pct = (n: number) => (rows.length ? Math.round((n / rows.length) * 1000) / 10 : 0);
  return { group, schools: rows.length, reported, onTime, reportingRate: pct(reported), onTimeRate: pct(onTime) };
}

/** 全区 first, then each 乡镇（街道） in the registry's order of first appearance. */
export function completenessRates(rows: readonly CompletenessRow[]): Rate[] {
  const towns = [...new Set(rows.map((r) => r.school.township))];
  return [rate('全区', rows), ...towns.map((t) => rate(t, rows.filter((r) => r.school.township === t)))];
}
