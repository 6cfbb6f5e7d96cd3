// Entered cells of statistics sheets (毕业生数, 招生数 …). Computed cells are never stored:
// they are recomputed from the ledgers every time, so they cannot go stale.
import { db } from './db';
import { changeTables, recordChange } from './changes-repo';
import { assertEditable, touchPeriod } from './periods-repo';
import type { SheetRef } from './records';

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
    await assertEditable(ref);
    const old = (await db.cells.get(cellId(ref, key)))?.value ?? null;
    if (value === null) await db.cells.delete(cellId(ref, key));
    else await db.cells.put({ ...ref, key, value });
    if (old !== value) await recordChange({ ...ref, field: key, action: 'edit', old, new: value });
    await touchPeriod(ref);
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
