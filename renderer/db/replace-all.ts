// Replaces everything in the database with one school's data file (示例学校 now; restore of a
// backup later). The file is validated whole first and written in ONE transaction: either all
// of it is in IndexedDB afterwards, or nothing changed.
import { schoolDataSchema, type SchoolData } from '../../shared/model/data';
import { db, nowIso } from './db';
import { SCHOOL_ID, type CellRecord, type PeriodRecord, type RowRecord } from './records';
import { recordChanges } from '../features/changes/changes-repo';
import { cleanProfile } from '../features/setup/school-repo';
import { afterKeystrokes } from './write-order';

/** Records of some periods (a whole file, or one restored period); row ids become database keys. */
export function toRecords(data: Pick<SchoolData, 'periods'>) {
  const now = nowIso();
  const periods: PeriodRecord[] = [];
  const rows: RowRecord[] = [];
  const cells: CellRecord[] = [];
  for (const p of data.periods) {
    // row ids in a file need only be unique within their sheet; in the database they are keys
    const newId = new Map<string, string>();
    for (const [sheetId, entry] of Object.entries(p.sheets)) {
      (entry.rows ?? []).forEach(({ id, ...values }, i) => {
        const key = `${p.submission}:${p.period}:${sheetId}:${id}`;
        newId.set(`${sheetId}|${id}`, key);
        rows.push({ id: key, submission: p.submission, period: p.period, sheetId, seq: (i + 1) * 1024, values });
      });
      for (const [key, value] of Object.entries(entry.cells ?? {}))
        if (value !== null) cells.push({ submission: p.submission, period: p.period, sheetId, key, value });
    }
    // a 说明 is keyed `{rule}|{sheet}|{row id}|{column}`: follow the rows to their new ids
    const explanations = Object.fromEntries(
      Object.entries(p.explanations ?? {}).map(([k, text]) => {
        const parts = k.split('|');
        const moved = newId.get(`${parts[1]}|${parts[2]}`);
        if (moved) parts[2] = moved;
        return [parts.join('|'), text];
      }),
    );
    periods.push({
      submission: p.submission, period: p.period, status: p.status, version: p.version,
      ...(p.reportDate ? { reportDate: p.reportDate } : {}), explanations, updatedAt: now,
    });
  }
  return { periods, rows, cells };
}

export async function replaceSchoolData(input: unknown): Promise<SchoolData> {
  const data = schoolDataSchema.parse(input);
  const { periods, rows, cells } = toRecords(data);
  // the trail is kept across a replace: it is this computer's history, not the school file's
  await afterKeystrokes(() => db.transaction('rw', [db.school, db.periods, db.rows, db.cells, db.changes], async () => {
    await Promise.all([db.school.clear(), db.periods.clear(), db.rows.clear(), db.cells.clear()]);
    await db.school.put({ id: SCHOOL_ID, profile: cleanProfile(data.school), updatedAt: nowIso() });
    await db.periods.bulkPut(periods);
    await db.rows.bulkPut(rows);
    await db.cells.bulkPut(cells);
    await recordChanges(periods.map((p) => ({ submission: p.submission, period: p.period, sheetId: '', action: 'replaceAll' as const, new: `载入 ${data.school.name} 的数据` })));
  }));
  return data;
}
