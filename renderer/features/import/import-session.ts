// The state of one import in the dialog: the decoded file, the sheet and header row chosen
// (detected, then changeable), the column mapping (matched, then editable) and the result of
// converting and validating every data row with that choice.
import type { LedgerSheet } from '../../../shared/pack/schema';
import type { DecodedBook } from '../../../shared/import/decode';
import { chooseSheet, detectHeader, HEADER_SCAN_COLUMNS, matchColumns, type ColumnMapping } from '../../../shared/import/header';
import { cellText, convertRows, type ConversionResult, type ValidationTarget } from '../../../shared/import/convert';
import { columnLetter } from '../../../shared/xlsx/addresses';
import type { ValueMap } from '../../../shared/import/value-map';

export interface ImportChoice {
  sheetIndex: number;
  /** 0-based; undefined while no row names any column */
  headerRow: number | undefined;
  mapping: ColumnMapping;
}

/** The first guess for a freshly read file: best sheet, its header row and matched columns. */
export function initialChoice(sheet: LedgerSheet, book: DecodedBook): ImportChoice {
  const { index, guess } = chooseSheet(sheet.columns, book.sheets);
  return { sheetIndex: index, headerRow: guess.headerRow, mapping: guess.mapping };
}

export function choiceForSheet(sheet: LedgerSheet, book: DecodedBook, sheetIndex: number): ImportChoice {
  const guess = detectHeader(sheet.columns, book.sheets[sheetIndex]!);
  return { sheetIndex, headerRow: guess.headerRow, mapping: guess.mapping };
}

export function choiceForHeader(sheet: LedgerSheet, book: DecodedBook, sheetIndex: number, headerRow: number): ImportChoice {
  return { sheetIndex, headerRow, mapping: matchColumns(sheet.columns, book.sheets[sheetIndex]!.rows, headerRow) };
}

export interface SourceColumn {
  index: number;
  /** e.g. "C 出生日期" */
  label: string;
}

/** The source columns a ledger column can be mapped to: every column up to the widest row, up to
 * column XFD (HEADER_SCAN_COLUMNS; a CSV may be wider, and 3,000,000 choices help nobody). */
export function sourceColumns(book: DecodedBook, choice: ImportChoice): SourceColumn[] {
  const rows = book.sheets[choice.sheetIndex]!.rows;
  const header = choice.headerRow === undefined ? [] : (rows[choice.headerRow] ?? []);
  let width = header.length;
  for (let r = choice.headerRow ?? 0; r < Math.min(rows.length, (choice.headerRow ?? 0) + 200); r++) width = Math.max(width, rows[r]?.length ?? 0);
  width = Math.min(width, HEADER_SCAN_COLUMNS);
  return Array.from({ length: width }, (_, i) => {
    const h = header[i];
    const text = h === null || h === undefined ? '' : String(h).replace(/\s+/g, ' ').trim();
    return { index: i, label: `${columnLetter(i + 1)}${text ? ` ${text}` : ''}` };
  });
}

export function convertChoice(sheet: LedgerSheet, book: DecodedBook, choice: ImportChoice, target: ValidationTarget, valueMap?: ValueMap): ConversionResult | undefined {
  if (choice.headerRow === undefined || Object.keys(choice.mapping).length === 0) return undefined;
  return convertRows(sheet, book.sheets[choice.sheetIndex]!, choice.headerRow, choice.mapping, target, valueMap);
}

/** Header cells of source columns no ledger column uses (shown, so nothing is dropped unnoticed). */
export function unusedColumns(book: DecodedBook, choice: ImportChoice): string[] {
  const used = new Set(Object.values(choice.mapping));
  const rows = book.sheets[choice.sheetIndex]!.rows;
  const header = choice.headerRow === undefined ? [] : (rows[choice.headerRow] ?? []);
  return sourceColumns(book, choice)
    .filter((c) => !used.has(c.index) && cellText({ key: 'x', label: 'x', type: 'text' }, header[c.index] ?? null).trim() !== '')
    .map((c) => c.label);
}

/** A picked file's bytes (FileReader where Blob.arrayBuffer is missing, as in older WebViews and jsdom). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsArrayBuffer(file);
  });
}
