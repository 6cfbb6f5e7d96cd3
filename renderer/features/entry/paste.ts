// Pasting a block copied from Excel or WPS into a ledger grid. The clipboard carries
// tab-separated text, one line per row; cells with line breaks come quoted ("a\nb").
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import { parseInput } from '../../../shared/model/values';

/** Clipboard text → rows of cell texts. A trailing newline (Excel always adds one) is dropped. */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** Whether a paste is a block (several cells) rather than text for the one focused cell. */
export function isBlockPaste(text: string): boolean {
  return /\t|\n./.test(text.replace(/\r?\n$/, ''));
}

/**
 * Maps pasted cells onto the columns from `startCol` rightwards; cells beyond the last
 * column are ignored. Values are parsed by each column's type, as when typed.
 */
export function toBlock(cells: string[][], columns: LedgerColumn[], startCol: number): Record<string, CellValue>[] {
  return cells.map((line) => {
    const values: Record<string, CellValue> = {};
    line.forEach((text, j) => {
      const col = columns[startCol + j];
      if (col) values[col.key] = parseInput(col, text);
    });
    return values;
  });
}
