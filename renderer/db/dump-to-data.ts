// The database's records (a TableDump, as migrations.ts reads them) → the school data file
// `xiaobiao-data/1`. Pure, so the backup made before a migration (from raw IndexedDB, old schema
// upgraded by migrateDump) and the daily backup (from Dexie) are the same function of the same records.
import type { CellValue, PeriodData, SheetEntry } from '../../shared/model/data';
import type { SchoolProfile } from '../../shared/model/school';
import type { TableDump } from './migrations';
import type { CellRecord, PeriodRecord, RowRecord, SchoolRecord } from './records';
import { SCHOOL_ID } from './records';

/**
 * toRecords (replace-all.ts) prefixes each file row id with `{report}:{period}:{sheet}:` to make it a
 * database key; take the prefix off again so a backup restores to the same keys, not longer ones.
 */
function fileRowId(r: Pick<RowRecord, 'submission' | 'period' | 'sheetId' | 'id'>): string {
  const prefix = `${r.submission}:${r.period}:${r.sheetId}:`;
  return r.id.startsWith(prefix) && r.id.length > prefix.length ? r.id.slice(prefix.length) : r.id;
}

export interface DumpData {
  school: SchoolProfile;
  periods: PeriodData[];
}

/** The school and every period in the dump; undefined when no school has been set up. */
export function dumpToData(dump: TableDump): DumpData | undefined {
  const school = (dump.school as unknown as SchoolRecord[]).find((s) => s.id === SCHOOL_ID)?.profile;
  if (!school) return undefined;
  const byPeriod = new Map<string, PeriodData>();
  const key = (submission: string, period: string) => `${submission}\u0000${period}`;
  const periodOf = (submission: string, period: string) => {
    let p = byPeriod.get(key(submission, period));
    if (!p) byPeriod.set(key(submission, period), (p = { submission, period, status: '草稿', version: 0, sheets: {} }));
    return p;
  };
  const renamed = new Map<string, string>();
  for (const rec of dump.periods as unknown as PeriodRecord[]) {
    const p = periodOf(rec.submission, rec.period);
    p.status = rec.status;
    p.version = rec.version;
    if (rec.reportDate) p.reportDate = rec.reportDate;
  }
  const rows = [...(dump.rows as unknown as RowRecord[])].sort((a, b) => a.seq - b.seq);
  for (const r of rows) {
    const entry: SheetEntry = (periodOf(r.submission, r.period).sheets[r.sheetId] ??= {});
    const id = fileRowId(r);
    renamed.set(`${r.submission}\u0000${r.period}\u0000${r.id}`, id);
    (entry.rows ??= []).push({ ...(r.values as Record<string, CellValue>), id });
  }
  for (const c of dump.cells as unknown as CellRecord[]) {
    if (c.value === null) continue;
    const entry: SheetEntry = (periodOf(c.submission, c.period).sheets[c.sheetId] ??= {});
    (entry.cells ??= {})[c.key] = c.value;
  }
  // a 说明 key is `{rule}|{sheet}|{row id}|{column}`: its row id follows the row's
  for (const rec of dump.periods as unknown as PeriodRecord[]) {
    const entries = Object.entries(rec.explanations ?? {});
    if (!entries.length) continue;
    periodOf(rec.submission, rec.period).explanations = Object.fromEntries(
      entries.map(([k, text]) => {
        const parts = k.split('|');
        const id = parts[2] === undefined ? undefined : renamed.get(`${rec.submission}\u0000${rec.period}\u0000${parts[2]}`);
        if (id !== undefined) parts[2] = id;
        return [parts.join('|'), text];
      }),
    );
  }
  return { school, periods: [...byPeriod.values()] };
}
