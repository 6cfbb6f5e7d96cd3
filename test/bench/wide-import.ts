// The widest files the importer accepts (shared/xlsx/limits.ts: 3,000,000 cells, 100,000 rows;
// a CSV has no column cap of its own) through every step the import dialog runs before the
// preview, in Node: decode, header detection and column matching (chooseSheet), the mapping
// choices (sourceColumns, unusedColumns) and convert + validate. The staff list's own headers
// sit as far right as the header scan looks (column XFD), under two title rows: the worst place.
// Floor, same run: splitting the same text into lines and cells (String.split), the least any
// importer must do with these bytes. Goal: every step ≤ 2 s. Run by `npm run bench`.
import type { LedgerSheet } from '../../shared/pack/schema';
import { seedPacks } from '../../shared/cli/seeds';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { HEADER_SCAN_COLUMNS } from '../../shared/import/header';
import { convertChoice, initialChoice, sourceColumns, unusedColumns } from '../../renderer/features/import/import-session';
import { SCHOOL } from '../fixtures/small-school';

const HEAD = ['教师姓名', '性别', '出生年月', '民族', '岗位类别', '是否在编', '任教学段', '最高学历', '职称'];
const ROW = ['张老师', '女', '1980.05', '汉族', '专任教师', '是', '小学', '本科', '中级'];

/** `cols` × `rows` data cells (+ 2 title rows and the header), the roster's columns as far right
 * as the header scan looks (column XFD, HEADER_SCAN_COLUMNS), further columns after them. */
function wideCsv(cols: number, rows: number): string {
  const at = Math.min(cols, HEADER_SCAN_COLUMNS) - HEAD.length;
  // every cell distinct (nothing for a cache to share), short enough for the 50 MB cap
  const line = (r: number, roster: string[], other: (c: number) => string) =>
    Array.from({ length: cols }, (_, c) => (c >= at && c < at + HEAD.length ? roster[c - at]! : other(c))).join(',');
  const lines = ['罗江区实验小学教职工名册', '导出时间：2025-09-01', line(-1, HEAD, (c) => `字段${c + 1}`)];
  for (let r = 0; r < rows; r++) lines.push(line(r, ROW, (c) => `${r}.${c}`));
  return lines.join('\r\n');
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

export interface WideRow { file: string; cells: number; floorMs: number; decodeMs: number; headerMs: number; columnsMs: number; convertMs: number; worstMs: number; ratio: number; goal: string }

export function benchWideImport(): WideRow[] {
  const pack = seedPacks().get('luojiang')!;
  const sheet = pack.sheets.staffList as LedgerSheet;
  const target = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };
  const shapes: [number, number][] = [[16_384, 180], [300, 9_900], [150_000, 17], [2_999_000, 0]];
  const out: WideRow[] = [];
  for (const [cols, rows] of shapes) {
    const text = wideCsv(cols, rows);
    const bytes = new TextEncoder().encode(text);
    const [, floorMs] = time(() => text.split('\r\n').map((l) => l.split(',')));
    const [book, decodeMs] = time(() => decodeSpreadsheet('教职工名册.csv', bytes));
    const [choice, headerMs] = time(() => initialChoice(sheet, book));
    if (choice.headerRow !== 2 || Object.keys(choice.mapping).length !== HEAD.length) throw new Error(`表头识别不对：第 ${choice.headerRow} 行，${Object.keys(choice.mapping).length} 列`);
    const [, columnsMs] = time(() => (sourceColumns(book, choice), unusedColumns(book, choice)));
    const [, convertMs] = time(() => convertChoice(sheet, book, choice, target));
    const worst = Math.max(decodeMs, headerMs, columnsMs, convertMs);
    const r = Math.round;
    out.push({
      file: `${cols.toLocaleString('en-US')} 列 × ${(rows + 3).toLocaleString('en-US')} 行 csv`, cells: cols * (rows + 1),
      floorMs: r(floorMs), decodeMs: r(decodeMs), headerMs: r(headerMs), columnsMs: r(columnsMs), convertMs: r(convertMs), worstMs: r(worst),
      ratio: +(worst / floorMs).toFixed(1), goal: '每步 ≤ 2000 ms',
    });
  }
  return out;
}

if (process.argv[1]?.endsWith('wide-import.ts')) console.table(benchWideImport());
