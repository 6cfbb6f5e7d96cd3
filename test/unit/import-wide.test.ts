// Header detection on wide files (shared/import/header.ts): the indexed matcher must pick exactly
// what the plain scan over every column picked, and find a roster's columns far to the right in a
// file as wide as the limits allow. Speed itself is measured by `npm run bench` (wide-import.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedPacks } from '../../shared/cli/seeds';
import type { LedgerColumn, LedgerSheet } from '../../shared/pack/schema';
import { decodeSpreadsheet } from '../../shared/import/decode';
import type { RawCell } from '../../shared/import/decode';
import { detectHeader, HEADER_SCAN_COLUMNS, matchColumns, normaliseHeader } from '../../shared/import/header';
import { convertChoice, initialChoice, unusedColumns } from '../../renderer/features/import/import-session';
import { parseDelimited } from '../../shared/import/text';
import { csvText, type Grid } from '../fixtures/import/make-files';
import { SCHOOL } from '../fixtures/small-school';

const pack = seedPacks().get('luojiang')!;
const staff = pack.sheets.staffList as LedgerSheet;
const classes = pack.sheets.classList as LedgerSheet;

// The matcher as it was before the index (one pass over every source column for every ledger
// column), kept here as the reference the fast one must agree with.
const BRACKETED = /[(（[［【〔<《][^)）\]］】〕>》]*[)）\]］】〕>》]/g;
const base = (t: RawCell | undefined) => (t === null || t === undefined ? '' : normaliseHeader(String(t).normalize('NFKC').replace(BRACKETED, '')));
function referenceMatch(columns: readonly LedgerColumn[], rows: readonly RawCell[][], headerRow: number): Record<string, number> {
  const all = columns.map((c) => [c.label, c.key, ...(c.aliases ?? [])]);
  const bases = all.map((ns) => new Set(ns.map(base)));
  const count = new Map<string, number>();
  for (const b of bases) for (const n of b) count.set(n, (count.get(n) ?? 0) + 1);
  const names = all.map((ns, i) => {
    const out = new Set(ns.map(normaliseHeader));
    for (const n of bases[i]!) if (count.get(n) === 1) out.add(n);
    out.delete('');
    return out;
  });
  const width = rows[headerRow]?.length ?? 0;
  const cands = Array.from({ length: width }, (_, c) => {
    const cell = rows[headerRow]?.[c] ?? null;
    const above = headerRow > 0 ? (rows[headerRow - 1]?.[c] ?? null) : null;
    const exact = [normaliseHeader(cell)];
    if (above !== null && above !== cell) exact.push(normaliseHeader(above) + normaliseHeader(cell));
    return [exact.filter(Boolean), [base(cell)].filter(Boolean)];
  });
  const mapping: Record<string, number> = {};
  const used = new Set<number>();
  for (const pass of [0, 1])
    columns.forEach((col, i) => {
      if (mapping[col.key] !== undefined) return;
      for (let c = 0; c < width; c++)
        if (!used.has(c) && cands[c]![pass]!.some((n) => names[i]!.has(n))) return void ((mapping[col.key] = c), used.add(c));
    });
  return mapping;
}

/** Header texts as files have them: the pack's own names and synonyms, decorated, and noise. */
function headerTexts(columns: readonly LedgerColumn[]): fc.Arbitrary<RawCell> {
  const names = columns.flatMap((c) => [c.label, c.key, ...(c.aliases ?? [])]);
  const dressed = fc.tuple(fc.constantFrom(...names), fc.constantFrom('', '*', '（必填）', '(格式:2025-09-01)', '\n', '　', '【', '】')).map(([n, d]) => (d === '【' ? `【${n}】` : n + d));
  return fc.oneof(dressed, fc.constantFrom('备注', '序号', '外省迁入', '本省外县迁入', '随迁子女', null, 7), fc.string({ maxLength: 6 }));
}

// The CSV splitter as it was (one character at a time), the reference for the one that slices.
function referenceSplit(text: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
    } else if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === delimiter) row.push(cell), (cell = ''), i++;
    else if (c === '\r' || c === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += c === '\r' && text[i + 1] === '\n' ? 2 : 1);
    else (cell += c), i++;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('splitting csv text', () => {
  it('gives the cells the character-by-character reading gave (quotes, doubled quotes, CRLF, tabs)', () => {
    const text = fc.array(fc.constantFrom('a', '张', ',', '\t', '"', '""', '\r', '\n', '\r\n', ' ', '1.5'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',' as const, '\t' as const), (t, d) => {
        expect(parseDelimited(t, d)).toEqual(referenceSplit(t, d));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe('header detection on wide files', () => {
  for (const [name, sheet] of [['教职工名册', staff], ['班级名册', classes]] as const) {
    it(`matches the columns exactly as the plain scan did (${name}, random headers)`, () => {
      fc.assert(
        fc.property(fc.array(fc.array(headerTexts(sheet.columns), { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (rows) => {
          for (let r = 0; r < rows.length; r++) expect(matchColumns(sheet.columns, rows, r)).toEqual(referenceMatch(sheet.columns, rows, r));
        }),
        { numRuns: 300, seed: 11 },
      );
    });
  }

  it('finds a roster under two title rows after 16,000 other columns of a csv, and imports its rows', () => {
    const filler = 16_000;
    const head = ['教师姓名', '性 别', '出生日期', '民族', '岗位类别*必填', '是否在编', '任教学段', '学历', '专业技术职务'];
    const other = (r: number) => Array.from({ length: filler }, (_, c) => `备注${r}-${c}`);
    const grid: Grid = [
      ['罗江区实验小学教职工名册'],
      ['导出时间：2025-09-01'],
      // a header cell that answers to 教师姓名 also far to the left of it: the leftmost one wins
      [...Array.from({ length: filler }, (_, c) => (c === 5 ? '姓名' : `自定义字段${c + 1}`)), ...head],
      [...other(0), '张三', '男', '1985.3', '汉族', '专任教师', '是', '小学', '本科', '中级'],
      [...other(1), '李四', '女', '1990年11月', '彝族', '专任教师', '否', '小学', '专科', '助理级'],
    ];
    const book = decodeSpreadsheet('名册.csv', new TextEncoder().encode(csvText(grid)));
    const choice = initialChoice(staff, book);
    expect(choice.headerRow).toBe(2);
    expect(choice.mapping).toEqual({ name: 5, gender: filler + 1, birth: filler + 2, ethnicity: filler + 3, post: filler + 4, inEstablishment: filler + 5, stage: filler + 6, education: filler + 7, title: filler + 8 });
    const result = convertChoice(staff, book, choice, { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' })!;
    expect(result.rows.map((r) => [r.values.gender, r.values.birth, r.values.ethnicity])).toEqual([['男', '1985-03', '汉族'], ['女', '1990-11', '彝族']]);
    // the unused columns are still all listed (the first and the last of them by letter and text)
    const unused = unusedColumns(book, choice);
    expect(unused).toHaveLength(filler);
    expect(unused[0]).toBe('A 自定义字段1');
    expect(unused.at(-1)).toBe(`WQK 教师姓名`); // the 教师姓名 the 姓名 to its left won over
  });

  it('looks at header cells up to column XFD only (a csv may be wider than Excel)', () => {
    const row = (n: number): RawCell[] => [...Array.from({ length: n }, (): RawCell => null), '教师姓名', '性别'];
    const rows = [row(HEADER_SCAN_COLUMNS - 2)];
    expect(detectHeader(staff.columns, { name: 'x', rows }).mapping).toEqual({ name: HEADER_SCAN_COLUMNS - 2, gender: HEADER_SCAN_COLUMNS - 1 });
    expect(detectHeader(staff.columns, { name: 'x', rows: [row(HEADER_SCAN_COLUMNS - 1)] }).mapping).toEqual({ name: HEADER_SCAN_COLUMNS - 1 });
  });
});
