// Reads a worksheet's XML the way Excel shows it, before SheetJS parses it, and refuses what the
// two would not agree on or what is not a figure the school typed: a formula (its cached value is
// not what the school entered), an error cell (#DIV/0!, #N/A…), a number that is not finite, a
// text index past the shared strings, a date cell that is no date, the same cell twice, rows or
// cells out of order (Excel "repairs" those, SheetJS keeps the last), content outside the declared
// dimension, more rows than the limit (empty rows count: `<row r="1048576"/>`), and a number shown
// through a format that makes Excel display another figure (`0"0"`, `;;;`, 0 on 12.4, %).
import type { CellFormat } from './number-formats';
import { SpreadsheetLimitError } from './limits';
import type { ReadLocation } from './read-errors';

export interface SheetScan {
  /** 0-based cells (r * 16384 + c) holding a number shown as a date or time */
  dateCells: Set<number>;
  cells: number;
}

export interface ScanContext {
  /** shared strings in the workbook */
  sstCount: number;
  /** the number format of each cellXfs index */
  formatOf: (style: number) => CellFormat;
  maxRows: number;
  maxCells: number;
}

const COL_LIMIT = 16384;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?$/;
// rows and cells of sheetData, with or without a namespace prefix; \b keeps <cols>, <rowBreaks> out
const TOKEN = /<(?:\w+:)?row\b([^>]*?)(\/?)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

const ATTR = { r: /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/, t: /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/, s: /(?:^|\s)s\s*=\s*(?:"([^"]*)"|'([^']*)')/ };
const FORMULA = /<(?:\w+:)?f\b/;
const VALUE = /<(?:\w+:)?(?:v|is)\b/;
const V_TEXT = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/;

function attr(attrs: string, name: keyof typeof ATTR): string | undefined {
  if (!attrs) return undefined;
  const m = ATTR[name].exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeRef(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function realIsoDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && Number(m[4] ?? 0) < 24 && Number(m[5] ?? 0) < 60 && Number(m[6] ?? 0) < 60;
}

/** Checks one worksheet part; `at` names the file and sheet. */
export function scanWorksheet(xml: string, at: ReadLocation, ctx: ScanContext): SheetScan {
  const fail = (problem: string, r?: number, c?: number): never => {
    throw new SpreadsheetLimitError(problem, { ...at, ...(r !== undefined ? { row: r + 1 } : {}), ...(c !== undefined ? { col: c + 1 } : {}) });
  };
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) fail('工作表含有 DTD 或实体声明（Excel 不接受，疑似被改动）');
  const open = xml.search(/<(?:\w+:)?sheetData\b/);
  if (open < 0) return { dateCells: new Set(), cells: 0 };
  if (xml.slice(open + 10).search(/<(?:\w+:)?sheetData\b/) >= 0) fail('工作表有两份单元格数据（sheetData），Excel 与其他程序会读出不同内容');
  const close = xml.indexOf('sheetData>', open + 10);
  const selfClosed = /^<(?:\w+:)?sheetData\b[^>]*\/>/.test(xml.slice(open, open + 200));
  const data = selfClosed ? '' : xml.slice(open, close < 0 ? xml.length : close);
  const rest = xml.slice(0, open) + (close < 0 ? '' : xml.slice(close));
  // what Excel draws over or beside the cells, or opens elsewhere
  const extra = /<(?:\w+:)?(hyperlinks|oleObjects|controls|drawing|picture)\b/.exec(rest);
  if (extra) fail(extra[1] === 'hyperlinks' ? '工作表含有超链接' : `工作表含有嵌入对象或图形（${extra[1]}）`);

  // the dimension Excel is told; content outside it is shown by Excel yet skipped by readers that trust it
  const dimRef = /<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(rest)?.[1];
  let dim: { r0: number; c0: number; r1: number; c1: number } | undefined;
  if (dimRef) {
    const [a, b] = dimRef.split(':');
    const s = decodeRef(a!);
    const e = decodeRef(b ?? a!);
    if (s && e) dim = { r0: Math.min(s.r, e.r), c0: Math.min(s.c, e.c), r1: Math.max(s.r, e.r), c1: Math.max(s.c, e.c) };
  }

  const dateCells = new Set<number>();
  let row = -1;
  let rows = 0;
  let col = -1;
  let cells = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(data); m; m = TOKEN.exec(data)) {
    if (m[3] === undefined) {
      // a <row>: explicit r must increase; without r it is the next row
      const r = attr(m[1]!, 'r');
      const next = r === undefined ? row + 1 : Number(r) - 1;
      if (!Number.isInteger(next) || next < 0) fail(`行号“${r}”无效`);
      if (next <= row) fail(next === row ? `第${next + 1}行出现了两次（Excel 会修复为一行，其他程序读出不同内容）` : `第${next + 1}行排在第${row + 1}行之后（行的顺序错乱）`, next);
      if (next >= ctx.maxRows) fail(`有 ${ctx.maxRows} 行以上，超过上限 ${ctx.maxRows} 行（第 ${next + 1} 行）`);
      if (++rows > ctx.maxRows) fail(`有 ${rows} 行以上，超过上限 ${ctx.maxRows} 行`);
      row = next;
      col = -1;
      continue;
    }
    if (row < 0) fail('单元格不在任何行内');
    const attrs = m[3];
    const ref = attr(attrs, 'r');
    let c = col + 1;
    if (ref !== undefined) {
      const p = decodeRef(ref);
      if (!p) fail(`单元格地址“${ref.slice(0, 20)}”无效`, row);
      if (p!.r !== row) fail(`单元格 ${ref} 写在第${row + 1}行内（位置自相矛盾）`, row);
      c = p!.c;
    }
    if (c >= COL_LIMIT) fail('列超出 XFD（Excel 的最大列）', row);
    if (c <= col) fail(c === col ? `单元格 ${colLetters(c)}${row + 1} 出现了两次（Excel 与其他程序会读出不同的值）` : `单元格 ${colLetters(c)}${row + 1} 排在 ${colLetters(col)}${row + 1} 之后（顺序错乱）`, row, c);
    col = c;
    if (++cells > ctx.maxCells) fail(`单元格总数超过上限 ${ctx.maxCells} 个`);
    const inner = m[4] ?? '';
    const hasValue = inner !== '' && VALUE.test(inner);
    if (inner !== '' && FORMULA.test(inner)) fail('单元格是公式：缓存的结果不是学校填写的数字，请把公式改为数值后重新导出', row, c);
    const type = attr(attrs, 't') ?? 'n';
    if (!hasValue) continue;
    if (dim && (row < dim.r0 || row > dim.r1 || c < dim.c0 || c > dim.c1))
      fail(`单元格 ${colLetters(c)}${row + 1} 在工作表声明的范围 ${dimRef} 之外（部分程序看不到它）`, row, c);
    const v = V_TEXT.exec(inner)?.[1];
    if (type === 'e') fail(`单元格是错误值 ${v ?? ''}`.trim(), row, c);
    if (type === 'n') {
      if (v === undefined || v === '') continue;
      if (!NUMBER.test(v.trim()) || !Number.isFinite(Number(v))) fail(`数值“${v.slice(0, 20)}”不是有限的数字`, row, c);
      const f = ctx.formatOf(Number(attr(attrs, 's') ?? 0));
      if (f.kind === 'date') dateCells.add(row * COL_LIMIT + c);
      else if (f.kind === 'other') fail(`数字格式“${f.code}”让 Excel 显示的不是单元格中的数值`, row, c);
      else if (f.kind === 'number' && !f.showsExactly(Number(v))) fail(`数字格式“${f.code}”让 Excel 显示的与数值 ${Number(v)} 不同`, row, c);
    } else if (type === 's') {
      const i = Number(v);
      if (!Number.isInteger(i) || i < 0 || i >= ctx.sstCount) fail(`文本索引“${v}”超出共享文本表`, row, c);
    } else if (type === 'b') {
      if (v !== '0' && v !== '1') fail(`逻辑值“${v}”无效`, row, c);
    } else if (type === 'd') {
      if (!v || !realIsoDate(v.trim())) fail(`日期“${(v ?? '').slice(0, 20)}”不是真实的日期`, row, c);
    } else if (type !== 'str' && type !== 'inlineStr') fail(`单元格类型“${type}”无效`, row, c);
  }
  return { dateCells, cells };
}
