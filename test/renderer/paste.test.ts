// Clipboard blocks from Excel/WPS → ledger rows.
import { describe, expect, it } from 'vitest';
import type { LedgerSheet } from '../../shared/pack/schema';
import { isBlockPaste, parseClipboard, toBlock } from '../../renderer/lib/paste';
import { listRows, addRow, writeBlock } from '../../renderer/db/rows-repo';
import { luojiang, resetAll } from './helpers';

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
