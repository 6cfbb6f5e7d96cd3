// Rows of ledger sheets (班级名册, 食品留样记录 …). Order is kept by a fractional `seq`, so
// inserting a row between two others writes one record instead of renumbering the list.
import type { CellValue } from '../../../shared/model/data';
import { db } from '../../db/db';
import { changeTables, currentFiller, editWrite, newestChange, recordChange, recordChanges, type ChangeInput } from '../changes/changes-repo';
import { assertEditable, ensurePeriod, getPeriod, periodToCreate } from '../workspace/periods-repo';
import type { RowRecord, SheetRef } from '../../db/records';
import type { GridOp } from './grid-history';

/** Below this gap two neighbours are too close to split again; the sheet is renumbered 1…n. */
const MIN_GAP = 1e-6;

function sheetKey(ref: SheetRef): [string, string, string] {
  return [ref.submission, ref.period, ref.sheetId];
}

function sheetOf(row: RowRecord): SheetRef {
  return { submission: row.submission, period: row.period, sheetId: row.sheetId };
}

function newId(): string {
  return crypto.randomUUID();
}

export const PASTE_TARGET_GONE = '要粘贴到的行已被删除（可能在另一个窗口中），没有粘贴任何数据。请重新粘贴。';

/** Drops empty cells so a cleared cell reads the same as one never filled. */
export function compact(values: Record<string, CellValue>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

/** A row's values as one line (e.g. "小学 / 三年级 / 3班 / 48"), for the trail of an added or deleted row. */
export function rowSummary(values: Record<string, CellValue>): string {
  return Object.values(compact(values)).join(' / ');
}

/** The row and period tables plus the audit trail's: every row write records its change. */
const tables = () => [db.rows, db.periods, ...changeTables()];

export async function listRows(ref: SheetRef): Promise<RowRecord[]> {
  return db.rows.where('[submission+period+sheetId]').equals(sheetKey(ref)).sortBy('seq');
}

/** Appends a row at the end of the sheet; returns its id. */
export async function addRow(ref: SheetRef, values: Record<string, CellValue> = {}): Promise<string> {
  return db.transaction('rw', tables(), async () => {
    await assertEditable(ref);
    const rows = await listRows(ref);
    const seq = rows.length ? rows[rows.length - 1]!.seq + 1 : 1;
    const id = newId();
    await db.rows.add({ id, ...ref, seq, values: compact(values) });
    await recordChange({ ...ref, rowId: id, action: 'addRow', new: rowSummary(values) });
    await ensurePeriod(ref);
    return id;
  });
}

/** Inserts a row just above `beforeId` (as 插入行 in Excel); returns the new row's id. */
export async function insertRowBefore(ref: SheetRef, beforeId: string, values: Record<string, CellValue> = {}): Promise<string> {
  return db.transaction('rw', tables(), async () => {
    await assertEditable(ref);
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
    await recordChange({ ...ref, rowId: id, action: 'addRow', new: rowSummary(values) });
    await ensurePeriod(ref);
    return id;
  });
}

/**
 * Writes one cell; null or '' clears it. This is the keystroke path (run by the data worker,
 * worker-jobs.ts), so its transaction makes one round trip of reads — the row, its period record,
 * 填表人 and (for a keystroke of an edit) the newest trail entry together; `ref`, the sheet the
 * grid shows, names the period before the row is read — and then puts everything at once: each
 * await inside a transaction is a round trip to the browser's storage, and on the page each one
 * also waits for the frame that paints the key. `edit` (the grid's id of one edit of one cell)
 * keeps one 修改记录 entry per edit, not per keystroke (editWrite in changes-repo.ts).
 */
export async function updateCell(rowId: string, colKey: string, value: CellValue, ref?: SheetRef, edit?: string): Promise<void> {
  await db.transaction('rw', tables(), async () => {
    const [row, shownPeriod, who, newest] = await Promise.all([db.rows.get(rowId), ref && getPeriod(ref), currentFiller(), edit ? newestChange() : undefined]);
    // a row of another sheet under this id would be a bug, but must never be written as this one
    if (!row || (ref && !sameSheet(sheetOf(row), ref))) throw new Error('该行已被删除');
    const created = periodToCreate(row, ref ? shownPeriod : await getPeriod(row));
    const old = row.values[colKey] ?? null;
    const writes: Promise<unknown>[] = [db.rows.put({ ...row, values: compact({ ...row.values, [colKey]: value }) })];
    if (created) writes.push(db.periods.add(created));
    // a commit that leaves the cell as it was (Enter through a cell) is not a change
    const trail = editWrite({ ...sheetOf(row), rowId, field: colKey, action: 'edit', old, new: value }, edit, newest, who);
    if (trail) writes.push(trail);
    await Promise.all(writes);
  });
}

function sameSheet(a: SheetRef, b: SheetRef): boolean {
  return a.submission === b.submission && a.period === b.period && a.sheetId === b.sheetId;
}

export async function deleteRow(rowId: string): Promise<void> {
  await db.transaction('rw', tables(), async () => {
    const row = await db.rows.get(rowId);
    if (!row) return;
    await assertEditable(row);
    await db.rows.delete(rowId);
    await recordChange({ ...sheetOf(row), rowId, action: 'deleteRow', old: rowSummary(row.values) });
    await ensurePeriod(row);
  });
}

/**
 * Writes a block of cells (pasted from Excel/WPS): `block[i]` goes to the row `targets[i]` —
 * the rows the user saw and the paste was checked against, by id, not by screen position —
 * and rows are appended for the rest. One transaction, so a paste of 40 classes is all there or
 * not at all; refused whole when a target row is gone (deleted in another window meanwhile).
 * `block[i][key]` is the parsed value. Returns how many rows were appended.
 */
export async function writeBlock(
  ref: SheetRef,
  targets: readonly string[],
  block: Record<string, CellValue>[],
  defaults: Record<string, CellValue> = {},
  /** filled with what the write changed (cells before/after, rows added), for undo */
  collect?: Pick<GridOp, 'cells' | 'added'>,
): Promise<number> {
  return db.transaction('rw', tables(), async () => {
    await assertEditable(ref);
    const rows = await listRows(ref);
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (targets.some((id) => !byId.has(id))) throw new Error(PASTE_TARGET_GONE);
    let seq = rows.length ? rows[rows.length - 1]!.seq : 0;
    let added = 0;
    const changes: ChangeInput[] = [];
    const puts: RowRecord[] = block.map((values, i) => {
      const existing = i < targets.length ? byId.get(targets[i]!) : undefined;
      if (existing) {
        for (const [k, v] of Object.entries(values)) {
          const old = existing.values[k] ?? null;
          if (old !== (v === '' ? null : v)) {
            changes.push({ ...ref, rowId: existing.id, field: k, action: 'edit', old, new: v });
            collect?.cells.push({ target: existing.id, col: k, before: old, after: v === '' ? null : v });
          }
        }
        return { ...existing, values: compact({ ...existing.values, ...values }) };
      }
      added++;
      const row = { id: newId(), ...ref, seq: ++seq, values: compact({ ...defaults, ...values }) };
      changes.push({ ...ref, rowId: row.id, action: 'addRow', new: rowSummary(row.values) });
      collect?.added.push({ id: row.id, seq: row.seq, values: row.values });
      return row;
    });
    await db.rows.bulkPut(puts);
    await recordChanges(changes);
    await ensurePeriod(ref);
    return added;
  });
}
