// Grids of the district summary workbook other than the 基表 themselves (those reuse the school's
// layout-stat.ts): a plain bordered table in the same look — title merged, 填报单位 line, one
// header row, a 甲/乙/1… column-number row, rows, the signature line — for the breakdowns,
// 报送情况 and the indicator sheets.
import { cell, textWidth, type CellRole, type GridCell, type GridValue, type SheetGrid } from '../xlsx/grid';

export interface PlainTable {
  name: string;
  title: string;
  unitOf: string;
  /** the signature line (signatureLine of the bureau's context) */
  sign: string;
  header: string[];
  /** how many leading columns are labelled 甲, 乙, 丙 … in the number row; the rest are numbered 1, 2 … (a breakdown's
   * 学校数 is 丁, so its data columns keep the 基表's numbers) */
  textColumns: number;
  rows: GridValue[][];
  /** text columns that hold codes (学校标识码, 代码): written as text */
  codeColumns?: number[];
}

const LETTERS = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'];

/** Excel's 31-character sheet names without []:*?/\ , unique within `taken`. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name);
  return name;
}

export function plainGrid(t: PlainTable): SheetGrid {
  const W = Math.max(2, t.header.length);
  const blank = (role: CellRole) => Array.from({ length: W }, () => cell(null, role));
  const rows: GridCell[][] = [];
  const title = blank('title');
  title[0] = cell(t.title, 'title');
  rows.push(title);
  const sub = blank('subtitle');
  sub[0] = cell(t.unitOf, 'subtitle');
  rows.push(sub);
  rows.push(t.header.map((h) => cell(h, 'header')));
  rows.push(t.header.map((_, i) => cell(i < t.textColumns ? (LETTERS[i] ?? '') : String(i - t.textColumns + 1), 'number')));
  const codes = new Set(t.codeColumns ?? []);
  for (const r of t.rows) {
    rows.push(
      r.map((v, i) => {
        if (codes.has(i)) return cell(v === null ? null : String(v), 'code');
        if (v === '-') return cell('-', 'blocked');
        return cell(v, typeof v === 'number' ? 'data' : 'label');
      }),
    );
  }
  const lastData = rows.length;
  rows.push(blank('data'));
  const sign = blank('sign');
  sign[0] = cell(t.sign, 'sign');
  rows.push(sign);
  const widths = t.header.map((h, i) => {
    const longest = Math.max(textWidth(h), ...t.rows.slice(0, 200).map((r) => textWidth(String(r[i] ?? ''))));
    return Math.min(40, Math.max(i < t.textColumns ? 8 : 10, longest + 2));
  });
  return {
    name: t.name,
    kind: 'stat',
    rows,
    merges: [[1, 1, 1, W], [2, 1, 2, W], [rows.length, 1, rows.length, W]],
    widths,
    freeze: { xSplit: Math.min(t.textColumns, 3), ySplit: 4 },
    printTitleRows: [3, 4],
    table: { top: 3, left: 1, bottom: lastData, right: W },
  };
}
