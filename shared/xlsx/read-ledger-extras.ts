// Reading back the ledgers of schema-ledger-extras.ts: a list with fixed rows (its fixed texts
// must be the pack's, row by row, and nothing may follow them) and a worksheet of several lists
// (each block found under its title, its rows read until the blank row before the next block).
// Any other layout is refused naming the sheet, row and column.
import type { LedgerGroupSheet, LedgerSheet } from '../pack/schema';
import type { LedgerRow, SheetEntry } from '../model/data';
import { LEDGER_FIRST_DATA_ROW } from './addresses';
import { fromGridValue } from './cell-values';
import type { GridValue } from './grid';
import { ReportReadError, type ReadLocation } from './read-errors';
import { checkLedgerNumber, expectText, readLedger } from './read-sheets';

type Values = GridValue[][];
const at = (v: Values, row1: number, col1: number): GridValue => v[row1 - 1]?.[col1 - 1] ?? null;
const blank = (v: Values, row1: number) => (v[row1 - 1] ?? []).every((x) => x === null || x === '');

/** A ledger sheet; one with fixed rows must show exactly the pack's rows with the pack's texts. */
export function readLedgerSheet(v: Values, sheet: LedgerSheet, where: ReadLocation): SheetEntry {
  const fixed = sheet.fixedRows;
  if (fixed) {
    fixed.forEach((values, i) => {
      for (const [key, text] of Object.entries(values)) {
        const col = sheet.columns.findIndex((c) => c.key === key);
        expectText(v, LEDGER_FIRST_DATA_ROW + i, col + 2, String(text), where);
      }
    });
    for (let r = LEDGER_FIRST_DATA_ROW + fixed.length; r <= v.length; r++)
      if (!blank(v, r)) throw new ReportReadError(`本表固定为 ${fixed.length} 行，此行多出内容——不是该报表包的版式`, { ...where, row: r, col: 1 });
  }
  return readLedger(v, sheet, where);
}

/** Reads one block's data rows from `first`; returns them and the row after the block. */
function readBlock(v: Values, sheet: LedgerSheet, first: number, last: boolean, where: ReadLocation) {
  const rows: LedgerRow[] = [];
  let r = first;
  for (; r <= v.length; r++) {
    if (blank(v, r)) {
      if (last) continue; // blank rows under the last block are nothing
      break; // the blank row before the next block
    }
    const seq = at(v, r, 1);
    // column A holds 序号: anything else means the blocks are not where the pack puts them
    if (seq !== null && typeof seq !== 'number')
      throw new ReportReadError(`应为序号或空行，实为“${String(seq)}”——不是该报表包的版式`, { ...where, row: r, col: 1 });
    sheet.columns.forEach((c, i) => checkLedgerNumber(c, at(v, r, i + 2), where, r, i + 2));
    const cells = sheet.columns.map((c, i) => fromGridValue(c, at(v, r, i + 2)));
    if (cells.every((x) => x === null)) continue;
    const row: LedgerRow = { id: `r${rows.length + 1}` };
    sheet.columns.forEach((c, i) => {
      if (cells[i] !== null) row[c.key] = cells[i]!;
    });
    rows.push(row);
  }
  return { rows, next: r + 1 };
}

/** Each list of a worksheet of several lists, keyed by the list's sheet id. */
export function readLedgerGroup(v: Values, group: LedgerGroupSheet, parts: readonly LedgerSheet[], where: ReadLocation): Record<string, SheetEntry> {
  expectText(v, 1, 1, group.title, where);
  const out: Record<string, SheetEntry> = {};
  let r = 3;
  parts.forEach((sheet, i) => {
    expectText(v, r, 1, group.parts[i]!.title, where);
    expectText(v, r + 1, 1, '序号', where);
    sheet.columns.forEach((c, ci) => expectText(v, r + 1, ci + 2, c.label, where));
    const block = readBlock(v, sheet, r + 2, i === parts.length - 1, where);
    out[sheet.id] = { rows: block.rows };
    r = block.next;
  });
  return out;
}
