// Checks, inside the undo/redo transaction, that the data still holds what a step expects: an
// undo step remembers values from when it was made, and since then a restore, a demo load, an
// import or another window may have changed them. Writing the step anyway would put back stale
// data over newer data, so a step whose starting point is gone is refused as a whole.
import type { CellValue } from '../../../shared/model/data';
import type { GridOp, RowSnap } from './grid-history';
import type { RowRecord } from '../../db/records';
import { compact, rowSummary } from './rows-repo';

/** A step that no longer fits the data: refused, nothing written; the caller drops the step. */
export class GridConflictError extends Error {
  override name = 'GridConflictError';
}

/** How a conflict names its cell: the word (撤销/重做) and the column's label. */
export interface ConflictWords {
  word: string;
  colLabel?: (key: string) => string;
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || v === '';
export const sameValue = (a: CellValue | undefined, b: CellValue | undefined) => (blank(a) && blank(b)) || a === b;

function sameValues(a: Record<string, CellValue>, b: Record<string, CellValue>): boolean {
  const x = compact(a);
  const y = compact(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => sameValue(x[k], y[k]));
}

const shown = (v: CellValue | undefined) => (blank(v) ? '空' : `“${String(v)}”`);

/** “第 3 行「班级名称」已被改成“A班”（这一步要求它是“2班”）” */
export function changedCell(where: string, now: CellValue | undefined, expected: CellValue | undefined): string {
  return `${where}已被${blank(now) ? '清空' : `改成${shown(now)}`}（这一步要求它是${shown(expected)}）`;
}

/**
 * Throws GridConflictError if a ledger step cannot apply cleanly: a cell no longer holds the
 * step's `before`, a row it would delete is gone or changed, or a row it would add exists.
 * `rows` is the sheet in order (row numbers for the message), `current` the rows by id.
 */
export function checkLedgerOp(op: GridOp, rows: readonly RowRecord[], sheetId: string, words: ConflictWords): void {
  const byId = new Map(rows.map((r, i) => [r.id, { row: r, n: i + 1 }]));
  const refuse = (what: string) => {
    throw new GridConflictError(`这一步已无法${words.word}：${what}`);
  };
  const label = (k: string) => words.colLabel?.(k) ?? k;
  const summary = (r: RowSnap) => rowSummary(r.values) || '空行';
  for (const r of op.added) if (byId.has(r.id)) refuse(`要恢复的行（${summary(r)}）已在表中`);
  const addedIds = new Set(op.added.map((r) => r.id));
  for (const c of op.cells) {
    if (addedIds.has(c.target)) continue;
    const hit = byId.get(c.target);
    if (!hit || hit.row.sheetId !== sheetId) refuse('要修改的行已被删除');
    const now = hit!.row.values[c.col];
    if (!sameValue(now, c.before)) refuse(changedCell(`第 ${hit!.n} 行「${label(c.col)}」`, now, c.before));
  }
  for (const r of op.removed) {
    const hit = byId.get(r.id);
    if (!hit) refuse(`要删除的行（${summary(r)}）已不在表中`);
    if (!sameValues(hit!.row.values, r.values)) refuse(`第 ${hit!.n} 行（${summary(r)}）已被改动`);
  }
  // a sort undone or redone puts rows back where they were: only if nobody moved them since
  for (const m of op.moves ?? []) {
    const hit = byId.get(m.id);
    if (!hit) refuse('排过序的行已被删除');
    if (hit!.row.seq !== m.before) refuse(`第 ${hit!.n} 行的位置已被改动（例如插入或删除了行）`);
  }
}
