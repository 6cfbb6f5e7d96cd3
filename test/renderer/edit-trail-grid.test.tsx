// Typing several keys into a grid cell leaves exactly one 修改记录 entry (old → final), though
// the first key is written at once and the rest when the cursor leaves; Esc back to the old
// value leaves none; the cursor coming back to the cell starts a new entry. Ledger and
// statistics sheets alike.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet, StatSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { listCells } from '../../renderer/features/entry/cells-repo';
import { db } from '../../renderer/db/db';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const J3112 = { ...CLASSES, sheetId: 'jj3112' };
const edits = async () => (await db.changes.orderBy('id').toArray()).filter((c) => c.action === 'edit').map((c) => [c.field, c.old ?? null, c.new ?? null]);

beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
});

describe('one 修改记录 entry per cell edit, typed in the grid', { timeout: 30_000 }, () => {
  it('ledger: 9, 2, 3 typed into a cell, Enter → one entry 40 → 923; Esc leaves none; a second visit is a second entry', async () => {
    const user = userEvent.setup({ delay: null });
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 40 });
    await addRow(CLASSES, { stage: '小学', grade: '二年级', className: '2班', students: 41 });
    await db.changes.clear();
    const pack = luojiang();
    renderApp(<LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={pack.sheets.classList as LedgerSheet} />);
    const cell = (r: number) => screen.getByTestId(`cell-classList-${r}-students`) as HTMLInputElement;
    await screen.findByTestId('cell-classList-1-students');
    const students = async () => (await listRows(CLASSES)).map((r) => r.values.students);

    await user.click(cell(0));
    await user.clear(cell(0));
    await waitFor(async () => expect(await students()).toEqual([undefined, 41])); // the first key is on disk at once
    await user.keyboard('9');
    await user.keyboard('23{Enter}');
    await waitFor(async () => expect(await students()).toEqual([923, 41]));
    expect(await edits()).toEqual([['students', 40, 923]]);

    // row 2 now has the cursor: a key and Esc put the old value back — no entry
    await user.keyboard('5');
    await waitFor(async () => expect(await students()).toEqual([923, 5]));
    await user.keyboard('{Escape}');
    await waitFor(async () => expect(await students()).toEqual([923, 41]));
    expect(await edits()).toEqual([['students', 40, 923]]);

    // back into the first cell: a new edit, a new entry
    await user.keyboard('{ArrowUp}');
    await user.keyboard('{F2}{Backspace}4{Tab}');
    await waitFor(async () => expect(await students()).toEqual([924, 41]));
    expect(await edits()).toEqual([
      ['students', 40, 923],
      ['students', 923, 924],
    ]);
  });

  it('statistics sheet: several keys into an entered cell → one entry 空 → final', async () => {
    const user = userEvent.setup({ delay: null });
    const pack = luojiang();
    renderApp(<StatSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={pack.sheets.jj3112 as StatSheet} />);
    await waitFor(() => expect(document.querySelector('[data-testid="stat-jj3112"] [data-kind=entered]')).not.toBeNull());
    const el = document.querySelector<HTMLInputElement>('[data-testid="stat-jj3112"] [data-kind=entered]')!;
    const key = `${el.dataset.code}:${el.dataset.col}`;
    await user.click(el);
    await user.keyboard('1');
    await waitFor(async () => expect(await listCells(J3112)).toEqual({ [key]: 1 }));
    await user.keyboard('25{Enter}');
    await waitFor(async () => expect(await listCells(J3112)).toEqual({ [key]: 125 }));
    expect(await edits()).toEqual([[key, null, 125]]);
  });
});
