// Selection and clipboard of the grids: the text a range copies pastes back cell for cell,
// here and in Excel (tabs, line breaks and quotes quoted as Excel does).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clearChanges, fillDownChanges, quoteTsvCell, rangeTexts, rectOf, toTsv } from '../../renderer/features/entry/grid-range';
import { parseClipboard } from '../../renderer/features/entry/paste';

describe('TSV copy', () => {
  it('quotes only cells with a tab, line break or quote, doubling quotes', () => {
    expect(quoteTsvCell('三年级（2）班')).toBe('三年级（2）班');
    expect(quoteTsvCell('a\tb')).toBe('"a\tb"');
    expect(quoteTsvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(quoteTsvCell('他说"好"')).toBe('"他说""好"""');
    expect(toTsv([['a', '1'], ['b', '']])).toBe('a\t1\r\nb\t\r\n');
  });

  it('round trips through the paste parser: tabs, newlines, quotes, Chinese, full-width digits', () => {
    const sample = [
      ['小学', '三年级', '三年级（２）班', '４６'],
      ['含\t制表符', '两行\r\n文字', '"引号"开头', '末尾"'],
      ['', '', '', ''],
    ];
    expect(parseClipboard(toTsv(sample))).toEqual(sample.map((r) => r.map((c) => c.replace(/\r\n/g, '\n'))));
    const cell = fc.oneof(fc.string(), fc.constantFrom('\t', '\n', '"', '""', '４６', '三年级', 'a"b', ' '));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.array(cell, { minLength: 20, maxLength: 20 }), (rows, cols, pool) => {
        const grid = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => pool[(i * cols + j) % pool.length]!.replace(/\r/g, '')));
        // a lone empty cell copies as an empty line, which Excel pastes as nothing either
        fc.pre(!(cols === 1 && grid.some((r) => r[0] === '')));
        expect(parseClipboard(toTsv(grid))).toEqual(grid);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ranges', () => {
  const rows: { id: string; values: Record<string, string | number | null> }[] = [
    { id: 'a', values: { grade: '一年级', students: 40 } },
    { id: 'b', values: { grade: '二年级', students: 41 } },
    { id: 'c', values: { students: 42 } },
  ];
  const keys = ['grade', 'students', 'remark'];

  it('normalises either direction and reads texts as shown', () => {
    const r = rectOf({ anchor: { row: 2, col: 1 }, end: { row: 0, col: 0 } });
    expect(r).toEqual({ top: 0, bottom: 2, left: 0, right: 1 });
    expect(rangeTexts(rows, keys, r)).toEqual([['一年级', '40'], ['二年级', '41'], ['', '42']]);
  });

  it('fill down copies the top row into the rows below; clear empties filled cells only', () => {
    const r = { top: 0, bottom: 2, left: 0, right: 1 };
    expect(fillDownChanges(rows, keys, r)).toEqual([
      { target: 'b', col: 'grade', before: '二年级', after: '一年级' },
      { target: 'b', col: 'students', before: 41, after: 40 },
      { target: 'c', col: 'grade', before: null, after: '一年级' },
      { target: 'c', col: 'students', before: 42, after: 40 },
    ]);
    expect(fillDownChanges(rows, keys, r, new Set(['grade'])).map((c) => c.col)).toEqual(['students', 'students']);
    expect(clearChanges(rows, keys, { top: 1, bottom: 2, left: 0, right: 2 })).toEqual([
      { target: 'b', col: 'grade', before: '二年级', after: null },
      { target: 'b', col: 'students', before: 41, after: null },
      { target: 'c', col: 'students', before: 42, after: null },
    ]);
  });
});
