// Each limit of shared/xlsx/limits.ts and shared/model/json-limits.ts at its boundary, with small
// limits so the files stay tiny: one under the limit is read, one over it is refused, saying so.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { checkParsedWorkbook, checkSpreadsheetBytes, SPREADSHEET_LIMITS, spreadsheetReadOptions, SpreadsheetLimitError, uniqueMerges } from '../../shared/xlsx/limits';
import { JSON_LIMITS, parseUntrustedJson } from '../../shared/model/json-limits';
import { oleFile } from '../hostile/ole';
import { utf8, zip } from '../hostile/zip-tools';

const L = SPREADSHEET_LIMITS;
const xlsxParts = (extra: { name: string; data: Uint8Array; stored?: boolean }[] = []) =>
  zip([{ name: '[Content_Types].xml', data: utf8('<Types/>') }, { name: 'xl/workbook.xml', data: utf8('<workbook/>') }, ...extra]);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SpreadsheetLimitError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};
/** A workbook as SheetJS parses it (dense); SheetJS refuses to WRITE a cell over 32,767 characters. */
function book(rows: number, cols: number, text = 'x', dense = true): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(Array.from({ length: rows }, () => new Array(cols).fill(text)), { dense }), '名册');
  return wb;
}

describe('checkSpreadsheetBytes', () => {
  it('file size: at the cap is inspected, one byte over is refused', () => {
    const ok = xlsxParts();
    expect(checkSpreadsheetBytes('a.xlsx', ok, { limits: { ...L, maxFileBytes: ok.length } })).toBe('xlsx');
    expect(refusal(() => checkSpreadsheetBytes('a.xlsx', ok, { limits: { ...L, maxFileBytes: ok.length - 1 } }))).toMatch(/^文件「a\.xlsx」：文件有 .* MB，超过上限/);
  });

  it('declared uncompressed total over the cap is refused before inflating', () => {
    const f = xlsxParts([{ name: 'xl/big.xml', data: new Uint8Array(3000), stored: true }]);
    expect(checkSpreadsheetBytes('b.xlsx', f, { limits: { ...L, maxUncompressedBytes: 4000 } })).toBe('xlsx');
    expect(refusal(() => checkSpreadsheetBytes('b.xlsx', f, { limits: { ...L, maxUncompressedBytes: 2000 } }))).toMatch(/解压后共 .* MB，超过上限/);
  });

  it('compression ratio counts only for parts over the floor', () => {
    const f = xlsxParts([{ name: 'xl/zeros.xml', data: new Uint8Array(100_000) }]);
    expect(checkSpreadsheetBytes('c.xlsx', f)).toBe('xlsx'); // 100 kB of zeros: under the 1 MB floor
    expect(refusal(() => checkSpreadsheetBytes('c.xlsx', f, { limits: { ...L, ratioFloorBytes: 1000 } }))).toMatch(/部件“xl\/zeros\.xml”压缩比 \d+:1 超过上限 200:1/);
  });

  it('entry count', () => {
    const f = xlsxParts([{ name: 'a', data: utf8('a') }]);
    expect(checkSpreadsheetBytes('d.xlsx', f, { limits: { ...L, maxEntries: 3 } })).toBe('xlsx');
    expect(refusal(() => checkSpreadsheetBytes('d.xlsx', f, { limits: { ...L, maxEntries: 2 } }))).toMatch(/包含 3 个部件，超过上限 2 个/);
  });

  it('says what a file is and accepts only the kinds asked for (the importer asks for xlsx, xls and csv)', () => {
    const any = { accept: ['xlsx', 'xls', 'csv'] as const };
    expect(checkSpreadsheetBytes('x.xls', oleFile(['Workbook']), any)).toBe('xls');
    expect(checkSpreadsheetBytes('x.csv', utf8('a,b\n1,2'), any)).toBe('csv');
    expect(refusal(() => checkSpreadsheetBytes('x.xls', oleFile(['Workbook'])))).toMatch(/不是 \.xlsx 工作簿：这是Excel 97-2003 工作簿（\.xls）/);
    expect(refusal(() => checkSpreadsheetBytes('p.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage']), any))).toMatch(/打开密码/);
  });
});

describe('checkParsedWorkbook', () => {
  it('rows of one sheet: the read stops past the cap and the full dimension is refused', () => {
    const limits = { ...L, maxRows: 10 };
    expect(() => checkParsedWorkbook('r.xlsx', book(10, 2), limits)).not.toThrow();
    const big = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(big, XLSX.utils.aoa_to_sheet(Array.from({ length: 50 }, (_, i) => [i])), '名册');
    const read = XLSX.read(XLSX.write(big, { type: 'array', bookType: 'xlsx' }), { type: 'array', ...spreadsheetReadOptions(limits) });
    expect((read.Sheets['名册']!['!data'] as unknown[]).length).toBe(11);
    expect(refusal(() => checkParsedWorkbook('r.xlsx', read, limits))).toBe('文件「r.xlsx」 工作表「名册」：有 50 行，超过上限 10 行');
  });

  it('cells of all sheets', () => {
    expect(() => checkParsedWorkbook('c.xlsx', book(5, 4), { ...L, maxCells: 20 })).not.toThrow();
    expect(refusal(() => checkParsedWorkbook('c.xlsx', book(5, 5), { ...L, maxCells: 20 }))).toMatch(/工作表「名册」：单元格总数超过上限 20 个/);
  });

  it('merged areas: count per sheet and covered cells, a repeated area counting each time', () => {
    const merged = (refs: string[], size = 'A1:D10') => {
      const wb = book(10, 4);
      const ws = wb.Sheets['名册']!;
      ws['!ref'] = size;
      ws['!merges'] = refs.map((r) => XLSX.utils.decode_range(r));
      return wb;
    };
    const four = ['A1:B1', 'A2:B2', 'A3:B3', 'A4:B4'];
    expect(() => checkParsedWorkbook('m.xlsx', merged(four), { ...L, maxMerges: 4 })).not.toThrow();
    expect(refusal(() => checkParsedWorkbook('m.xlsx', merged([...four, 'C1:D1']), { ...L, maxMerges: 4 }))).toBe(
      '文件「m.xlsx」 工作表「名册」：有 5 个合并单元格区域，超过上限 4 个',
    );
    // 40 cells at the cap; the same area again is 80, refused (the reviewer's 5,000 copies of A1:XFD100)
    expect(() => checkParsedWorkbook('m.xlsx', merged(['A1:D10']), { ...L, maxMergedCells: 40 })).not.toThrow();
    expect(refusal(() => checkParsedWorkbook('m.xlsx', merged(['A1:D10', 'A1:D10']), { ...L, maxMergedCells: 40 }))).toBe(
      '文件「m.xlsx」 工作表「名册」：合并单元格共覆盖 80 个单元格，超过上限 40 个（疑似合并单元格炸弹）',
    );
    // only the part inside the sheet's dimension is filled, so only that part counts
    expect(() => checkParsedWorkbook('m.xlsx', merged(['A1:XFD1048576']), { ...L, maxMergedCells: 40 })).not.toThrow();
    expect(uniqueMerges(merged(['A1:B1', 'A1:B1', 'A2:B2']).Sheets['名册']!).map((m) => XLSX.utils.encode_range(m))).toEqual(['A1:B1', 'A2:B2']);
  });

  it('characters of one cell, naming sheet, row and column', () => {
    expect(() => checkParsedWorkbook('t.xlsx', book(2, 2, 'x'.repeat(L.maxCellChars)))).not.toThrow();
    expect(refusal(() => checkParsedWorkbook('t.xlsx', book(2, 2, 'x'.repeat(L.maxCellChars + 1))))).toBe(
      '文件「t.xlsx」 工作表「名册」 第1行 A列：单元格有 32768 个字符，超过上限 32767 个',
    );
    // a sheet parsed without dense (cells keyed by address) is checked the same way
    const sparse = book(3, 3, 'y', false);
    (sparse.Sheets['名册']!.C3 as XLSX.CellObject).v = 'z'.repeat(40_000);
    expect(refusal(() => checkParsedWorkbook('t.xlsx', sparse))).toMatch(/工作表「名册」 第3行 C列：单元格有 40000 个字符/);
  });
});

describe('parseUntrustedJson', () => {
  const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
  it('depth: the cap is read, one more level is refused with where it is', () => {
    expect(parseUntrustedJson('d.json', nest(JSON_LIMITS.maxDepth))).toBeTruthy();
    expect(() => parseUntrustedJson('d.json', nest(JSON_LIMITS.maxDepth + 1))).toThrow(/^文件「d\.json」：嵌套超过 32 层（第 1 行第 33 列）/);
    // brackets inside strings are text, not nesting
    expect(parseUntrustedJson('s.json', JSON.stringify({ a: '['.repeat(100) + '\\"{' }))).toEqual({ a: '['.repeat(100) + '\\"{' });
  });

  it('size', () => {
    expect(() => parseUntrustedJson('big.json', '[1,2,3]', { ...JSON_LIMITS, maxBytes: 6 })).toThrow(/超过上限/);
  });

  it('prototype keys anywhere are refused; the prototype of Object stays clean', () => {
    for (const text of ['{"__proto__":{"polluted":1}}', '[{"a":{"constructor":{"prototype":{"polluted":1}}}}]', '{"x":[{"prototype":1}]}'])
      expect(() => parseUntrustedJson('p.json', text)).toThrow(/不允许的键/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
