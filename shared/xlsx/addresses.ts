// Where things land in an exported sheet. The audit uses the same functions so that a
// finding's cell address ("E6") is the cell the bureau sees in the workbook.
import type { LedgerSheet, StatSheet } from '../pack/schema';

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(col1: number, row1: number): string {
  return `${columnLetter(col1)}${row1}`;
}

/** Ledger layout: title, 填报单位 line, header row, then data; column A is 序号. */
export const LEDGER_HEADER_ROW = 3;
export const LEDGER_FIRST_DATA_ROW = 4;

export function ledgerCellAddress(sheet: LedgerSheet, rowIndex: number, colKey: string, firstDataRow = LEDGER_FIRST_DATA_ROW): string | undefined {
  const i = sheet.columns.findIndex((c) => c.key === colKey);
  return i < 0 ? undefined : address(i + 2, firstDataRow + rowIndex);
}

/** Where each list of a worksheet of several lists (ledgerGroup) lands, given each list's row
 * count: title and 填报单位 line, then per list its block title row, header row (序号 in column A,
 * as a ledger) and data rows, and one blank row before the next list. */
export function groupLayout(rowCounts: readonly number[]) {
  let top = 3;
  return rowCounts.map((n) => {
    const block = { titleRow: top, headerRow: top + 1, firstDataRow: top + 2, lastDataRow: top + 1 + n };
    top += n + 3;
    return block;
  });
}

/** Statistics layout: title, 填报单位 line, 1–2 header rows, the 甲/乙/1… row, then data rows. */
export function statLayout(sheet: StatSheet) {
  const headerRows = sheet.columns.some((c) => c.group) ? 2 : 1;
  const firstHeaderRow = 3;
  const numberRow = firstHeaderRow + headerRows;
  const firstDataRow = numberRow + 1;
  const lastDataRow = firstDataRow + sheet.rows.length - 1;
  return { headerRows, firstHeaderRow, numberRow, firstDataRow, lastDataRow, signatureRow: lastDataRow + 2, width: sheet.columns.length + 2 };
}

export function statCellAddress(sheet: StatSheet, code: string, colKey: string): string | undefined {
  const r = sheet.rows.findIndex((x) => x.code === code);
  const c = sheet.columns.findIndex((x) => x.key === colKey);
  if (r < 0 || c < 0) return undefined;
  return address(c + 3, statLayout(sheet).firstDataRow + r);
}
