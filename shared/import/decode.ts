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

/** A worksheet as rows of values; a merged area repeats its value in every cell it covers, as when
 * Excel's “取消合并并填充” — so 年级 merged over three classes reads as 年级 on each of them. */
function sheetRows(ws: XLSX.WorkSheet | undefined): RawCell[][] {
  // a damaged file can name a sheet in its workbook part that has no sheet part: read it as empty
  if (!ws?.['!ref']) return [];
  const range = XLSX.utils.decode_range(ws['!ref']);
  const dense = ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined;
  const rows: RawCell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: RawCell[] = [];
    const src = dense?.[r];
    for (let c = 0; c <= range.e.c; c++) row.push(cellValue(dense ? src?.[c] : ws[XLSX.utils.encode_cell({ r, c })]));
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  // a repeated area would be filled again for nothing; limits.ts has bounded the distinct areas
  for (const m of uniqueMerges(ws)) {
    const v = rows[m.s.r]?.[m.s.c] ?? null;
    if (v === null) continue;
    // bounded by the sheet's own range and by the merged-area cap of limits.ts
    for (let r = m.s.r; r <= Math.min(m.e.r, range.e.r); r++)
      for (let c = m.s.c; c <= Math.min(m.e.c, range.e.c); c++) {
        const row = rows[r]!;
        while (row.length <= c) row.push(null);
        row[c] = v;
      }
  }
  return rows;
}

function decodeWorkbook(fileName: string, bytes: Uint8Array, kind: 'xlsx' | 'xls'): DecodedBook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', ...spreadsheetReadOptions() });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(text)) fail(fileName, '工作簿设置了打开密码（已加密），请在 Excel/WPS 中取消密码后另存再导入');
    fail(fileName, `无法打开：不是有效的 Excel 工作簿，或文件已损坏`);
  }
  checkParsedWorkbook(fileName, wb);
  const sheets = wb.SheetNames.map((name) => ({ name, rows: sheetRows(wb.Sheets[name]) }));
  return { fileName, kind, sheets };
}

function decodeCsv(fileName: string, bytes: Uint8Array): DecodedBook {
  const { text, encoding } = decodeText(bytes);
  // a PDF, an image or a Word file has control characters where a table's text has none
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text.slice(0, 8192)) || text.startsWith('%PDF'))
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
