// A worksheet as plain data: the cells, merges and print hints the writer renders with ExcelJS
// and the reader rebuilds from SheetJS. The bureau's hash is taken over this, not over bytes,
// so any writer that puts the same values in the same cells gives the same hash.
import { sha256Text } from '../hash/sha256';
import { address } from './addresses';
import { cleanText } from '../model/clean-text';

export type GridValue = string | number | null;

/** How a cell looks; the writer maps each role to one shared ExcelJS style. */
export type CellRole =
  | 'title' | 'subtitle' | 'subtitleRight' | 'header' | 'number' | 'label' | 'code' | 'data' | 'computed'
  | 'blocked' | 'text' | 'date' | 'time' | 'datetime' | 'sign' | 'key';

export interface GridCell {
  v: GridValue;
  role: CellRole;
}

export interface SheetGrid {
  name: string;
  kind: 'cover' | 'ledger' | 'stat' | 'notes' | 'meta';
  rows: GridCell[][];
  merges: [number, number, number, number][]; // 1-based top, left, bottom, right
  widths: number[]; // in Excel character units
  /** rows and columns kept in view: panes frozen below row `ySplit` and right of column `xSplit` */
  freeze?: { xSplit: number; ySplit: number };
  printTitleRows?: [number, number];
  /** bordered table area, 1-based inclusive */
  table?: { top: number; left: number; bottom: number; right: number };
  /** further bordered areas, for a sheet made of several blocks */
  tables?: { top: number; left: number; bottom: number; right: number }[];
  dropdowns?: { col: number; fromRow: number; toRow: number; values: string[] }[];
  hidden?: boolean;
}

export const cell = (v: GridValue, role: CellRole): GridCell => ({ v, role });

/**
 * Canonical cell content (documented in docs/data-format.md): one line per non-empty cell, in
 * row-major order, `{address}\t{n|s}\t{value}` where numbers are JavaScript's shortest round-trip
 * form and strings are JSON-quoted. Styles, widths and merges are not part of it.
 */
export function canonicalContent(values: GridValue[][]): string {
  let out = '';
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      out += `${address(c + 1, r + 1)}\t${typeof v === 'number' ? 'n' : 's'}\t${typeof v === 'number' ? String(v) : JSON.stringify(v)}\n`;
    });
  });
  return out;
}

/** The grid with every text as an .xlsx can carry it (clean-text.ts), so the hash taken over it
 * is the hash of what a reader gets back; the same grid object when nothing needed cleaning. */
export function cleanGrid(grid: SheetGrid): SheetGrid {
  let changed = false;
  const rows = grid.rows.map((row) =>
    row.map((c) => {
      if (typeof c.v !== 'string') return c;
      const v = cleanText(c.v);
      if (v === c.v) return c;
      changed = true;
      return { ...c, v };
    }),
  );
  return changed ? { ...grid, rows } : grid;
}

/** Text as written into the file: a literal `_x0041_` would be read back as “A” (the escape Excel
 * and SheetJS decode in every cell), so each `_` that starts such a sequence is written `_x005F_`. */
export function escapeXlsxText(s: string): string {
  return s.includes('_') ? s.replace(/_(?=x[\da-fA-F]{4}_)/gi, '_x005F_') : s;
}

export function gridValues(grid: SheetGrid): GridValue[][] {
  return grid.rows.map((row) => row.map((c) => c.v));
}

export function sheetHash(values: GridValue[][]): string {
  return sha256Text(canonicalContent(values));
}

/** `sha256:all`: the hash of `{sheet name}\n{sheet hash}\n` for each hashed sheet in workbook order. */
export function overallHash(sheetHashes: [string, string][]): string {
  return sha256Text(sheetHashes.map(([name, h]) => `${name}\n${h}\n`).join(''));
}

/** Display width of a label: CJK characters count double, as Excel column widths do. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}
