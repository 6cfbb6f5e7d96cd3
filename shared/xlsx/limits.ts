// Limits on untrusted spreadsheet files (docs/limits.md). Two gates around SheetJS:
//   1. checkSpreadsheetBytes — BEFORE parsing: size cap, kind by magic bytes (.xlsx, .xls,
//      password-protected xlsx, .ods, text/CSV), and for a zip the central directory (entry
//      count, declared uncompressed total, compression ratio, truncation, overlap) and each
//      part's real inflated size counted without inflating (deflate-count.ts).
//   2. checkParsedWorkbook — AFTER parsing (with SPREADSHEET_READ_OPTIONS, which stop SheetJS
//      past the row cap) but before the cells are materialised into grids: rows and cells per
//      sheet from its dimension, merged areas (count per sheet, total area), and the length of
//      every text cell.
// Every refusal is a SpreadsheetLimitError: a ReportReadError naming the file (and sheet, row,
// column where known) that states the limit, so the CLI exits 2 and the UI shows it as is.
import type * as XLSX from 'xlsx';
import { ReportReadError, type ReadLocation } from './read-errors';
import { inspectZip, ZipProblem } from './zip-inspect';
import { DeflateProblem, inflatedSize, inflateExact } from './deflate-count';

export const SPREADSHEET_LIMITS = {
  /** bytes of the file as given */
  maxFileBytes: 50 * 1024 * 1024,
  /** parts in the zip (a 校表通 export has about 30; Excel workbooks rarely pass a few hundred) */
  maxEntries: 2000,
  /** declared uncompressed bytes of all parts together (what SheetJS would allocate) */
  maxUncompressedBytes: 300 * 1024 * 1024,
  /** uncompressed ÷ compressed of one part; only checked for parts over ratioFloorBytes */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** rows of one sheet (its dimension); a school's longest list (学生 of a big school) is ~10,000 */
  maxRows: 100_000,
  /** cells of all sheets together (rows × columns of each dimension) */
  maxCells: 3_000_000,
  /** characters of one cell, as in Excel */
  maxCellChars: 32_767,
  /** merged areas of one sheet (a bureau template has a few hundred at most) */
  maxMerges: 10_000,
  /** cells covered by merged areas within each sheet's dimension, all sheets together; a repeated
   * or overlapping area counts each time (Excel itself calls overlapping merges a damaged file).
   * The importer fills every covered cell, so this bounds that work. */
  maxMergedCells: 3_000_000,
};
export type SpreadsheetLimits = typeof SPREADSHEET_LIMITS;

export type SpreadsheetKind = 'xlsx' | 'xls' | 'csv';

export class SpreadsheetLimitError extends ReportReadError {
  constructor(problem: string, at: ReadLocation) {
    super(problem, at);
    this.name = 'SpreadsheetLimitError';
  }
}

/** Options for XLSX.read that bound its work: no formulas, HTML, VBA or styles; stop past the row cap. */
export function spreadsheetReadOptions(limits: SpreadsheetLimits = SPREADSHEET_LIMITS): XLSX.ParsingOptions {
  return {
    dense: true, sheetRows: limits.maxRows + 1, cellFormula: false, cellHTML: false, cellText: false,
    cellDates: false, cellStyles: false, bookVBA: false, bookDeps: false, bookFiles: false, WTF: false,
  };
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const KIND_LABEL: Record<SpreadsheetKind, string> = { xlsx: 'Excel 工作簿（.xlsx）', xls: 'Excel 97-2003 工作簿（.xls）', csv: '文本文件（.csv）' };

function isOle(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 512 && sig.every((x, i) => b[i] === x);
}

/** Whether the bytes hold `name` as a UTF-16LE directory-entry name (OLE stores names that way). */
function hasUtf16Name(b: Uint8Array, name: string): boolean {
  const pat = new Uint8Array(name.length * 2 + 2);
  for (let i = 0; i < name.length; i++) pat[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Text (CSV, TSV, HTML saved as .xls…): no NUL byte early on, unless it starts with a UTF-16 BOM. */
function textKind(b: Uint8Array): 'csv' | 'html' | undefined {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'csv';
  const head = b.subarray(0, 4096);
  if (head.includes(0)) return undefined;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c /* < */ ? 'html' : 'csv';
}

function checkZip(fileName: string, b: Uint8Array, limits: SpreadsheetLimits, parts?: Map<string, Uint8Array>, maxInflated?: number): 'xlsx' {
  const fail = (problem: string): never => {
    throw new SpreadsheetLimitError(problem, { file: fileName });
  };
  let entries;
  try {
    entries = inspectZip(b, limits.maxEntries);
  } catch (e) {
    if (e instanceof ZipProblem) return fail(`无法打开：${e.message}`);
    throw e;
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) fail('是 OpenDocument 表格（.ods），请在 WPS/Excel 中另存为 .xlsx');
  if (names.has('xl/workbook.bin')) fail('是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx');
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) fail('无法打开：是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）');
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > limits.ratioFloorBytes && e.uncompressed > e.compressed * limits.maxRatio)
      fail(`部件“${e.name}”压缩比 ${Math.round(e.uncompressed / Math.max(1, e.compressed))}:1 超过上限 ${limits.maxRatio}:1（疑似压缩炸弹）`);
    // a deflated part that declares no size would be inflated without bound by SheetJS
    if (e.method === 8 && e.uncompressed === 0 && e.compressed > 2) fail(`部件“${e.name}”没有声明解压后的大小（文件已损坏或被改动）`);
  }
  if (total > limits.maxUncompressedBytes) fail(`解压后共 ${mb(total)}，超过上限 ${mb(limits.maxUncompressedBytes)}（疑似压缩炸弹）`);
  if (maxInflated !== undefined && total > maxInflated) fail(`解压后共 ${mb(total)}，超过报表的上限 ${mb(maxInflated)}`);
  // the declared sizes are only words: count what each part really inflates to (no bytes produced)
  for (const e of entries) {
    let real = e.compressed;
    if (parts && !e.name.endsWith('/')) {
      // the caller wants the parts: inflate each once, bounded by its declared size
      let content: Uint8Array | undefined;
      try {
        content = e.method === 8 ? inflateExact(b.subarray(e.dataStart, e.dataEnd), e.uncompressed) : b.subarray(e.dataStart, e.dataEnd);
      } catch (x) {
        if (x instanceof DeflateProblem) fail(`无法打开：部件“${e.name}”的压缩数据已损坏（${x.message}）`);
        throw x;
      }
      if (content && content.length === e.uncompressed) {
        parts.set(e.name, content);
        continue;
      }
      // not the declared size: say how, as the count below does
    }
    if (e.method === 8) {
      try {
        real = inflatedSize(b.subarray(e.dataStart, e.dataEnd), e.uncompressed);
      } catch (x) {
        if (x instanceof DeflateProblem) fail(`无法打开：部件“${e.name}”的压缩数据已损坏（${x.message}）`);
        throw x;
      }
      if (real > e.uncompressed) fail(`部件“${e.name}”解压后超过声明的 ${e.uncompressed} 字节（疑似压缩炸弹）`);
    }
    if (real !== e.uncompressed) fail(`无法打开：部件“${e.name}”的大小与声明不符（文件已损坏）`);
  }
  return 'xlsx';
}

/**
 * Checks an untrusted spreadsheet file before any parser sees it, and says what it is.
 * Refuses (SpreadsheetLimitError) an empty or oversized file, a corrupt/truncated/bomb zip, a
 * password-protected workbook, .ods/.xlsb, unknown binaries, and any kind not in `accept`.
 */
export function checkSpreadsheetBytes(
  fileName: string,
  bytes: Uint8Array,
  opts: { accept?: readonly SpreadsheetKind[]; limits?: SpreadsheetLimits; /** filled with every part of an .xlsx, inflated */ parts?: Map<string, Uint8Array>; /** declared bytes of all parts, checked before inflating */ maxInflated?: number } = {},
): SpreadsheetKind {
  const limits = opts.limits ?? SPREADSHEET_LIMITS;
  const accept = opts.accept ?? ['xlsx'];
  const fail = (problem: string): never => {
    throw new SpreadsheetLimitError(problem, { file: fileName });
  };
  if (bytes.length === 0) fail('文件是空的');
  if (bytes.length > limits.maxFileBytes) fail(`文件有 ${mb(bytes.length)}，超过上限 ${mb(limits.maxFileBytes)}`);
  let kind: SpreadsheetKind;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) kind = checkZip(fileName, bytes, limits, opts.parts, opts.maxInflated);
  else if (isOle(bytes)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage')) fail('工作簿设置了打开密码（已加密），请在 Excel/WPS 中取消密码后另存为 .xlsx');
    if (!hasUtf16Name(bytes, 'Workbook') && !hasUtf16Name(bytes, 'Book')) fail('是 Office 文档，但不是 Excel 工作簿');
    kind = 'xls';
  } else {
    const text = textKind(bytes);
    if (text === 'html') fail('是网页或 XML 文件（常见于其他系统导出的“假 .xls”），请在 Excel/WPS 中打开后另存为 .xlsx');
    if (!text) fail('不是电子表格文件（无法识别的二进制内容）');
    kind = 'csv';
  }
  if (!accept.includes(kind)) fail(`不是 .xlsx 工作簿：这是${KIND_LABEL[kind]}，请在 Excel/WPS 中另存为 .xlsx`);
  return kind;
}

/** After XLSX.read with spreadsheetReadOptions: rows, cells and text length per sheet within limits. */
export function checkParsedWorkbook(fileName: string, wb: XLSX.WorkBook, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): void {
  let cells = 0;
  let merged = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const ref = (ws?.['!fullref'] as string | undefined) ?? ws?.['!ref'];
    if (!ws || !ref) continue;
    const at = { file: fileName, sheet: name };
    const m = /^\$?([A-Z]{1,3})?\$?(\d+)?(?::\$?([A-Z]{1,3})?\$?(\d+)?)?$/i.exec(ref);
    if (!m) throw new SpreadsheetLimitError(`工作表范围“${ref.slice(0, 40)}”无效`, at);
    const [r0, r1] = [Number(m[2] ?? 1), Number(m[4] ?? m[2] ?? 1)];
    const [c0, c1] = [colNumber(m[1] ?? 'A'), colNumber(m[3] ?? m[1] ?? 'A')];
    const rows = Math.abs(r1 - r0) + 1;
    // without a declared dimension SheetJS stops at maxRows + 1 (sheetRows): the real count is unknown
    const count = rows === limits.maxRows + 1 ? `${limits.maxRows} 行以上` : `${rows} 行`;
    if (rows > limits.maxRows) throw new SpreadsheetLimitError(`有 ${count}，超过上限 ${limits.maxRows} 行`, at);
    cells += rows * (Math.abs(c1 - c0) + 1);
    if (cells > limits.maxCells) throw new SpreadsheetLimitError(`单元格总数超过上限 ${limits.maxCells} 个`, at);
    merged += mergedArea(ws, at, { r0: Math.min(r0, r1) - 1, r1: Math.max(r0, r1) - 1, c0: Math.min(c0, c1) - 1, c1: Math.max(c0, c1) - 1 }, limits);
    if (merged > limits.maxMergedCells)
      throw new SpreadsheetLimitError(`合并单元格共覆盖 ${merged} 个单元格，超过上限 ${limits.maxMergedCells} 个（疑似合并单元格炸弹）`, at);
    const data = ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined;
    const check = (cell: XLSX.CellObject | undefined, r: number, c: number) => {
      if (typeof cell?.v === 'string' && cell.v.length > limits.maxCellChars)
        throw new SpreadsheetLimitError(`单元格有 ${cell.v.length} 个字符，超过上限 ${limits.maxCellChars} 个`, { ...at, row: r + 1, col: c + 1 });
    };
    if (data) data.forEach((row, r) => row?.forEach((cell, c) => check(cell, r, c)));
    else
      for (const [key, cell] of Object.entries(ws)) {
        const a = /^([A-Z]+)(\d+)$/.exec(key); // skips !ref, !merges and the like
        if (a) check(cell as XLSX.CellObject, Number(a[2]) - 1, colNumber(a[1]!) - 1);
      }
  }
}

/** A sheet's merged areas without repeats: the same area listed 5,000 times is one area. */
export function uniqueMerges(ws: XLSX.WorkSheet): XLSX.Range[] {
  const seen = new Map<string, XLSX.Range>();
  for (const m of ws['!merges'] ?? []) seen.set(`${m.s.r},${m.s.c},${m.e.r},${m.e.c}`, m);
  return [...seen.values()];
}

/** Cells the merged areas cover inside the sheet's range (0-based), refusing too many areas. */
function mergedArea(ws: XLSX.WorkSheet, at: ReadLocation, box: { r0: number; r1: number; c0: number; c1: number }, limits: SpreadsheetLimits): number {
  const count = ws['!merges']?.length ?? 0;
  if (count > limits.maxMerges) throw new SpreadsheetLimitError(`有 ${count} 个合并单元格区域，超过上限 ${limits.maxMerges} 个`, at);
  let area = 0;
  for (const m of ws['!merges'] ?? []) {
    const rows = Math.min(m.e.r, box.r1) - Math.max(m.s.r, box.r0) + 1;
    const cols = Math.min(m.e.c, box.c1) - Math.max(m.s.c, box.c0) + 1;
    if (rows > 0 && cols > 0) area += rows * cols;
  }
  return area;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
