// Applies a grid operation (renderer/features/entry/grid-history.ts) — fill down, clear, an undo or a redo
// — in ONE transaction: all its cells and rows are written or none, each change recorded in
// the 修改记录 like any edit, and refused as a whole when the period is 已审核.
import { cellKey } from '../../../shared/pack/stat-cells';
import type { GridOp } from './grid-history';
import { db } from '../../db/db';
import { changeTables, currentFiller, editWrite, newestChange, recordChanges, type ChangeInput } from '../changes/changes-repo';
import { assertEditable, ensurePeriod, getPeriod, periodToCreate } from '../workspace/periods-repo';
import type { RowRecord, SheetRef } from '../../db/records';
import { changedCell, checkLedgerOp, GridConflictError, sameValue, type ConflictWords } from './grid-op-check';
import { compact, listRows, rowSummary } from './rows-repo';

/**
 * Writes a ledger operation: rows in `added` are put back with their ids and places, cells set
 * to their `after` values, rows in `removed` deleted. `reason` (e.g. 撤销：粘贴) goes in the trail.
 * With `check` (an undo or redo) the step is refused — GridConflictError, nothing written —
 * unless every cell still holds its `before` and every row is where the step expects it.
 */
export async function applyLedgerOp(ref: SheetRef, op: GridOp, reason?: string, check?: ConflictWords): Promise<void> {
  await db.transaction('rw', [db.rows, db.periods, ...changeTables()], async () => {
    await assertEditable(ref);
    if (check) checkLedgerOp(op, await listRows(ref), ref.sheetId, check);
    const changes: ChangeInput[] = [];
    const note = reason ? { reason } : {};
    const puts = new Map<string, RowRecord>();
    for (const r of op.added) {
      const row: RowRecord = { id: r.id, ...ref, seq: r.seq, values: compact(r.values) };
      puts.set(r.id, row);
      changes.push({ ...ref, rowId: r.id, action: 'addRow', new: rowSummary(row.values), ...note });
    }
    const ids = [...new Set(op.cells.map((c) => c.target))].filter((id) => !puts.has(id));
    const found = await db.rows.bulkGet(ids);
    ids.forEach((id, i) => {
      const row = found[i];
      // a row deleted since (by another step) cannot take the change: nothing is written
      if (!row || row.sheetId !== ref.sheetId) throw new Error('要修改的行已被删除，无法完成');
      puts.set(id, row);
    });
    for (const c of op.cells) {
      const row = puts.get(c.target)!;
      const old = row.values[c.col] ?? null;
      puts.set(c.target, { ...row, values: compact({ ...row.values, [c.col]: c.after }) });
      if (old !== (c.after ?? null)) changes.push({ ...ref, rowId: c.target, field: c.col, action: 'edit', old, new: c.after, ...note });
    }
    if (op.moves?.length) {
      const missing = op.moves.map((m) => m.id).filter((id) => !puts.has(id));
      const more = await db.rows.bulkGet(missing);
      missing.forEach((id, i) => {
        const row = more[i];
        if (!row || row.sheetId !== ref.sheetId) throw new Error('要排序的行已被删除，无法完成');
        puts.set(id, row);
      });
      for (const m of op.moves) puts.set(m.id, { ...puts.get(m.id)!, seq: m.after });
      // one entry for the whole sort: what was done, not a line per row moved
      changes.push({ ...ref, action: 'sort', new: `${op.label}（${op.moves.length} 行换了位置）`, ...note });
    }
    await db.rows.bulkPut([...puts.values()]);
    if (op.removed.length) {
      const gone = await db.rows.bulkGet(op.removed.map((r) => r.id));
      gone.forEach((row, i) => {
        if (row) changes.push({ ...ref, rowId: op.removed[i]!.id, action: 'deleteRow', old: rowSummary(row.values), ...note });
      });
      await db.rows.bulkDelete(op.removed.map((r) => r.id));
    }
    await recordChanges(changes);
    await ensurePeriod(ref);
  });
}

/**
 * Writes entered cells of a statistics sheet (target = 代码, col = 列); only non-negative integers
 * or empty. With `check` (an undo or redo) refused unless every cell still holds its `before`.
 * A keystroke comes here too (from the data worker): one round trip of reads — the period record,
 * the cells, 填表人 and, for a keystroke of an edit (`edit`, the grid's id of one edit of one
 * cell), the newest trail entry — then the writes together, as updateCell in rows-repo.
 */
export async function applyStatOp(
  ref: SheetRef,
  op: GridOp,
  reason?: string,
  check?: ConflictWords & { cellName?: (code: string, col: string) => string },
  edit?: string,
): Promise<void> {
  for (const c of op.cells) {
    const v = c.after;
    if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) throw new Error(`只能填写非负整数：${String(v)}`);
  }
  const typed = edit !== undefined && op.cells.length === 1 ? edit : undefined;
  await db.transaction('rw', [db.cells, db.periods, ...changeTables()], async () => {
    const keys = op.cells.map((c) => cellKey(c.target, c.col));
    const [period, olds, who, newest] = await Promise.all([
      getPeriod(ref),
      db.cells.bulkGet(keys.map((k) => [ref.submission, ref.period, ref.sheetId, k])),
      currentFiller(),
      typed ? newestChange() : undefined,
    ]);
    const created = periodToCreate(ref, period);
    if (check)
      op.cells.forEach((c, i) => {
        const now = olds[i]?.value ?? null;
        const where = check.cellName?.(c.target, c.col) ?? `${c.target} × ${c.col}`;
        if (!sameValue(now, c.before)) throw new GridConflictError(`这一步已无法${check.word}：${changedCell(where, now, c.before)}`);
      });
    const changes: ChangeInput[] = [];
    const puts = [];
    const dels: [string, string, string, string][] = [];
    for (let i = 0; i < op.cells.length; i++) {
      const key = keys[i]!;
      const value = (op.cells[i]!.after ?? null) as number | null;
      const old = olds[i]?.value ?? null;
      if (value === null) dels.push([ref.submission, ref.period, ref.sheetId, key]);
      else puts.push({ ...ref, key, value });
      if (old !== value) changes.push({ ...ref, field: key, action: 'edit', old, new: value, ...(reason ? { reason } : {}) });
    }
    const writes: Promise<unknown>[] = [];
    if (puts.length) writes.push(db.cells.bulkPut(puts));
    if (dels.length) writes.push(db.cells.bulkDelete(dels));
    if (created) writes.push(db.periods.add(created));
    if (typed) {
      const value = (op.cells[0]!.after ?? null) as number | null;
      const trail = editWrite({ ...ref, field: keys[0]!, action: 'edit', old: olds[0]?.value ?? null, new: value }, typed, newest, who);
      if (trail) writes.push(trail);
    } else writes.push(recordChanges(changes, who));
    await Promise.all(writes);
  });
}
