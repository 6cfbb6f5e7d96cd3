// Every write a ledger grid makes, each recorded as one undo step: typing into a cell, adding,
// inserting and deleting rows, pasting a block, clearing and filling a range, sorting, and undo/redo.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CellValue } from '../../../shared/model/data';
import { db } from '../../db/db';
import { applyLedgerOp } from './grid-ops-repo';
import type { RowRecord, SheetRef } from '../../db/records';
import { addRow, insertRowBefore, writeBlock } from './rows-repo';
import { writeKeystroke } from '../../db/data-worker-client';
import { afterKeystrokes } from '../../db/write-order';
import type { CellChange, GridOp, RowMove, RowSnap } from './grid-history';
import { editSession } from './edit-session';
import { trackSave } from '../../state/store';
import { historyKey, useGridHistory, type ApplyStep } from './use-grid-history';

const snap = (r: RowRecord): RowSnap => ({ id: r.id, seq: r.seq, values: r.values });
const op = (label: string, parts: Partial<GridOp>): GridOp => ({ label, cells: [], added: [], removed: [], ...parts });

export function useLedgerEdits(
  ref: SheetRef,
  rows: RowRecord[] | undefined,
  locked: boolean | undefined,
  defaults: () => Record<string, CellValue>,
  /** a column's label, for the message when an undo no longer fits the data */
  colLabel?: (key: string) => string,
) {
  // the latest rows, read when a write starts: the value a cell had before it is typed over
  const rowsRef = useRef(new Map<string, RowRecord>());
  useEffect(() => {
    rowsRef.current = new Map((rows ?? []).map((r) => [r.id, r]));
  }, [rows]);
  const apply = useCallback<ApplyStep>(
    (o, reason, word) => afterKeystrokes(() => applyLedgerOp(ref, o, reason, { word, ...(colLabel ? { colLabel } : {}) })),
    [ref, colLabel],
  );
  const grid = useGridHistory(historyKey(ref.submission, ref.period, ref.sheetId), locked, apply);
  // one edit of one cell = one undo step = one 修改记录 entry: it ends where the undo step does
  const session = useRef(editSession()).current;
  const history = useMemo(
    () => ({
      ...grid,
      seal: () => (session.end(), grid.seal()),
      undo: () => (session.end(), grid.undo()),
      redo: () => (session.end(), grid.redo()),
    }),
    [grid, session],
  );

  const onCommit = useCallback(
    (rowId: string, colKey: string, value: CellValue) => {
      const before = rowsRef.current.get(rowId)?.values[colKey] ?? null;
      // recorded once written: a refused write (approved meanwhile, row deleted) is no step
      const edit = session.idFor(`${rowId}|${colKey}`);
      const write = trackSave(writeKeystroke({ kind: 'ledgerCell', ref, rowId, colKey, value, edit }).then(() => true));
      history.record(op('输入', { cells: [{ target: rowId, col: colKey, before, after: value === '' ? null : value }], coalesce: `${rowId}|${colKey}` }), write);
    },
    [history, ref, session],
  );

  /** Adds a row at the end, or above `beforeId`; returns the new row's id. */
  const addOrInsert = useCallback(
    async (beforeId?: string) => {
      const id = await trackSave(afterKeystrokes(() => (beforeId ? insertRowBefore(ref, beforeId, defaults()) : addRow(ref, defaults()))));
      const row = id ? await db.rows.get(id) : undefined;
      if (row) history.record(op(beforeId ? '插入行' : '新增行', { added: [snap(row)] }));
      return id;
    },
    [ref, defaults, history],
  );

  /** true once the rows are deleted; false when refused or failed (the save status says why) */
  const deleteRows = useCallback(
    async (ids: string[]): Promise<boolean> => {
      const removed = ids.flatMap((id) => {
        const r = rowsRef.current.get(id);
        return r ? [snap(r)] : [];
      });
      if (!removed.length) return false;
      const o = op('删除行', { removed });
      const ok = (await trackSave(afterKeystrokes(() => applyLedgerOp(ref, o)).then(() => true))) === true;
      if (ok) history.record(o);
      return ok;
    },
    [ref, history],
  );

  /** Writes `block[i]` to row `targets[i]` (ids the user saw), appending rows for the rest; undefined when refused. */
  const pasteBlock = useCallback(
    async (targets: readonly string[], block: Record<string, CellValue>[]) => {
      const collect = { cells: [] as CellChange[], added: [] as RowSnap[] };
      const added = await trackSave(afterKeystrokes(() => writeBlock(ref, targets, block, defaults(), collect)));
      if (added !== undefined) history.record(op('粘贴', collect));
      return added;
    },
    [ref, defaults, history],
  );

  /** Clear, fill down: a set of cell changes written at once. */
  const changeCells = useCallback(
    async (label: string, cells: CellChange[]) => {
      if (!cells.length) return;
      const o = op(label, { cells });
      if (await trackSave(afterKeystrokes(() => applyLedgerOp(ref, o)).then(() => true))) history.record(o);
    },
    [ref, history],
  );

  /** A sort: rows put in new places, one step (and one 修改记录 entry); false when refused or failed. */
  const moveRows = useCallback(
    async (label: string, moves: RowMove[]): Promise<boolean> => {
      if (!moves.length) return true;
      const o = op(label, { moves });
      const ok = (await trackSave(afterKeystrokes(() => applyLedgerOp(ref, o)).then(() => true))) === true;
      if (ok) history.record(o);
      return ok;
    },
    [ref, history],
  );

  /** A row holding nothing but what a new row starts with (defaults): Enter on it adds no row. */
  const isBlank = useCallback(
    (values: Record<string, CellValue>) => {
      const start = defaults();
      return Object.entries(values).every(([k, v]) => v === null || v === '' || v === start[k]);
    },
    [defaults],
  );

  return { onCommit, addOrInsert, deleteRows, pasteBlock, changeCells, moveRows, isBlank, history };
}
