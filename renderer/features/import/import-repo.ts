// Rows imported from a roster file, written as one transaction: either every valid row is in
// the list afterwards (and the old ones gone, when replacing) or nothing changed. Each added and
// removed row goes into the 修改记录 like a row added or deleted by hand — up to TRAIL_ROWS_MAX
// rows; a bigger import is recorded as one entry per direction (“导入 20000 行”), since 20,000
// trail records cost more than the rows themselves (npm run bench) and nobody reads them one by one.
import type { CellValue } from '../../../shared/model/data';
import { db } from '../../db/db';
import { changeTables, recordChanges, type ChangeInput } from '../changes/changes-repo';
import { assertEditable, ensurePeriod } from '../workspace/periods-repo';
import { compact, listRows, rowSummary } from '../entry/rows-repo';
import type { RowRecord, SheetRef } from '../../db/records';
import { afterKeystrokes } from '../../db/write-order';

export type ImportMode = 'append' | 'replace';

export const TRAIL_ROWS_MAX = 2000;

export interface ImportOutcome {
  added: number;
  removed: number;
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
  /** the file, named in a summary trail entry */
  source = '文件',
): Promise<ImportOutcome> {
  return afterKeystrokes(() => db.transaction('rw', [db.rows, db.periods, ...changeTables()], async () => {
    await assertEditable(ref);
    const existing = await listRows(ref);
    const changes: ChangeInput[] = [];
    const perRow = existing.length * Number(mode === 'replace') + rows.length <= TRAIL_ROWS_MAX;
    let seq = 0;
    if (mode === 'replace') {
      await db.rows.bulkDelete(existing.map((r) => r.id));
      if (perRow) for (const r of existing) changes.push({ ...ref, rowId: r.id, action: 'deleteRow', old: rowSummary(r.values) });
      else if (existing.length) changes.push({ ...ref, action: 'deleteRow', old: `导入「${source}」时替换，删除原有 ${existing.length} 行` });
    } else if (existing.length) seq = existing[existing.length - 1]!.seq;
    const puts: RowRecord[] = rows.map((values) => {
      const row = { id: crypto.randomUUID(), ...ref, seq: ++seq, values: compact({ ...defaults, ...values }) };
      if (perRow) changes.push({ ...ref, rowId: row.id, action: 'addRow', new: rowSummary(row.values) });
      return row;
    });
    if (!perRow) changes.push({ ...ref, action: 'addRow', new: `从「${source}」导入 ${rows.length} 行` });
    await db.rows.bulkAdd(puts);
    await recordChanges(changes);
    await ensurePeriod(ref);
    return { added: puts.length, removed: mode === 'replace' ? existing.length : 0 };
  }));
}
