// Sorting a ledger by date: the rule (dated rows in order, ties by the time column, rows without
// a date last, stable), and in the grid — 排序 reorders the stored list in one step, recorded
// once in the 修改记录, undone by Ctrl+Z; the exported workbook has the rows in that order and
// reads back with matching hashes.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { listChanges } from '../../renderer/features/changes/changes-repo';
import { loadSnapshot } from '../../renderer/features/backup/snapshot';
import { dateColumns, sortMoves } from '../../renderer/features/entry/ledger-sort';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const MONTH = '2025-10';
const SAMPLES = { submission: 'SPAQ', period: MONTH, sheetId: 'sampleLog' };
const sheet = () => luojiang().sheets.sampleLog as LedgerSheet;
const meal = (date: string, dish: string, sampleTime = '11:30') => ({ date, meal: '午餐', dish, amount: 125, sampleTime, sampler: '赵敏' });
const dishes = async () => (await listRows(SAMPLES)).map((r) => r.values.dish);

beforeEach(resetAll);

describe('sortMoves', () => {
  const rows = (list: Record<string, string>[]) => list.map((values, i) => ({ id: `r${i}`, seq: (i + 1) * 10, values }));
  it('orders by the date, ties by the time, then as they were; rows without a valid date go last', () => {
    const r = rows([
      { dish: 'c', date: '2025-10-09', sampleTime: '17:30' },
      { dish: 'x', date: '十月九日' },
      { dish: 'a', date: '2025-10-08' },
      { dish: 'b', date: '2025-10-09', sampleTime: '11:30' },
      { dish: 'y' },
      { dish: 'a2', date: '2025-10-08' },
    ]);
    const apply = (moves: ReturnType<typeof sortMoves>) => {
      const seq = new Map(r.map((x) => [x.id, x.seq]));
      for (const m of moves) seq.set(m.id, m.after);
      return [...r].sort((p, q) => seq.get(p.id)! - seq.get(q.id)!).map((x) => x.values.dish);
    };
    const asc = sortMoves(r, sheet().columns, 'date', 'asc');
    expect(apply(asc)).toEqual(['a', 'a2', 'b', 'c', 'x', 'y']);
    // the list keeps its seq values; rows already in place do not move
    expect(asc.map((m) => m.after).sort((p, q) => p - q)).toEqual(asc.map((m) => m.before).sort((p, q) => p - q));
    expect(asc.find((m) => m.id === 'r5')).toBeDefined();
    expect(apply(sortMoves(r, sheet().columns, 'date', 'desc'))).toEqual(['c', 'b', 'a', 'a2', 'x', 'y']);
    const sorted = rows([{ date: '2025-10-01' }, { date: '2025-10-02' }]);
    expect(sortMoves(sorted, sheet().columns, 'date', 'asc')).toEqual([]);
  });

  it('offers the date columns of a list, none for a list without dates', () => {
    expect(dateColumns(sheet().columns).map((c) => c.label)).toEqual(['日期', '处理时间']);
    expect(dateColumns((luojiang().sheets.classList as LedgerSheet).columns)).toEqual([]);
  });
});

describe('排序 in the grid', { timeout: 30_000 }, () => {
  it('reorders the stored list in one step, recorded once; Ctrl+Z puts it back; the export follows and reads back', async () => {
    await addRow(SAMPLES, meal('2025-10-09', '番茄炒蛋'));
    await addRow(SAMPLES, meal('2025-10-08', '红烧肉'));
    await addRow(SAMPLES, meal('2025-10-09', '米饭', '07:30'));
    await addRow(SAMPLES, meal('2025-10-07', '青菜'));
    const pack = luojiang();
    renderApp(<LedgerSheetView pack={pack} school={SCHOOL} submission="SPAQ" period={MONTH} periodText="2025年10月" sheet={sheet()} />);
    await screen.findByTestId('cell-sampleLog-3-dish');
    expect(screen.queryByTestId('ledger-sort-classList')).toBeNull();

    fireEvent.click(screen.getByTestId('ledger-sort-sampleLog'));
    fireEvent.click(await screen.findByTestId('ledger-sort-sampleLog-date-asc'));
    await waitFor(async () => expect(await dishes()).toEqual(['青菜', '红烧肉', '米饭', '番茄炒蛋']));
    await waitFor(() => expect((screen.getByTestId('cell-sampleLog-0-dish') as HTMLInputElement).value).toBe('青菜'));
    const trail = await listChanges({ submission: 'SPAQ', period: MONTH });
    expect(trail.filter((c) => c.action === 'sort').map((c) => c.new)).toEqual(['按「日期」从早到晚排序（2 行换了位置）']);

    // the workbook lists the rows as the screen does, and reads back with matching hashes
    const data = await loadSnapshot({ submission: 'SPAQ', period: MONTH });
    const r = await exportReport({ pack, school: SCHOOL, data, appVersion: '1.0.0', now: new Date('2025-11-02T10:00:00+08:00') });
    const back = readReport(r.bytes, new Map([[pack.id, pack]]), { fileName: r.fileName });
    expect(back.hashMismatches).toEqual([]);
    expect(back.data.sheets.sampleLog!.rows!.map((x) => x.dish)).toEqual(['青菜', '红烧肉', '米饭', '番茄炒蛋']);

    // one undo step
    const user = userEvent.setup({ delay: null });
    (screen.getByTestId('cell-sampleLog-0-dish') as HTMLInputElement).focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await dishes()).toEqual(['番茄炒蛋', '红烧肉', '米饭', '青菜']));
    const undone = await listChanges({ submission: 'SPAQ', period: MONTH });
    expect(undone.filter((c) => c.action === 'sort').map((c) => c.reason ?? '')).toContain('撤销：按「日期」从早到晚排序');

    // newest first
    fireEvent.click(screen.getByTestId('ledger-sort-sampleLog'));
    fireEvent.click(await screen.findByTestId('ledger-sort-sampleLog-date-desc'));
    await waitFor(async () => expect(await dishes()).toEqual(['番茄炒蛋', '米饭', '红烧肉', '青菜']));
  });
});
