// Assembles one period's data from the tables into the PeriodData shape that computeStatTable,
// runAudit and exportReport take — the same shape the backup file and the CLI use.
import type { LedgerRow, PeriodData, SheetEntry } from '../../../shared/model/data';
import { db } from '../../db/db';
import type { PeriodRef } from '../../db/records';

export async function loadSnapshot(ref: PeriodRef): Promise<PeriodData> {
  const pk: [string, string] = [ref.submission, ref.period];
  const [period, rows, cells] = await Promise.all([
    db.periods.get(pk),
    db.rows.where('[submission+period]').equals(pk).sortBy('seq'),
    db.cells.where('[submission+period]').equals(pk).toArray(),
  ]);
  const sheets: Record<string, SheetEntry> = {};
  const entry = (sheetId: string) => (sheets[sheetId] ??= {});
  for (const r of rows) {
    const e = entry(r.sheetId);
    (e.rows ??= []).push({ ...r.values, id: r.id } as LedgerRow);
  }
  for (const c of cells) {
    if (c.value === null) continue;
    (entry(c.sheetId).cells ??= {})[c.key] = c.value;
  }
  const data: PeriodData = {
    submission: ref.submission,
    period: ref.period,
    status: period?.status ?? '草稿',
    version: period?.version ?? 0,
    sheets,
  };
  if (period?.reportDate) data.reportDate = period.reportDate;
  if (period && Object.keys(period.explanations).length) data.explanations = { ...period.explanations };
  return data;
}

/** Whether a period holds any data at all (for choosing a previous period to compare with). */
export function isEmptySnapshot(data: PeriodData): boolean {
  return Object.values(data.sheets).every((s) => !s.rows?.length && !Object.keys(s.cells ?? {}).length);
}
