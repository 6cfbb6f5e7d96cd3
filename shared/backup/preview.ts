// What a backup holds, for the 恢复 confirmation: whose data, made when and by which version, and
// per period its status, version and how much it contains — enough to recognise the right file.
import type { SchoolData } from '../model/data';
import type { Pack } from '../pack/schema';
import { dataValueIssues } from '../model/data-file';

export interface BackupPeriodSummary {
  submission: string;
  period: string;
  status: string;
  version: number;
  /** rows of all lists of the period */
  rows: number;
  /** entered cells of its statistics and indicator sheets */
  cells: number;
  explanations: number;
}

export interface BackupPreview {
  schoolName: string;
  schoolCode: string;
  schoolType: string;
  packId: string;
  /** when the backup was made (ISO), if the file says */
  savedAt?: string;
  appVersion?: string;
  periods: BackupPeriodSummary[];
  totalRows: number;
  totalCells: number;
  /** values the app would not have stored (an edited or foreign file), named by period, sheet and row; at most 20 */
  valueIssues: string[];
}

/** A value's place in words: XNC 2025-2026「班级名册」第 4 行 */
function placeIn(data: SchoolData, pack: Pack) {
  return (i: number, sheetId: string, row: number) => {
    const p = data.periods[i]!;
    return `${p.submission} ${p.period}「${pack.sheets[sheetId]?.title ?? sheetId}」第 ${row + 1} 行`;
  };
}

export function previewBackup(data: SchoolData, pack?: Pack): BackupPreview {
  const periods = data.periods.map((p): BackupPeriodSummary => {
    const sheets = Object.values(p.sheets);
    return {
      submission: p.submission,
      period: p.period,
      status: p.status,
      version: p.version,
      rows: sheets.reduce((n, s) => n + (s.rows?.length ?? 0), 0),
      cells: sheets.reduce((n, s) => n + Object.values(s.cells ?? {}).filter((v) => v !== null).length, 0),
      explanations: Object.keys(p.explanations ?? {}).length,
    };
  });
  periods.sort((a, b) => a.submission.localeCompare(b.submission) || b.period.localeCompare(a.period));
  return {
    schoolName: data.school.name,
    schoolCode: data.school.code,
    schoolType: data.school.type,
    packId: data.school.packId,
    ...(data.savedAt ? { savedAt: data.savedAt } : {}),
    ...(data.appVersion ? { appVersion: data.appVersion } : {}),
    periods,
    totalRows: periods.reduce((n, p) => n + p.rows, 0),
    totalCells: periods.reduce((n, p) => n + p.cells, 0),
    valueIssues: pack ? dataValueIssues(data, pack, 20, placeIn(data, pack)) : [],
  };
}
