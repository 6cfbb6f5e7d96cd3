// Entered cells of statistics sheets (毕业生数, 招生数 …). Computed cells are never stored:
// they are recomputed from the ledgers every time, so they cannot go stale.
import { db } from '../../db/db';
import { changeTables, currentFiller, recordChange } from '../changes/changes-repo';
import { getPeriod, periodToCreate } from '../workspace/periods-repo';
import type { SheetRef } from '../../db/records';

function cellId(ref: SheetRef, key: string): [string, string, string, string] {
  return [ref.submission, ref.period, ref.sheetId, key];
}

/** The entered cells of one sheet, keyed `{代码}:{列}`. */
export async function listCells(ref: SheetRef): Promise<Record<string, number | string>> {
  const records = await db.cells
    .where('[submission+period]')
    .equals([ref.submission, ref.period])
    .filter((c) => c.sheetId === ref.sheetId)
    .toArray();
  const out: Record<string, number | string> = {};
  for (const c of records) if (c.value !== null) out[c.key] = c.value;
  return out;
}

/** Puts or clears one cell and records it in the trail (old value read in the same transaction). */
async function writeCell(ref: SheetRef, key: string, value: number | string | null): Promise<void> {
  await db.transaction('rw', [db.cells, db.periods, ...changeTables()], async () => {
    // one round trip of reads, then the writes together, as updateCell (indicator values typed
    // on the page come here; statistics keystrokes go through applyStatOp in the data worker)
    const [period, cell, who] = await Promise.all([getPeriod(ref), db.cells.get(cellId(ref, key)), currentFiller()]);
    const created = periodToCreate(ref, period);
    const old = cell?.value ?? null;
    const writes: Promise<unknown>[] = [value === null ? db.cells.delete(cellId(ref, key)) : db.cells.put({ ...ref, key, value })];
    if (created) writes.push(db.periods.add(created));
    if (old !== value) writes.push(recordChange({ ...ref, field: key, action: 'edit', old, new: value }, who));
    await Promise.all(writes);
  });
}

/** Writes one entered cell; null clears it (the record is removed, not kept as an empty value). */
export async function setCell(ref: SheetRef, key: string, value: number | null): Promise<void> {
  if (value !== null && !(Number.isInteger(value) && value >= 0)) throw new Error(`只能填写非负整数：${value}`);
  await writeCell(ref, key, value);
}

/** Writes the entered value of an indicator row: a non-negative number, or a choice from its list. */
export async function setIndicatorValue(ref: SheetRef, code: string, value: number | string | null): Promise<void> {
  if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) throw new Error(`只能填写非负数：${value}`);
  if (typeof value === 'string' && (value === '' || value.length > 200)) throw new Error('选项无效');
  await writeCell(ref, `${code}:value`, value);
}
