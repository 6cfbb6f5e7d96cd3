// Statistics sheets laid out like the national 基表: title, 填报单位/统计时点 line, one or two
// header rows (grouped columns under a merged cell), 甲/乙/1… row, data rows, signature line.
import { columnNumbers } from '../pack/stat-cells';
import type { StatTable } from '../compute/stat-table';
import { statLayout } from './addresses';
import { cell, textWidth, type GridCell, type SheetGrid } from './grid';
import { signatureLine, unitLine, type ReportContext } from './context';

export function statSubtitle(ctx: ReportContext): string {
  return `填报单位：${ctx.school.name}`;
}

export function statGrid(table: StatTable, ctx: ReportContext): SheetGrid {
  const { sheet } = table;
  const L = statLayout(sheet);
  const W = L.width;
  const blank = (role: GridCell['role']) => Array.from({ length: W }, () => cell(null, role));
  const merges: SheetGrid['merges'] = [[1, 1, 1, W]];
  const rows: GridCell[][] = [];

  const title = blank('title');
  title[0] = cell(sheet.title, 'title');
  rows.push(title);

  const sub = blank('subtitle');
  const mid = Math.max(2, Math.floor(W / 2));
  sub[0] = cell(statSubtitle(ctx), 'subtitle');
  for (let c = mid; c < W; c++) sub[c] = cell(null, 'subtitleRight');
  sub[mid] = cell(unitLine(ctx, sheet.unit), 'subtitleRight');
  rows.push(sub);
  merges.push([2, 1, 2, mid], [2, mid + 1, 2, W]);

  const top = L.firstHeaderRow;
  const h1 = blank('header');
  const h2 = blank('header');
  h1[0] = cell('指标名称', 'header');
  h1[1] = cell('代码', 'header');
  if (L.headerRows === 2) merges.push([top, 1, top + 1, 1], [top, 2, top + 1, 2]);
  sheet.columns.forEach((col, i) => {
    const c = i + 2; // 0-based index in the row
    if (!col.group) {
      h1[c] = cell(col.label, 'header');
      if (L.headerRows === 2) merges.push([top, c + 1, top + 1, c + 1]);
      return;
    }
    h2[c] = cell(col.label, 'header');
    const prev = sheet.columns[i - 1];
    if (prev?.group === col.group) return;
    let span = 1;
    while (sheet.columns[i + span]?.group === col.group) span++;
    h1[c] = cell(col.group, 'header');
    if (span > 1) merges.push([top, c + 1, top, c + span]);
  });
  rows.push(h1);
  if (L.headerRows === 2) rows.push(h2);
  rows.push(columnNumbers(sheet).map((n) => cell(n, 'number')));

  for (const r of table.rows) {
    rows.push([
      cell(r.label, 'label'),
      cell(r.code, 'code'),
      ...r.cells.map((c) =>
        c.kind === 'blocked' ? cell('-', 'blocked') : cell(c.value, c.kind === 'computed' ? 'computed' : 'data'),
      ),
    ]);
  }
  rows.push(blank('data'));
  const sign = blank('sign');
  sign[0] = cell(signatureLine(ctx), 'sign');
  rows.push(sign);
  merges.push([L.signatureRow, 1, L.signatureRow, W]);

  const labelWidth = Math.max(12, ...sheet.rows.map((r) => textWidth(r.label) + 2));
  return {
    name: sheet.title,
    kind: 'stat',
    rows,
    merges,
    widths: [labelWidth, 6, ...sheet.columns.map((c) => Math.max(8, textWidth(c.label) + 2))],
    freeze: { xSplit: 2, ySplit: L.numberRow },
    printTitleRows: [L.firstHeaderRow, L.numberRow],
    table: { top: L.firstHeaderRow, left: 1, bottom: L.lastDataRow, right: W },
  };
}
