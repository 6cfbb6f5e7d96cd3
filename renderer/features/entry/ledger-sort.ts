// Sorting a ledger by a date column (留样, 陪餐, 进货查验, 晨检, 隐患排查, 演练 …). The sort
// reorders the stored list itself — one undoable step, one 修改记录 entry — rather than
// being a view order: the screen, the 审核's row numbers (第 n 行, cell addresses), paste and
// jump targets and the exported workbook then all show one and the same order, and the export,
// its hashes and its read-back need no second ordering rule (docs/grid.md).
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import type { RowMove } from './grid-history';

export type SortDirection = 'asc' | 'desc';

const DATED = new Set<LedgerColumn['type']>(['date', 'datetime']);

/** The columns a list can be sorted by: its dates. */
export function dateColumns(columns: readonly LedgerColumn[]): LedgerColumn[] {
  return columns.filter((c) => DATED.has(c.type));
}

/** A stored date, datetime or time as a sortable text; anything else (blank, text typed) sorts last. */
function key(v: CellValue | undefined, type: LedgerColumn['type']): string | undefined {
  if (typeof v !== 'string') return undefined;
  const ok = type === 'time' ? /^\d{2}:\d{2}$/ : type === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
  return ok.test(v) ? v : undefined;
}

function compare(a: string | undefined, b: string | undefined, dir: SortDirection): number {
  if (a === b) return 0;
  if (a === undefined) return 1; // no date: after the dated rows, either way
  if (b === undefined) return -1;
  return dir === 'asc' ? (a < b ? -1 : 1) : a < b ? 1 : -1;
}

/**
 * The moves that put `rows` (in their stored order) in order of `by`, ties broken by the list's
 * first time column (留样时间) in the same direction, then by their present order (a stable sort).
 * Rows keep the list's set of `seq` values; only rows whose place changes move. Empty when the
 * list is in that order already.
 */
export function sortMoves(
  rows: readonly { id: string; seq: number; values: Record<string, CellValue> }[],
  columns: readonly LedgerColumn[],
  by: string,
  dir: SortDirection,
): RowMove[] {
  const col = columns.find((c) => c.key === by);
  if (!col) return [];
  const time = columns.find((c) => c.type === 'time');
  const keyed = rows.map((r, i) => ({ r, i, k: key(r.values[col.key], col.type), t: time ? key(r.values[time.key], 'time') : undefined }));
  const sorted = [...keyed].sort((a, b) => compare(a.k, b.k, dir) || compare(a.t, b.t, dir) || a.i - b.i);
  const moves: RowMove[] = [];
  sorted.forEach(({ r }, i) => {
    const seq = rows[i]!.seq;
    if (r.seq !== seq) moves.push({ id: r.id, before: r.seq, after: seq });
  });
  return moves;
}
