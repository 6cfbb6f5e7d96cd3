// An untrusted file a school picked (名册 from 学籍系统, WPS, Excel 97-2003 or CSV) → plain grids of
// cells, one per worksheet. The bytes pass shared/xlsx/limits.ts before SheetJS sees them; CSV
// and tab-separated text are decoded here (UTF-8/UTF-16/GBK) and never given to SheetJS.
import * as XLSX from 'xlsx';
import { checkParsedWorkbook, checkSpreadsheetBytes, spreadsheetReadOptions, SpreadsheetLimitError, SPREADSHEET_LIMITS, uniqueMerges } from '../xlsx/limits';
import { decodeText, detectDelimiter, detectEncoding, parseDelimited, type TextEncodingName } from './text';

export type RawCell = string | number | null;

export interface DecodedSheet {
  name: string;
  rows: RawCell[][];
  /** What Excel displays for a number cell whose number format is neither General nor a date
   * (1973.1 formatted `0.00` shows 1973.10), keyed `{row}:{col}` (0-based); only where it differs
   * from the number as written. convert.ts reads 年月 and date columns from it. */
  shown?: Record<string, string>;
}

export interface DecodedBook {
  fileName: string;
  kind: 'xlsx' | 'xls' | 'csv';
  encoding?: TextEncodingName;
  sheets: DecodedSheet[];
}

export { SPREADSHEET_LIMITS as IMPORT_LIMITS };

export class ImportFileError extends SpreadsheetLimitError {}

function fail(fileName: string, problem: string, sheet?: string): never {
  throw new ImportFileError(problem, { file: fileName, sheet });
}

function cellValue(cell: XLSX.CellObject | undefined): RawCell {
  const v = cell?.v;
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** The displayed text of a number under a custom, non-date format (a date keeps its serial, which
 * parses whatever the format); undefined when it is the number as written. One format × value is
 * formatted once per sheet, so a long formatted column costs a lookup per cell. */
function displayed(cell: XLSX.CellObject | undefined, cache: Map<string, string | undefined>): string | undefined {
  const z = cell?.z;
  if (typeof cell?.v !== 'number' || typeof z !== 'string' || z === 'General') return undefined;
  const key = `${z}\u0000${cell.v}`;
  if (cache.has(key)) return cache.get(key);
  let text: string | undefined;
  try {
    text = XLSX.SSF.is_date(z) ? undefined : XLSX.SSF.format(z, cell.v).trim();
  } catch {
    text = undefined; // a format SheetJS cannot apply: the number as written
  }
  if (text === String(cell.v) || text === '') text = undefined;
  if (cache.size < 10_000) cache.set(key, text);
  return text;
}

/** A worksheet as rows of values; a merged area repeats its value in every cell it covers, as when
 * Excel's “取消合并并填充” — so 年级 merged over three classes reads as 年级 on each of them. */
function sheetRows(ws: XLSX.WorkSheet | undefined): { rows: RawCell[][]; shown?: Record<string, string> } {
  // a damaged file can name a sheet in its workbook part that has no sheet part: read it as empty
  if (!ws?.['!ref']) return { rows: [] };
  const range = XLSX.utils.decode_range(ws['!ref']);
  const dense = ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined;
  const rows: RawCell[][] = [];
  const shown: Record<string, string> = {};
  const cache = new Map<string, string | undefined>();
  let anyShown = false;
  for (let r = 0; r <= range.e.r; r++) {
    const row: RawCell[] = [];
    const src = dense?.[r];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = dense ? src?.[c] : (ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined);
      row.push(cellValue(cell));
      const text = displayed(cell, cache);
      if (text !== undefined) (shown[`${r}:${c}`] = text), (anyShown = true);
    }
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  // a repeated area would be filled again for nothing; limits.ts has bounded the distinct areas
  for (const m of uniqueMerges(ws)) {
    const v = rows[m.s.r]?.[m.s.c] ?? null;
    if (v === null) continue;
    const text = shown[`${m.s.r}:${m.s.c}`];
    // bounded by the sheet's own range and by the merged-area cap of limits.ts
    for (let r = m.s.r; r <= Math.min(m.e.r, range.e.r); r++)
      for (let c = m.s.c; c <= Math.min(m.e.c, range.e.c); c++) {
        const row = rows[r]!;
        while (row.length <= c) row.push(null);
        row[c] = v;
        if (text !== undefined) shown[`${r}:${c}`] = text;
      }
  }
  return anyShown ? { rows, shown } : { rows };
}

function decodeWorkbook(fileName: string, bytes: Uint8Array, kind: 'xlsx' | 'xls'): DecodedBook {
  let wb: XLSX.WorkBook;
  try {
    // cellNF: each cell's number format, so a number is read as Excel shows it (1973.10, not 1973.1)
    wb = XLSX.read(bytes, { type: 'array', ...spreadsheetReadOptions(), cellNF: true });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(text)) fail(fileName, '工作簿设置了打开密码（已加密），请在 Excel/WPS 中取消密码后另存再导入');
    fail(fileName, `无法打开：不是有效的 Excel 工作簿，或文件已损坏`);
  }
  checkParsedWorkbook(fileName, wb);
  const sheets = wb.SheetNames.map((name) => ({ name, ...sheetRows(wb.Sheets[name]) }));
  return { fileName, kind, sheets };
}

/** More than 1 in 50 characters (and more than 8) a control character: binary, not a table. */
function binaryLooking(head: string): boolean {
  // eslint-disable-next-line no-control-regex
  const n = head.match(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g)?.length ?? 0;
  return n > 8 && n * 50 > head.length;
}

function decodeCsv(fileName: string, bytes: Uint8Array): DecodedBook {
  const { text, encoding } = decodeText(bytes);
  // a PDF, an image or a Word file is full of control characters; a table's text has at most a few
  // stray ones (pasted from another system), anywhere in the file: those cells are cleaned and
  // named in the preview (convert.ts), the file is not refused for them
  if (binaryLooking(text.slice(0, 8192)) || text.startsWith('%PDF'))
    fail(fileName, '不是电子表格或文本表格（.xlsx、.xls、.csv、.txt）');
  const limits = SPREADSHEET_LIMITS;
  const rows = parseDelimited(text, detectDelimiter(text), limits.maxRows);
  if (rows.length > limits.maxRows) fail(fileName, `超过 ${limits.maxRows} 行的上限`);
  let cells = 0;
  rows.forEach((row, r) => {
    cells += row.length;
    row.forEach((cell, c) => {
      if (cell.length > limits.maxCellChars)
        throw new ImportFileError(`单元格有 ${cell.length} 个字符，超过上限 ${limits.maxCellChars} 个`, { file: fileName, row: r + 1, col: c + 1 });
    });
  });
  if (cells > limits.maxCells) fail(fileName, `单元格总数超过上限 ${limits.maxCells} 个`);
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Sheet1';
  return { fileName, kind: 'csv', encoding, sheets: [{ name, rows: rows.map((r) => r.map((c) => (c === '' ? null : c))) }] };
}

/** UTF-16 text without a BOM (some systems' “Unicode 文本”): its NUL bytes would read as binary to
 * limits.ts, which only knows UTF-16 by its BOM; the size limit still applies. */
function bomlessUtf16(b: Uint8Array): boolean {
  const bom = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
  return !bom && detectEncoding(b.subarray(0, 4096)).startsWith('utf-16');
}

function checkTextSize(fileName: string, b: Uint8Array): 'csv' {
  const max = SPREADSHEET_LIMITS.maxFileBytes;
  if (b.length > max) fail(fileName, `文件有 ${Math.round(b.length / 1048576)} MB，超过上限 ${Math.round(max / 1048576)} MB`);
  return 'csv';
}

/**
 * Reads a roster file (.xlsx, .xls, .csv, .txt) into grids. Refuses — ImportFileError, a Chinese
 * message naming the file — an empty, oversized, encrypted or non-spreadsheet file, one past the
 * row/cell limits, and one with no data at all.
 */
export function decodeSpreadsheet(fileName: string, bytes: Uint8Array): DecodedBook {
  const kind = bomlessUtf16(bytes) ? checkTextSize(fileName, bytes) : checkSpreadsheetBytes(fileName, bytes, { accept: ['xlsx', 'xls', 'csv'] });
  const book = kind === 'csv' ? decodeCsv(fileName, bytes) : decodeWorkbook(fileName, bytes, kind);
  if (kind === 'csv' && /\uFFFD/.test(book.sheets[0]!.rows.slice(0, 50).flat().join('')))
    fail(fileName, '文字编码无法识别（出现乱码），请在 Excel/WPS 中另存为 .xlsx 或 UTF-8 的 CSV 再导入');
  if (!book.sheets.some((s) => s.rows.some((r) => r.some((c) => c !== null && String(c).trim() !== ''))))
    fail(fileName, '没有任何数据（所有工作表都是空的）');
  return book;
}
