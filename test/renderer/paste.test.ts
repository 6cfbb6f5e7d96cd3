// Clipboard blocks from Excel/WPS → ledger rows.
import { describe, expect, it } from 'vitest';
import type { LedgerSheet } from '../../shared/pack/schema';
import { isBlockPaste, parseClipboard, toBlock } from '../../renderer/features/entry/paste';
import { listRows, addRow, writeBlock } from '../../renderer/features/entry/rows-repo';
import { luojiang, resetAll, SCHOOL } from './helpers';
import { mapPastedValues, pasteProblems } from '../../renderer/features/import/use-paste-check';
import { newRowDefaults } from '../../shared/pack/row-defaults';

describe('parseClipboard', () => {
  it('splits Excel text into rows and cells, dropping the trailing newline', () => {
    expect(parseClipboard('小学\t一年级\t1班\t45\r\n小学\t二年级\t2班\t46\r\n')).toEqual([
      ['小学', '一年级', '1班', '45'],
      ['小学', '二年级', '2班', '46'],
    ]);
  });

  it('keeps empty cells and quoted cells with line breaks and quotes', () => {
    expect(parseClipboard('a\t\tc\n"多行\n备注"\t"说""明"\n')).toEqual([
      ['a', '', 'c'],
      ['多行\n备注', '说"明'],
    ]);
  });

  it('tells a block from a single value', () => {
    expect(isBlockPaste('45\r\n')).toBe(false);
    expect(isBlockPaste('一年级1班')).toBe(false);
    expect(isBlockPaste('45\t21')).toBe(true);
    expect(isBlockPaste('45\n46\n')).toBe(true);
  });
});

describe('toBlock and writeBlock', () => {
  const sheet = () => luojiang().sheets.classList as LedgerSheet;

  it('maps cells onto columns from the start column, parsed by type, ignoring overflow', () => {
    const cols = sheet().columns;
    const start = cols.findIndex((c) => c.key === 'className');
    const block = toBlock([['1班', '４５', '21'], ['2班', 'x', '']], cols, start);
    expect(block).toEqual([
      { className: '1班', students: 45, female: 21 },
      { className: '2班', students: 'x', female: null },
    ]);
    const last = cols.length - 1;
    expect(toBlock([['备注', '多余']], cols, last)).toEqual([{ remark: '备注' }]);
  });

  it('overwrites existing rows from the start row and appends the rest, in order', async () => {
    await resetAll();
    const ref = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
    await addRow(ref, { stage: '小学', className: 'A', students: 1 });
    const b = await addRow(ref, { stage: '小学', className: 'B', students: 2 });
    const added = await writeBlock(ref, [b], [{ className: 'B2', students: 20 }, { className: 'C' }, { className: 'D' }], { stage: '小学' });
    expect(added).toBe(2);
    expect((await listRows(ref)).map((r) => r.values)).toEqual([
      { stage: '小学', className: 'A', students: 1 },
      { stage: '小学', className: 'B2', students: 20 },
      { stage: '小学', className: 'C' },
      { stage: '小学', className: 'D' },
    ]);
  });
});

describe('a paste is cleaned and checked as typed', () => {
  const sheet = () => luojiang().sheets.classList as LedgerSheet;

  it('removes NUL and other control characters, keeps a line break in 备注', () => {
    const cols = sheet().columns;
    const start = cols.findIndex((c) => c.key === 'className');
    const text = '1\u0000班\t4\u00075\r\n"2班"\t46\n';
    const block = toBlock(parseClipboard(text), cols, start);
    expect(block).toEqual([{ className: '1班', students: 45 }, { className: '2班', students: 46 }]);
    const remark = cols.findIndex((c) => c.key === 'remark');
    expect(toBlock(parseClipboard('"转入\r\n两名\uFFFE"\tx\n'), cols, remark)).toEqual([{ remark: '转入\n两名' }]);
  });

  it('new rows get the defaults (学段 of a 小学) before the check: no 学段 error for a block without it', () => {
    const p = luojiang();
    const cols = sheet().columns;
    const start = cols.findIndex((c) => c.key === 'grade');
    const block = toBlock(parseClipboard('一年级\t一年级1班\t40\n二年级\t二年级1班\t38\n'), cols, start);
    const input = { pack: p, school: SCHOOL, submission: 'XNC', period: '2025-2026', sheet: sheet(), rows: [], defaults: newRowDefaults(p, SCHOOL.type, cols) };
    expect(input.defaults).toEqual({ stage: '小学' });
    expect(pasteProblems(input, 0, block)).toEqual([]);
    // a wrong 年级 for the filled 学段 is still caught: the check sees the row with its 学段
    const bad = toBlock(parseClipboard('七年级\t七年级1班\t40\n'), cols, start);
    expect(pasteProblems(input, 0, bad).map((x) => x.colKey)).toEqual(['grade']);
  });
});

describe('a paste goes through the school\'s 对应 as an import does', () => {
  it('a remembered answer converts the pasted value; one still unknown is listed once with its count', () => {
    const p = luojiang();
    const staff = p.sheets.staffList as LedgerSheet;
    const cols = staff.columns;
    const start = cols.findIndex((c) => c.key === 'subject');
    const block = toBlock(parseClipboard('心理健康\n心理健康\n书法\n语文\n'), cols, start);
    const input = { pack: p, school: SCHOOL, submission: 'XNC', period: '2025-2026', sheet: staff, rows: [], defaults: newRowDefaults(p, SCHOOL.type, cols) };
    // without a map: the unknown values are errors, each listed for the 对应 step
    const none = mapPastedValues(input, 0, block, {});
    expect(none.block.map((r) => r.subject)).toEqual(['心理健康', '心理健康', '书法', '语文']);
    expect(none.choices.map((c) => [c.value, c.count, c.to])).toEqual([['心理健康', 2, undefined], ['书法', 1, undefined]]);
    expect(pasteProblems(input, 0, none.block).filter((x) => x.colKey === 'subject').map((x) => x.index)).toEqual([0, 1, 2]);
    // with the school's answer for 心理健康: converted, no longer an error; 书法 still is
    const mapped = mapPastedValues(input, 0, block, { subject: { 心理健康: '其他' } });
    expect(mapped.block.map((r) => r.subject)).toEqual(['其他', '其他', '书法', '语文']);
    expect(mapped.choices.map((c) => [c.value, c.to])).toEqual([['心理健康', '其他'], ['书法', undefined]]);
    expect(pasteProblems(input, 0, mapped.block).filter((x) => x.colKey === 'subject').map((x) => x.index)).toEqual([2]);
    // only the pasted cells come back: the row's other values (defaults) are not written by the paste
    expect(Object.keys(mapped.block[0]!)).toEqual(['subject']);
  });
});
