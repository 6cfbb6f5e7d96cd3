// Which submissions and sheets a school of a given type fills, in the pack's order.
import type { LedgerColumn, Pack, Sheet, Submission } from './schema';
import type { LedgerRow } from '../model/data';
import { expandStatSheet } from './expand';

export function stagesOf(pack: Pack, schoolType: string): string[] {
  return pack.schoolTypes.find((t) => t.id === schoolType)?.stages ?? [];
}

export function submissionsFor(pack: Pack, schoolType: string): Submission[] {
  return pack.submissions.filter((s) => !s.schoolTypes || s.schoolTypes.includes(schoolType));
}

export function findSubmission(pack: Pack, code: string): Submission | undefined {
  return pack.submissions.find((s) => s.code === code);
}

export function sheetApplies(pack: Pack, sheet: Sheet, schoolType: string): boolean {
  if (sheet.kind === 'cover' || !sheet.appliesTo) return true;
  const { stages, schoolTypes } = sheet.appliesTo;
  if (schoolTypes && !schoolTypes.includes(schoolType)) return false;
  if (stages) {
    const own = stagesOf(pack, schoolType);
    if (!stages.some((s) => own.includes(s))) return false;
  }
  return true;
}

/** The sheets of one submission for one school type: 封面 first, then the pack's order,
 * each made concrete for the school (per-学段 row blocks expanded). */
export function sheetsFor(pack: Pack, submission: Submission, schoolType: string): Sheet[] {
  const stages = stagesOf(pack, schoolType);
  return submission.sheets
    .map((id) => pack.sheets[id]!)
    .filter((s) => sheetApplies(pack, s, schoolType))
    .map((s) => (s.kind === 'stat' ? expandStatSheet(s, stages) : s));
}

/** Allowed values of an enum column, for a school and (for 年级) the row's 学段. */
export function enumValues(pack: Pack, schoolType: string, column: LedgerColumn, row?: Partial<LedgerRow>): string[] {
  if (column.values) return column.valuesBySchoolType?.[schoolType] ?? column.values;
  const own = stagesOf(pack, schoolType);
  if (column.valuesFrom === 'schoolStages') return own;
  if (column.valuesFrom === 'stageGrades') {
    const stage = row && column.stageField ? row[column.stageField] : undefined;
    const stages = pack.stages.filter((s) => (stage ? s.id === stage : own.includes(s.id)));
    return [...new Set(stages.flatMap((s) => s.grades))];
  }
  return [];
}

