// One import as the CLI runs it, the way the app's dialog does: the worksheet whose header names the
// most columns (or the one asked for), its header row and column mapping by name, then conversion
// with the synonyms and the 对应 map, checked by the audit's ledger checks.
//
// Other ways of reading a worksheet: CONVERTERS is tried in order and the first one that accepts the
// worksheet converts it — a per-pupil 学籍 list counted into 班级名册 (student-list.ts) before the
// list read row by row.
import type { LedgerSheet } from '../pack/schema';
import type { DecodedBook, DecodedSheet } from './decode';
import { chooseSheet, detectHeader, matchColumns, type ColumnMapping } from './header';
import { convertRows, type ConversionResult, type ValidationTarget } from './convert';
import type { ValueMap } from './value-map';
import { countRecords, detectRecordList } from './student-list';

export interface SheetConversion {
  headerRow: number | undefined;
  mapping: ColumnMapping;
  /** undefined when no header was found (nothing to convert) */
  result?: ConversionResult;
  /** what the preview says the file is, e.g. "学生名单：519 名学生，将统计为 12 个班" */
  description?: string;
}

export interface SheetConverter {
  name: string;
  accepts(sheet: LedgerSheet, source: DecodedSheet): boolean;
  convert(sheet: LedgerSheet, source: DecodedSheet, target: ValidationTarget, valueMap: ValueMap, headerRow?: number): SheetConversion;
}

/** A list as it stands in the file, one row per row: the header detected (or given), matched by name. */
export const rowsAsListed: SheetConverter = {
  name: '名单',
  accepts: () => true,
  convert(sheet, source, target, valueMap, given) {
    const guess = given === undefined ? detectHeader(sheet.columns, source) : { headerRow: given, mapping: matchColumns(sheet.columns, source.rows, given) };
    const { headerRow, mapping } = guess;
    if (headerRow === undefined || !Object.keys(mapping).length) return { headerRow, mapping };
    return { headerRow, mapping, result: convertRows(sheet, source, headerRow, mapping, target, valueMap) };
  },
};

const alone = (source: DecodedSheet): DecodedBook => ({ fileName: '', kind: 'xlsx', sheets: [source] });

/** One row per pupil (a 学籍 export) counted per class, by the ledger's `recordImport` rules (pack data).
 * Its header is found by the record fields' names; a --header-row given for it is not used. */
export const recordList: SheetConverter = {
  name: '学生名单',
  accepts: (sheet, source) => detectRecordList(sheet, alone(source)) !== undefined,
  convert(sheet, source, target) {
    const book = alone(source);
    const guess = detectRecordList(sheet, book)!;
    const result = countRecords(sheet, book, guess, target);
    const { records, groups } = result.summary;
    return { headerRow: guess.headerRow, mapping: {}, result, description: `学生名单：${records} 名学生，将统计为 ${groups} 个班` };
  },
};

export const CONVERTERS: SheetConverter[] = [recordList, rowsAsListed];

export interface ImportPlan extends SheetConversion {
  sheetIndex: number;
  converter: string;
}

export interface PlanOptions {
  /** a worksheet by name; default: the one whose header names the most columns */
  worksheet?: string;
  /** 0-based header row; default: detected */
  headerRow?: number;
  valueMap?: ValueMap;
  converters?: readonly SheetConverter[];
}

export class PlanError extends Error {}

export function planImport(sheet: LedgerSheet, book: DecodedBook, target: ValidationTarget, options: PlanOptions = {}): ImportPlan {
  let sheetIndex: number;
  if (options.worksheet !== undefined) {
    sheetIndex = book.sheets.findIndex((s) => s.name === options.worksheet);
    if (sheetIndex < 0) throw new PlanError(`文件「${book.fileName}」中没有工作表「${options.worksheet}」，有：${book.sheets.map((s) => s.name).join('、')}`);
  } else sheetIndex = detectRecordList(sheet, book)?.sheetIndex ?? chooseSheet(sheet.columns, book.sheets).index;
  const source = book.sheets[sheetIndex]!;
  const converter = (options.converters ?? CONVERTERS).find((c) => c.accepts(sheet, source)) ?? rowsAsListed;
  const done = converter.convert(sheet, source, target, options.valueMap ?? {}, options.headerRow);
  return { ...done, sheetIndex, converter: converter.name };
}
