// How a school with several 学段 (九年一贯制, 完全中学, 十二年一贯制) is counted in the 学段 breakdown,
// so that the 学段 totals add up to the district's (docs/consolidation.md「按学段分组」):
// - a sheet of one 学段 (教基3112 小学, 3115 初中 …) counts in that 学段 only;
// - a row of a 学段 block (教基4153, 4155) counts in its block's 学段 only;
// - a whole-school sheet (教基4149 教职工, 残疾学生, a monthly summary) is split between the
//   school's 学段 in proportion to its pupils of each (班级名册 学生数 by 学段, of the 学年's XNC) —
//   the rule the 差异系数 uses for shared resources. Without pupils to split by, the school counts
//   in its first 学段 only. Shares are not rounded, so the 学段 groups sum exactly to the whole.
import { periodOf } from '../model/period';
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import { stagesOf } from '../pack/applicability';
import type { TotalsSheetLayout } from './totals-layout';
import type { HeldReport, RegistrySchool } from './types';

/** A school's pupils of each of its 学段 (only schools with more than one 学段 need it). */
export type StagePupils = Record<string, number>;

/** What the split of one school needs: its 学段 and its pupils in each. */
export interface StageSplit {
  stages: string[];
  pupils: StagePupils;
}

/** The 学年 ("2025-2026") of a period: itself for a 学年, the one a month falls in otherwise. */
export function schoolYearOfPeriod(period: string): string {
  return /^\d{4}-\d{4}$/.test(period) ? period : periodOf('schoolYear', `${period}-01`);
}

/** Pupils of each 学段 from a period's 班级名册 (学段, 学生数). */
export function pupilsByStage(data: PeriodData | undefined): StagePupils {
  const out: StagePupils = {};
  for (const row of (data?.sheets.classList?.rows ?? []) as Record<string, unknown>[]) {
    const n = Number(row.students);
    if (typeof row.stage === 'string' && Number.isFinite(n) && n > 0) out[row.stage] = (out[row.stage] ?? 0) + n;
  }
  return out;
}

/**
 * The pupils a held report is split by: its own 班级名册 when it is the 学年's report, else the
 * same school's held report of the 学年 the month falls in (a month carries no 班级名册).
 */
export function stageSplitOf(pack: Pack, school: RegistrySchool, held: HeldReport, all: ReadonlyMap<string, HeldReport>, key: (code: string, submission: string, period: string) => string): StageSplit {
  const stages = stagesOf(pack, school.type);
  const yearly = pack.submissions.find((s) => s.periodKind === 'schoolYear');
  const source = !yearly || held.submission === yearly.code ? held : all.get(key(held.schoolCode, yearly.code, schoolYearOfPeriod(held.period)));
  return { stages, pupils: pupilsByStage(source?.data) };
}

/**
 * The part of a school's figure in row `r` of `layout` that counts in the 学段 group `stage`:
 * 1 or 0 for a sheet or row of one 学段, the school's pupil share for a whole-school row.
 */
export function stageFactor(layout: TotalsSheetLayout, r: number, split: StageSplit, stage: string): number {
  const { stages: own, pupils } = split;
  if (!own.includes(stage)) return 0;
  const rowStage = layout.rows[r]?.stage;
  if (rowStage) return rowStage === stage ? 1 : 0;
  const among = layout.stages ? own.filter((s) => layout.stages!.includes(s)) : own;
  if (!among.includes(stage)) return 0;
  if (among.length === 1) return 1;
  const total = among.reduce((n, s) => n + (pupils?.[s] ?? 0), 0);
  if (total > 0) return (pupils?.[stage] ?? 0) / total;
  return stage === among[0] ? 1 : 0;
}
