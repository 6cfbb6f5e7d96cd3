// Roster files as schools have them: .xlsx, .xls, CSV in GBK / UTF-8 (BOM or not) / UTF-16, tab text.
import { describe, expect, it } from 'vitest';
import { decodeSpreadsheet, IMPORT_LIMITS } from '../../shared/import/decode';
import { detectEncoding, parseDelimited } from '../../shared/import/text';
import { csvText, gbk, STAFF_ROWS, utf16be, utf16le, utf8, workbookBytes } from '../fixtures/import/make-files';

const firstCells = (bytes: Uint8Array, name = 'staff.csv') => decodeSpreadsheet(name, bytes).sheets[0]!.rows;

describe('decodeSpreadsheet', () => {
  it('reads .xlsx and .xls (BIFF8) workbooks, every sheet, merged areas filled', () => {
    const sheets = [
      { name: '说明', rows: [['本表由人事系统导出']] },
      { name: '名册', rows: STAFF_ROWS, merges: ['A1:I1'] },
    ];
    for (const bookType of ['xlsx', 'biff8'] as const) {
      const book = decodeSpreadsheet(`名册.${bookType === 'xlsx' ? 'xlsx' : 'xls'}`, workbookBytes(sheets, bookType));
      expect(book.kind).toBe(bookType === 'xlsx' ? 'xlsx' : 'xls');
      expect(book.sheets.map((s) => s.name)).toEqual(['说明', '名册']);
      const rows = book.sheets[1]!.rows;
      expect(rows[0]![8]).toBe('罗江区实验小学2025年秋季教职工名册'); // the merged title fills A1:I1
      expect(rows[2]!.slice(0, 3)).toEqual(['张三', '男', '1985.3']);
    }
  });

  it('reads CSV in GBK, UTF-8 with and without BOM, UTF-16 LE/BE with BOM and LE without', () => {
    const text = csvText(STAFF_ROWS);
    const cases: [string, Uint8Array][] = [
      ['gb18030', gbk(text)],
      ['utf-8', utf8(text, true)],
      ['utf-8', utf8(text, false)],
      ['utf-16le', utf16le(text, true)],
      ['utf-16le', utf16le(text, false)],
      ['utf-16be', utf16be(text)],
    ];
    for (const [encoding, bytes] of cases) {
      expect(detectEncoding(bytes)).toBe(encoding);
      const book = decodeSpreadsheet('教职工.csv', bytes);
      expect(book.encoding).toBe(encoding);
      expect(book.sheets[0]!.name).toBe('教职工');
      expect(book.sheets[0]!.rows[1]![0]).toBe('教师姓名');
      expect(book.sheets[0]!.rows[3]!.slice(0, 3)).toEqual(['李四', '女', '1990年11月']);
    }
  });

  it('keeps commas, doubled quotes and line breaks inside quoted CSV cells; reads tab-separated text', () => {
    const rows = [['姓名', '备注'], ['张三', '住址：德阳市,罗江区'], ['李四', '他说"好"'], ['王五', '第一行\n第二行']];
    expect(firstCells(utf8(csvText(rows), false))).toEqual(rows);
    expect(parseDelimited('a,"b,""c""\r\nd",e\n', ',')).toEqual([['a', 'b,"c"\r\nd', 'e']]);
    expect(firstCells(utf8(csvText(rows, '\t'), false), '名单.txt')).toEqual(rows);
  });

  it('refuses empty, encrypted, non-spreadsheet and over-limit files with a message naming the file', () => {
    expect(() => decodeSpreadsheet('空.csv', new Uint8Array())).toThrow(/文件「空\.csv」.*空/);
    expect(() => decodeSpreadsheet('空白.csv', utf8(',,\r\n,,\r\n', false))).toThrow(/文件「空白\.csv」.*没有任何数据/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeSpreadsheet('照片.xlsx', png)).toThrow(/文件「照片\.xlsx」.*不是电子表格/);
    expect(() => decodeSpreadsheet('说明.pdf', utf8('%PDF-1.7\n\u0001\u0002 stream', false))).toThrow(/文件「说明\.pdf」/);
    // an OLE file holding EncryptedPackage is how Excel stores a password-protected .xlsx
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) ole[600 + i * 2] = name.charCodeAt(i);
    expect(() => decodeSpreadsheet('加密.xlsx', ole)).toThrow(/文件「加密\.xlsx」.*密码/);
    const big = csvText(Array.from({ length: IMPORT_LIMITS.maxRows + 2 }, () => ['x']));
    expect(() => decodeSpreadsheet('大.csv', utf8(big, false))).toThrow(new RegExp(`文件「大\\.csv」.*${IMPORT_LIMITS.maxRows} 行`));
  });
});
