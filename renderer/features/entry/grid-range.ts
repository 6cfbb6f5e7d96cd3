// Multi-cell selection of a grid and the clipboard text it copies. Pure: positions are row and
// column indexes; the views map them to cells. Copying writes what Excel/WPS write, so a
// block copied here pastes back into a spreadsheet cell for cell (and into this app).
import type { CellValue } from '../../../shared/model/data';
import { formatValue } from '../../../shared/model/values';
import type { CellChange } from './grid-history';

export interface CellPos {
  row: number;
  col: number;
}

/** `anchor` is where the selection started; `end` is the corner that Shift+arrows move. */
export interface Selection {
  anchor: CellPos;
  end: CellPos;
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function rectOf(s: Selection): Rect {
  return {
    top: Math.min(s.anchor.row, s.end.row),
    bottom: Math.max(s.anchor.row, s.end.row),
    left: Math.min(s.anchor.col, s.end.col),
    right: Math.max(s.anchor.col, s.end.col),
  };
}

export function isMultiCell(s: Selection | undefined): boolean {
  return !!s && (s.anchor.row !== s.end.row || s.anchor.col !== s.end.col);
}

export const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Excel quotes a cell holding a tab, line break or quote, doubling its quotes. */
export function quoteTsvCell(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cell texts → clipboard text: tabs between cells, CRLF after every row (as Excel). */
export function toTsv(cells: readonly (readonly string[])[]): string {
  return cells.map((line) => line.map(quoteTsvCell).join('\t') + '\r\n').join('');
}

/** The texts of a rectangle of ledger rows × columns, formatted as they are shown. */
export function rangeTexts(rows: readonly { values: Record<string, CellValue> }[], colKeys: readonly string[], r: Rect): string[][] {
  const out: string[][] = [];
  for (let i = r.top; i <= r.bottom && i < rows.length; i++) {
    const values = rows[i]!.values;
    out.push(colKeys.slice(r.left, r.right + 1).map((k) => formatValue(values[k])));
  }
  return out;
}

type Row = { id: string; values: Record<string, CellValue> };

/** Emptying every cell of the rectangle (Delete); columns in `skip` (fixed by the pack) stay. */
export function clearChanges(rows: readonly Row[], colKeys: readonly string[], r: Rect, skip?: ReadonlySet<string>): CellChange[] {
  const out: CellChange[] = [];
  for (let i = r.top; i <= r.bottom && i < rows.length; i++)
    for (const col of colKeys.slice(r.left, r.right + 1)) {
      const before = rows[i]!.values[col] ?? null;
      if (!skip?.has(col) && before !== null && before !== '') out.push({ target: rows[i]!.id, col, before, after: null });
    }
  return out;
}

/** Ctrl+D: the top row of the rectangle copied into the rows below it, column by column. */
export function fillDownChanges(rows: readonly Row[], colKeys: readonly string[], r: Rect, skip?: ReadonlySet<string>): CellChange[] {
  const out: CellChange[] = [];
  const top = rows[r.top];
  if (!top) return out;
  for (let i = r.top + 1; i <= r.bottom && i < rows.length; i++)
    for (const col of colKeys.slice(r.left, r.right + 1)) {
      if (skip?.has(col)) continue;
      const before = rows[i]!.values[col] ?? null;
      const after = top.values[col] ?? null;
      if (before !== after) out.push({ target: rows[i]!.id, col, before, after });
    }
  return out;
}
