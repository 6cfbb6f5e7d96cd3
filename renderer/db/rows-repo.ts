// Rows of ledger sheets (班级名册, 食品留样记录 …). Order is kept by a fractional `seq`, so
// inserting a row between two others writes one record instead of renumbering the list.
import type { CellValue } from '../../shared/model/data';
import { db } from './db';
import { touchPeriod } from './periods-repo';
import type { RowRecord, SheetRef } from './records';

/** Below this gap two neighbours are too close to split again; the sheet is renumbered 1…n. */
const MIN_GAP = 1e-6;

function sheetKey(ref: SheetRef): [string, string, string] {
  return [ref.submission, ref.period, ref.sheetId];
}

function newId(): string {
  return crypto.randomUUID();
}

/** Drops empty cells so a cleared cell reads the same as one never filled. */
function compact(values: Record<string, CellValue>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

export async function listRows(ref: SheetRef): Promise<RowRecord[]> {
  return db.rows.where('[submission+period+sheetId]').equals(sheetKey(ref)).sortBy('seq');
}

/** Appends a row at the end of the sheet; returns its id. */
export async function addRow(ref: SheetRef, values: Record<string, CellValue> = {}): Promise<string> {
  return db.transaction('rw', db.rows, db.periods, async () => {
    const rows = await listRows(ref);
    const seq = rows.length ? rows[rows.length - 1]!.seq + 1 : 1;
    const id = newId();
    await db.rows.add({ id, ...ref, seq, values: compact(values) });
    await touchPeriod(ref);
    return id;
  });
}

/** Inserts a row just above `beforeId` (as 插入行 in Excel); returns the new row's id. */
export async function insertRowBefore(ref: SheetRef, beforeId: string, values: Record<string, CellValue> = {}): Promise<string> {
  return db.transaction('rw', db.rows, db.periods, async () => {
    let rows = await listRows(ref);
    let at = rows.findIndex((r) => r.id === beforeId);
    if (at < 0) throw new Error('要插入位置的行已被删除');
    const gap = (i: number) => rows[i]!.seq - (i > 0 ? rows[i - 1]!.seq : rows[i]!.seq - 1);
    if (gap(at) < MIN_GAP) {
      rows = rows.map((r, i) => ({ ...r, seq: i + 1 }));
      await db.rows.bulkPut(rows);
      at = rows.findIndex((r) => r.id === beforeId);
    }
    const next = rows[at]!.seq;
    const prev = at > 0 ? rows[at - 1]!.seq : next - 1;
    const id = newId();
    await db.rows.add({ id, ...ref, seq: (prev + next) / 2, values: compact(values) });
    await touchPeriod(ref);
    return id;
  });
}

/** Writes one cell; null or '' clears it. */
export async function updateCell(rowId: string, colKey: string, value: CellValue): Promise<void> {
  await db.transaction('rw', db.rows, db.periods, async () => {
    const row = await db.rows.get(rowId);
    if (!row) throw new Error('该行已被删除');
    await db.rows.put({ ...row, values: compact({ ...row.values, [colKey]: value }) });
    await touchPeriod(row);
  });
}

export async function deleteRow(rowId: string): Promise<void> {
  await db.transaction('rw', db.rows, db.periods, async () => {
    const row = await db.rows.get(rowId);
    if (!row) return;
    await db.rows.delete(rowId);
    await touchPeriod(row);
  });
}

/**
 * Writes a block of cells (pasted from Excel/WPS) starting at row `startIndex`, overwriting
 * the given columns of existing rows and appending rows for the rest — one transaction, so a
 * paste of 40 classes is all there or not at all. `block[i][key]` is the parsed value.
 * Returns how many rows were appended.
 */
export async function writeBlock(
  ref: SheetRef,
  startIndex: number,
  block: Record<string, CellValue>[],
  defaults: Record<string, CellValue> = {},
): Promise<number> {
  return db.transaction('rw', db.rows, db.periods, async () => {
    const rows = await listRows(ref);
    let seq = rows.length ? rows[rows.length - 1]!.seq : 0;
    let added = 0;
    const puts: RowRecord[] = block.map((values, i) => {
      const existing = rows[startIndex + i];
      if (existing) return { ...existing, values: compact({ ...existing.values, ...values }) };
      added++;
      return { id: newId(), ...ref, seq: ++seq, values: compact({ ...defaults, ...values }) };
    });
    await db.rows.bulkPut(puts);
    await touchPeriod(ref);
    return added;
  });
}
