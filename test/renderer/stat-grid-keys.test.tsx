// 教基3112's entered cells like a spreadsheet: arrows and Enter move between entered cells,
// a block pasted from Excel is checked whole (non-negative integers, nothing on a computed or
// blocked cell) and written at once, and Ctrl+Z / Ctrl+Y undo and redo it in the database.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StatSheet } from '../../shared/pack/schema';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { listCells } from '../../renderer/features/entry/cells-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const REF = { submission: 'XNC', period: '2025-2026', sheetId: 'jj3112' };

beforeEach(resetAll);

/** The kinds of the table's cells by [row][column], read from the screen. */
function layout(): { testId: string; kind: string }[][] {
  const rows = [...document.querySelectorAll('[data-testid="stat-jj3112"] tbody tr')];
  return rows
    .map((tr) => [...tr.querySelectorAll<HTMLElement>('[data-kind]')].map((el) => ({ testId: el.dataset.testid!, kind: el.dataset.kind! })))
    .filter((r) => r.length > 0);
}

/** First entered cell whose neighbour below is entered too, and one whose right neighbour is not. */
function pickCells() {
  const grid = layout();
  let pair: [string, string] | undefined;
  let onComputed: string | undefined;
  grid.forEach((row, r) =>
    row.forEach((c, j) => {
      const below = grid[r + 1]?.[j];
      const right = row[j + 1];
      if (c.kind !== 'entered') return;
      if (below?.kind === 'entered') pair ??= [c.testId, below.testId];
      if (right && right.kind !== 'entered') onComputed ??= c.testId;
    }),
  );
  return { pair: pair!, onComputed: onComputed! };
}

describe('statistics sheet grid', { timeout: 30_000 }, () => {
  it('Enter moves down to the next entered cell; a pasted block is written whole, or refused whole; undo/redo', async () => {
    const user = userEvent.setup({ delay: null });
    const pack = luojiang();
    renderApp(<StatSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={pack.sheets.jj3112 as StatSheet} />);
    await waitFor(() => expect(layout().length).toBeGreaterThan(2));
    const { pair, onComputed } = pickCells();
    const [top, below] = pair.map((t) => screen.getByTestId(t) as HTMLInputElement);
    const key = (el: HTMLInputElement) => `${el.dataset.code}:${el.dataset.col}`;

    top!.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(below);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(top);

    fireEvent.paste(top!, { clipboardData: { getData: () => '１２\r\n7\r\n' } });
    await waitFor(async () => expect(await listCells(REF)).toEqual({ [key(top!)]: 12, [key(below!)]: 7 }));
    await waitFor(() => expect(below!.value).toBe('7'));

    fireEvent.paste(top!, { clipboardData: { getData: () => '5\r\n三\r\n' } });
    expect(await screen.findByText(/粘贴内容第 2 行第 1 列“三”.*不是 0 或正整数，没有粘贴任何数据/)).toBeTruthy();
    fireEvent.paste(screen.getByTestId(onComputed), { clipboardData: { getData: () => '5\t6\r\n' } });
    expect(await screen.findByText(/落在自动计算的格子|落在不填的格子/)).toBeTruthy();
    expect(await listCells(REF)).toEqual({ [key(top!)]: 12, [key(below!)]: 7 });

    top!.focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await listCells(REF)).toEqual({}));
    await waitFor(() => expect(top!.value).toBe(''));
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(async () => expect(await listCells(REF)).toEqual({ [key(top!)]: 12, [key(below!)]: 7 }));
  });
});
