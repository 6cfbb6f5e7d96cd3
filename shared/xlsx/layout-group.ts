// A worksheet made of several lists (ledgerGroup, e.g. 从业人员健康管理): the title, the 填报单位
// line, then for each list a block title row ("一、从业人员名单"), its header row (序号 + its
// columns, as a ledger sheet), its data rows and a blank row. Block positions come from
// groupLayout, which the audit uses too, so a finding's cell is the cell the bureau sees.
import type { LedgerGroupSheet, LedgerSheet } from '../pack/schema';
import type { LedgerRow } from '../model/data';
import { enumValues } from '../pack/applicability';
import { groupLayout } from './addresses';
import { toGridValue } from './cell-values';
import { cell, textWidth, type GridCell, type SheetGrid } from './grid';
import type { ReportContext } from './context';
import { ledgerSubtitle } from './layout-ledger';

/** Spare rows under the last block that still get dropdowns, as on a ledger sheet. */
const SPARE_ROWS = 50;

export interface GroupPartRows {
  sheet: LedgerSheet;
  rows: readonly LedgerRow[];
}

export function groupGrid(group: LedgerGroupSheet, parts: readonly GroupPartRows[], ctx: ReportContext): SheetGrid {
  const width = Math.max(...parts.map((p) => p.sheet.columns.length + 1));
  const line = (first: GridCell, role = first.role): GridCell[] => [first, ...Array.from({ length: width - 1 }, () => cell(null, role))];
  const rows: GridCell[][] = [line(cell(group.title, 'title')), line(cell(ledgerSubtitle(ctx), 'subtitle'))];
  const merges: SheetGrid['merges'] = [[1, 1, 1, width], [2, 1, 2, width]];
  const tables: NonNullable<SheetGrid['tables']> = [];
  const dropdowns: NonNullable<SheetGrid['dropdowns']> = [];
  const blocks = groupLayout(parts.map((p) => p.rows.length));

  parts.forEach(({ sheet, rows: data }, i) => {
    const b = blocks[i]!;
    const last = i === parts.length - 1;
    const pad = (cells: GridCell[]) => [...cells, ...Array.from({ length: width - cells.length }, () => cell(null, 'data'))];
    rows.push(line(cell(group.parts[i]!.title, 'key')));
    merges.push([b.titleRow, 1, b.titleRow, width]);
    rows.push(pad([cell('序号', 'header'), ...sheet.columns.map((c) => cell(c.label, 'header'))]));
    data.forEach((row, r) => {
      rows.push(pad([cell(r + 1, 'code'), ...sheet.columns.map((c) => {
        const g = toGridValue(c, row[c.key]);
        return cell(g.v, g.role);
      })]));
    });
    if (!last) rows.push(line(cell(null, 'data')));
    tables.push({ top: b.headerRow, left: 1, bottom: b.lastDataRow, right: sheet.columns.length + 1 });
    const toRow = last ? b.lastDataRow + SPARE_ROWS : b.lastDataRow;
    if (toRow < b.firstDataRow) return; // an empty block in the middle: no cell to offer a list in
    sheet.columns.forEach((c, ci) => {
      if (c.type === 'enum') dropdowns.push({ col: ci + 2, fromRow: b.firstDataRow, toRow, values: enumValues(ctx.pack, ctx.school.type, c) });
    });
  });

  // each column as wide as the widest of the blocks' columns at that position
  const widths = Array.from({ length: width }, (_, i) =>
    i === 0 ? 6 : Math.max(8, ...parts.map(({ sheet }) => {
      const c = sheet.columns[i - 1];
      return c ? (c.width ?? textWidth(c.label) + 2) : 0;
    })),
  );
  return {
    name: group.title,
    kind: 'ledger',
    rows,
    merges,
    widths,
    // the blocks have different headers, so only the title and 填报单位 lines stay in view and
    // repeat on printed pages; 序号 stays in view when scrolling sideways
    freeze: { xSplit: 1, ySplit: 2 },
    printTitleRows: [1, 2],
    tables,
    dropdowns,
  };
}
