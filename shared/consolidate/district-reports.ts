// The accepted reports of a district as the 差异系数 and the district indicators read them: one
// period of one submission per school, each school's period evaluated through the same memo
// the school's own app uses (period-context.ts), so a 本校值 is computed exactly as the school
// saw it.
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { stagesOf } from '../pack/applicability';
import { periodContext } from '../compute/period-context';
import type { PeriodContext } from '../compute/indicator-types';
import type { HeldReport, RegistrySchool } from './types';

/** One accepted report: what readReport gave for one workbook, with the registry's school. */
export interface DistrictReport {
  school: RegistrySchool;
  data: PeriodData;
}

/** A school named in a result: enough to show it and to drill down to it. */
export interface SchoolRef {
  schoolCode: string;
  schoolName: string;
}

export const schoolRef = (s: RegistrySchool): SchoolRef => ({ schoolCode: s.code, schoolName: s.name });

/**
 * The profile the computations need (type, 举办者, 普惠): the registry's, since the 封面 was
 * checked against it on receipt. Contact fields play no part in any figure.
 */
export function profileOf(s: RegistrySchool, packId: string): SchoolProfile {
  return {
    code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, ...(s.puhui === undefined ? {} : { puhui: s.puhui }),
    township: s.township, urbanRural: s.urbanRural, head: '', statHead: '', filler: '', phone: '', packId,
  };
}

/**
 * The reports of `submission` for one period: `period` when given, else the latest period held
 * for the submission (the same period for every school, so no school is counted from another
 * year). Of several reports of one school and period the last wins (the caller holds one).
 */
/**
 * The held reports of registry schools only (a school not confirmed into the registry never counts),
 * each with its registry entry; a kindergarten the registry does not say is 普惠 or not takes its 封面's word.
 */
export function districtReports(registry: readonly RegistrySchool[], held: readonly HeldReport[]): DistrictReport[] {
  const bySchool = new Map(registry.map((s) => [s.code, s]));
  return held.flatMap((h) => {
    const s = bySchool.get(h.schoolCode);
    if (!s) return [];
    return [{ school: s.puhui === undefined && h.puhui !== undefined ? { ...s, puhui: h.puhui } : s, data: h.data }];
  });
}

export function reportsOf(reports: readonly DistrictReport[], submission: string, period?: string): { period?: string; reports: DistrictReport[] } {
  const own = reports.filter((r) => r.data.submission === submission);
  const chosen = period ?? own.map((r) => r.data.period).sort().at(-1);
  const bySchool = new Map<string, DistrictReport>();
  for (const r of own) if (r.data.period === chosen) bySchool.set(r.school.code, r);
  return { period: chosen, reports: [...bySchool.values()] };
}

/** The period memo of one report; another submission's period (the 学年 of a month) comes from the same school's reports. */
export function reportContext(pack: Pack, report: DistrictReport, all: readonly DistrictReport[]): PeriodContext {
  return periodContext({
    pack, school: profileOf(report.school, pack.id), data: report.data,
    lookup: (submission, period) =>
      all.find((r) => r.school.code === report.school.code && r.data.submission === submission && r.data.period === period)?.data,
  });
}

export const schoolStages = (pack: Pack, s: RegistrySchool): string[] => stagesOf(pack, s.type);

/** The calendar year a period's figures are at: 2025-2026 → 2025 (9月1日), 2025-10 → 2025. */
export const periodYear = (period: string): number => Number(period.slice(0, 4));

/** A memo of period contexts for the reports of one computation: each school's sheets are computed once, whatever asks. */
export type ContextMemo = (report: DistrictReport) => PeriodContext;

export function contextMemo(pack: Pack, all: readonly DistrictReport[]): ContextMemo {
  const memo = new Map<DistrictReport, PeriodContext>();
  return (r) => memo.get(r) ?? memo.set(r, reportContext(pack, r, all)).get(r)!;
}
