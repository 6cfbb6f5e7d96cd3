// Ledger (台账/名册) sheets: title, 填报单位 line, one header row, 序号 + the pack's columns.
import type { LedgerSheet } from '../pack/schema';
import type { LedgerRow } from '../model/data';
import { enumValues } from '../pack/applicability';
import { periodLabel } from '../model/period';
import { LEDGER_FIRST_DATA_ROW, LEDGER_HEADER_ROW } from './addresses';
import { toGridValue } from './cell-values';
import { cell, textWidth, type GridCell, type SheetGrid } from './grid';
import type { ReportContext } from './context';

/** Spare rows below the data that still get dropdowns, for a school printing a blank form. */
const SPARE_ROWS = 50;

export function ledgerSubtitle(ctx: ReportContext): string {
  return `填报单位：${ctx.school.name}　期间：${periodLabel(ctx.submission.periodKind, ctx.data.period)}`;
}

export function ledgerGrid(sheet: LedgerSheet, rows: readonly LedgerRow[], ctx: ReportContext): SheetGrid {
  const width = sheet.columns.length + 1;
  const pad = (first: GridCell): GridCell[] => [first, ...Array.from({ length: width - 1 }, () => cell(null, first.role))];
  const grid: GridCell[][] = [
    pad(cell(sheet.title, 'title')),
    pad(cell(ledgerSubtitle(ctx), 'subtitle')),
    [cell('序号', 'header'), ...sheet.columns.map((c) => cell(c.label, 'header'))],
  ];
  rows.forEach((row, i) => {
    grid.push([cell(i + 1, 'code'), ...sheet.columns.map((c) => {
      const g = toGridValue(c, row[c.key]);
      return cell(g.v, g.role);
    })]);
  });
  const last = LEDGER_HEADER_ROW + rows.length;
  // a list whose rows the pack fixes (食品安全自查表) has no room to grow
  const spare = sheet.fixedRows ? 0 : SPARE_ROWS;
  const dropdowns = sheet.columns.flatMap((c, i) =>
    c.type === 'enum'
      ? [{ col: i + 2, fromRow: LEDGER_FIRST_DATA_ROW, toRow: last + spare, values: enumValues(ctx.pack, ctx.school.type, c) }]
      : [],
  );
  return {
    name: sheet.title,
    kind: 'ledger',
    rows: grid,
    merges: [[1, 1, 1, width], [2, 1, 2, width]],
    widths: [6, ...sheet.columns.map((c) => c.width ?? Math.max(textWidth(c.label) + 2, 8))],
    freeze: { xSplit: 1, ySplit: LEDGER_HEADER_ROW },
    printTitleRows: [LEDGER_HEADER_ROW, LEDGER_HEADER_ROW],
    table: { top: LEDGER_HEADER_ROW, left: 1, bottom: last, right: width },
    dropdowns,
  };
}
