// Renders grids into an .xlsx with ExcelJS: the look the bureau prints (borders, bold centred
// headers, frozen panes, A4 landscape fit to width, repeated header rows, dropdowns).
// ExcelJS only ever writes here; untrusted files are read with SheetJS (read.ts).
import ExcelJS from 'exceljs';
import { cleanGrid, escapeXlsxText, type CellRole, type SheetGrid } from './grid';
import { address } from './addresses';

const FONT = { name: '宋体', size: 11 };
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const CENTER = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };
const LEFT = { horizontal: 'left' as const, vertical: 'middle' as const, wrapText: true };

// one style object per role: ExcelJS then writes one entry per role, not one per cell
const ROLE_STYLE: Record<CellRole, Partial<ExcelJS.Style>> = {
  title: { font: { ...FONT, size: 16, bold: true }, alignment: CENTER },
  subtitle: { font: FONT, alignment: { horizontal: 'left', vertical: 'middle' } },
  subtitleRight: { font: FONT, alignment: { horizontal: 'right', vertical: 'middle' } },
  header: { font: { ...FONT, bold: true }, alignment: CENTER, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } },
  number: { font: FONT, alignment: CENTER },
  label: { font: FONT, alignment: LEFT },
  code: { font: FONT, alignment: CENTER, numFmt: '@' },
  data: { font: FONT, alignment: { horizontal: 'right', vertical: 'middle' } },
  computed: { font: FONT, alignment: { horizontal: 'right', vertical: 'middle' } },
  blocked: { font: FONT, alignment: CENTER },
  text: { font: FONT, alignment: LEFT, numFmt: '@' },
  date: { font: FONT, alignment: CENTER, numFmt: 'yyyy-mm-dd' },
  time: { font: FONT, alignment: CENTER, numFmt: 'hh:mm' },
  datetime: { font: FONT, alignment: CENTER, numFmt: 'yyyy-mm-dd hh:mm' },
  sign: { font: FONT, alignment: { horizontal: 'left', vertical: 'middle' } },
  key: { font: { ...FONT, bold: true }, alignment: LEFT },
};
const bordered = Object.fromEntries(
  Object.entries(ROLE_STYLE).map(([k, s]) => [k, { ...s, border: BORDER }]),
) as Record<CellRole, Partial<ExcelJS.Style>>;
// Strings are always written as string cells (shared strings), never as formulas, so text a
// user typed that starts with = + - @ stays text; ExcelJS is never given a { formula } value.
interface ListValidations {
  add(range: string, v: { type: 'list'; allowBlank: boolean; formulae: string[]; showErrorMessage: boolean; errorTitle: string; error: string }): void;
}

function addSheet(wb: ExcelJS.Workbook, grid: SheetGrid): void {
  // every workbook the app writes (report, template, 修改记录) reads back as its grids say
  const g = cleanGrid(grid);
  const ws = wb.addWorksheet(g.name, {
    state: g.hidden ? 'hidden' : 'visible',
    views: g.freeze ? [{ state: 'frozen', xSplit: g.freeze.xSplit, ySplit: g.freeze.ySplit }] : undefined,
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: g.printTitleRows ? `${g.printTitleRows[0]}:${g.printTitleRows[1]}` : undefined,
    },
  });
  ws.columns = g.widths.map((width) => ({ width }));
  const areas = [...(g.table ? [g.table] : []), ...(g.tables ?? [])];
  g.rows.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((c, ci) => {
      const inTable = areas.some((t) => r + 1 >= t.top && r + 1 <= t.bottom && ci + 1 >= t.left && ci + 1 <= t.right);
      if (c.v === null && !inTable) return;
      const xc = xr.getCell(ci + 1);
      if (c.v !== null) xc.value = typeof c.v === 'string' ? escapeXlsxText(c.v) : c.v;
      xc.style = (inTable ? bordered : ROLE_STYLE)[c.role];
    });
  });
  if (g.rows[0]?.[0]?.role === 'title') ws.getRow(1).height = 28;
  for (const [top, left, bottom, right] of g.merges) ws.mergeCells(top, left, bottom, right);
  for (const d of g.dropdowns ?? []) {
    const list = `"${d.values.join(',')}"`;
    (ws as unknown as { dataValidations: ListValidations }).dataValidations.add(`${address(d.col, d.fromRow)}:${address(d.col, d.toRow)}`, {
      type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true,
      errorTitle: '输入值无效', error: `请从下拉列表选择：${d.values.join('、')}`,
    });
  }
}

export async function renderWorkbook(grids: readonly SheetGrid[], meta: { creator: string; created: Date }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.created = meta.created;
  wb.modified = meta.created;
  for (const g of grids) addSheet(wb, g);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
