// Rows imported from a roster file, written as one transaction: either every valid row is in
// the list afterwards (and the old ones gone, when replacing) or nothing changed. Each added and
// removed row goes into the 修改记录 like a row added or deleted by hand.
import type { CellValue } from '../../shared/model/data';
import { db } from './db';
import { changeTables, recordChanges, type ChangeInput } from './changes-repo';
import { assertEditable, touchPeriod } from './periods-repo';
import { listRows, rowSummary } from './rows-repo';
import type { RowRecord, SheetRef } from './records';

export type ImportMode = 'append' | 'replace';

export interface ImportOutcome {
  added: number;
  removed: number;
}

function compact(values: Record<string, CellValue>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

/**
 * Appends `rows` after the last row of the sheet, or replaces the sheet's rows with them.
 * Refused inside the transaction when the period is 已审核, so an approval made meanwhile wins.
 */
export async function importRows(
  ref: SheetRef,
  rows: readonly Record<string, CellValue>[],
  mode: ImportMode,
  defaults: Record<string, CellValue> = {},
): Promise<ImportOutcome> {
  return db.transaction('rw', [db.rows, db.periods, ...changeTables()], async () => {
    await assertEditable(ref);
    const existing = await listRows(ref);
    const changes: ChangeInput[] = [];
    let seq = 0;
    if (mode === 'replace') {
      await db.rows.bulkDelete(existing.map((r) => r.id));
      for (const r of existing) changes.push({ ...ref, rowId: r.id, action: 'deleteRow', old: rowSummary(r.values) });
    } else if (existing.length) seq = existing[existing.length - 1]!.seq;
    const puts: RowRecord[] = rows.map((values) => {
      const row = { id: crypto.randomUUID(), ...ref, seq: ++seq, values: compact({ ...defaults, ...values }) };
      changes.push({ ...ref, rowId: row.id, action: 'addRow', new: rowSummary(row.values) });
      return row;
    });
    await db.rows.bulkAdd(puts);
    await recordChanges(changes);
    await touchPeriod(ref);
    return { added: puts.length, removed: mode === 'replace' ? existing.length : 0 };
  });
}
