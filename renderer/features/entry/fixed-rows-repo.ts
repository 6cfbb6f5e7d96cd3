// Rows a pack fixes (食品安全自查表): written to the database the first time the sheet is shown,
// so the school types straight into them. The audit and the export do not wait for this — they
// make the same rows from the pack (shared/pack/ledger-rows.ts) — so writing them changes
// nothing the bureau sees, and the period's approval is left as it is.
import type { LedgerSheet } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import { db } from '../../db/db';
import { listRows } from './rows-repo';
import type { RowRecord, SheetRef } from '../../db/records';

/** Whether the stored rows lack a fixed row, or hold a fixed text other than the pack's. */
export function fixedRowsOutdated(sheet: LedgerSheet, rows: readonly Pick<RowRecord, 'values'>[]): boolean {
  const fixed = sheet.fixedRows ?? [];
  return rows.length < fixed.length || fixed.some((values, i) => Object.entries(values).some(([k, v]) => rows[i]!.values[k] !== v));
}

/** Adds the missing fixed rows and restores the pack's text in the fixed columns; idempotent. */
export async function ensureFixedRows(ref: SheetRef, sheet: LedgerSheet): Promise<void> {
  const fixed = sheet.fixedRows;
  if (!fixed) return;
  await db.transaction('rw', db.rows, async () => {
    const rows = await listRows(ref);
    let seq = rows.length ? rows[rows.length - 1]!.seq : 0;
    const puts: RowRecord[] = [];
    fixed.forEach((values, i) => {
      const own = values as Record<string, CellValue>;
      const row = rows[i];
      // the id the audit gives a row not stored yet (fixed-{n}), scoped to the period: a 说明
      // written before the sheet was first opened still finds its row
      if (!row) puts.push({ id: `${ref.submission}:${ref.period}:${ref.sheetId}:fixed-${i + 1}`, ...ref, seq: ++seq, values: { ...own } });
      else if (Object.entries(own).some(([k, v]) => row.values[k] !== v)) puts.push({ ...row, values: { ...row.values, ...own } });
    });
    if (puts.length) await db.rows.bulkPut(puts);
  });
}
