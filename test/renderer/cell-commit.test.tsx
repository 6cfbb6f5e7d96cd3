// How typing reaches the database: the first change at once, a burst of keys held briefly
// (shown as 保存中…), everything on leaving the cell, and nothing while an IME composes pinyin.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { LedgerSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { SaveStatus } from '../../renderer/features/workspace/save-status';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };

beforeEach(resetAll);

async function renderClassList() {
  const pack = luojiang();
  renderApp(
    <>
      <SaveStatus />
      <LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年"
        sheet={pack.sheets.classList as LedgerSheet} />
    </>,
  );
  return screen.findByTestId('cell-classList-0-className') as Promise<HTMLInputElement>;
}

const stored = async (key: string) => (await listRows(CLASSES))[0]?.values[key];

describe('cell commits', () => {
  it('writes the first change at once, holds a burst, and flushes it on blur', async () => {
    await addRow(CLASSES, { stage: '小学' });
    const input = await renderClassList();
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '一' } });
    await waitFor(async () => expect(await stored('className')).toBe('一'));

    fireEvent.change(input, { target: { value: '一年' } });
    fireEvent.change(input, { target: { value: '一年级1班' } });
    expect(screen.getByTestId('save-status').dataset.state).toBe('saving');
    expect(await stored('className')).toBe('一');

    fireEvent.blur(input);
    await waitFor(async () => expect(await stored('className')).toBe('一年级1班'));
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.state).toBe('saved'));
  });

  it('a held burst is written by itself shortly after the typing stops', async () => {
    await addRow(CLASSES, { stage: '小学' });
    const input = await renderClassList();
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.change(input, { target: { value: '1班' } });
    await waitFor(async () => expect(await stored('className')).toBe('1班'), { timeout: 2000 });
  });

  it('does not store pinyin while an IME is composing; stores the characters when it ends', async () => {
    await addRow(CLASSES, { stage: '小学' });
    const input = await renderClassList();
    fireEvent.focus(input);
    fireEvent.compositionStart(input);
    input.value = 'yi';
    fireEvent.input(input, { isComposing: true });
    input.value = 'yinian';
    fireEvent.input(input, { isComposing: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(await stored('className')).toBeUndefined();
    expect(input.value).toBe('yinian');

    input.value = '一年';
    fireEvent.input(input, { isComposing: true });
    fireEvent.compositionEnd(input, { data: '一年' });
    await waitFor(async () => expect(await stored('className')).toBe('一年'));
  });
});
