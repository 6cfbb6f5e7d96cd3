// Undo/redo of a sheet, as data: every edit of a grid (typing, paste, fill down, clear, insert
// and delete row) is one operation holding the values before and after it, so undoing is
// applying the inverse. Pure — the repositories apply an operation in one transaction.
import type { CellValue } from '../../../shared/model/data';

/** One cell changed: `target` is a ledger row id, or a statistics row's 代码. */
export interface CellChange {
  target: string;
  col: string;
  before: CellValue;
  after: CellValue;
}

/** A whole ledger row, as added or removed (its id and place are kept, so redo puts it back). */
export interface RowSnap {
  id: string;
  seq: number;
  values: Record<string, CellValue>;
}

/** A row put in another place of its list (a sort): its `seq` before and after. */
export interface RowMove {
  id: string;
  before: number;
  after: number;
}

export interface GridOp {
  /** what the user did, e.g. 粘贴 — shown in the 撤销/重做 message */
  label: string;
  cells: CellChange[];
  added: RowSnap[];
  removed: RowSnap[];
  /** rows reordered (a sort), applied after the cells and rows above */
  moves?: RowMove[];
  /** typing into one cell: later writes of the same edit merge into this operation */
  coalesce?: string;
}

export interface History {
  past: GridOp[];
  future: GridOp[];
  /** whether the last operation may still absorb writes of the same coalesce key */
  open: boolean;
}

/** Steps kept per sheet: a month of ledgers rarely needs more, and memory stays small. */
export const MAX_STEPS = 200;

export const emptyHistory = (): History => ({ past: [], future: [], open: false });

const same = (a: CellValue | undefined, b: CellValue | undefined) => (a ?? null) === (b ?? null) || ((a ?? '') === '' && (b ?? '') === '');

/** An operation that would change nothing (typed and put back) is not worth a step. */
export function isEmptyOp(op: GridOp): boolean {
  return op.added.length === 0 && op.removed.length === 0 && op.cells.every((c) => same(c.before, c.after)) && (op.moves ?? []).every((m) => m.before === m.after);
}

export function invert(op: GridOp): GridOp {
  return {
    label: op.label,
    cells: op.cells.map((c) => ({ target: c.target, col: c.col, before: c.after, after: c.before })).reverse(),
    added: op.removed,
    removed: op.added,
    ...(op.moves ? { moves: op.moves.map((m) => ({ id: m.id, before: m.after, after: m.before })) } : {}),
  };
}

/**
 * Adds an operation; clears the redo list. A typing op with the same coalesce key as the open
 * last step merges into it (the first `before`, the latest `after`), so one edit is one undo.
 */
export function push(h: History, op: GridOp): History {
  const last = h.past[h.past.length - 1];
  if (h.open && last && op.coalesce && last.coalesce === op.coalesce) {
    const cells = last.cells.map((c) => {
      const next = op.cells.find((n) => n.target === c.target && n.col === c.col);
      return next ? { ...c, after: next.after } : c;
    });
    const merged = { ...last, cells };
    const past = h.past.slice(0, -1);
    return { past: isEmptyOp(merged) ? past : [...past, merged], future: [], open: !isEmptyOp(merged) };
  }
  if (isEmptyOp(op)) return h;
  const past = [...h.past, op].slice(-MAX_STEPS);
  return { past, future: [], open: op.coalesce !== undefined };
}

/** Ends the current typing step: the next write starts a new one. */
export function seal(h: History): History {
  return h.open ? { ...h, open: false } : h;
}

/** The step to apply for an undo (already inverted) and the history after it, or undefined. */
export function undo(h: History): { op: GridOp; next: History } | undefined {
  const last = h.past[h.past.length - 1];
  if (!last) return undefined;
  return { op: invert(last), next: { past: h.past.slice(0, -1), future: [...h.future, last], open: false } };
}

export function redo(h: History): { op: GridOp; next: History } | undefined {
  const last = h.future[h.future.length - 1];
  if (!last) return undefined;
  return { op: last, next: { past: [...h.past, last], future: h.future.slice(0, -1), open: false } };
}
