// 班级名册 driven like a spreadsheet: keys move between cells (selected vs editing), a range
// copies as Excel text, Ctrl+D fills down, Delete clears, Ctrl+Z/Ctrl+Y undo and redo through
// the database and the 修改记录, refused on an approved period; long lists render a window.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { addRow, listRows, writeBlock } from '../../renderer/features/entry/rows-repo';
import { approvePeriod } from '../../renderer/features/workspace/periods-repo';
import { listChanges } from '../../renderer/features/changes/changes-repo';
import { LOCKED_UNDO } from '../../renderer/features/entry/use-grid-history';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const id = (row: number, col: string) => `cell-classList-${row}-${col}`;
const input = (row: number, col: string) => screen.getByTestId(id(row, col)) as HTMLInputElement;
const active = () => document.activeElement?.getAttribute('data-testid');
const values = async (col: string) => (await listRows(CLASSES)).map((r) => r.values[col] ?? null);

beforeEach(resetAll);

function renderSheet(locked = false) {
  const pack = luojiang();
  renderApp(
    <LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={pack.sheets.classList as LedgerSheet} locked={locked} />,
  );
}

async function threeClasses() {
  await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 40 });
  await addRow(CLASSES, { stage: '小学', grade: '二年级', className: '2班', students: 41 });
  await addRow(CLASSES, { stage: '小学', grade: '三年级', className: '3班', students: 42 });
}

/** Three classes on screen, and a keyboard to drive them. */
async function openThreeClasses() {
  const user = userEvent.setup({ delay: null });
  await threeClasses();
  renderSheet();
  await screen.findByTestId(id(2, 'students'));
  return user;
}

/** Puts the keyboard on a cell without a click (a click means editing). */
function select(row: number, col: string) {
  const el = input(row, col);
  el.focus();
  el.select();
}

describe('ledger grid keys', { timeout: 30_000 }, () => {
  it('Enter or ↓ on a filled last row opens a new row below with the cursor in it; a blank last row stays last', async () => {
    const user = await openThreeClasses();
    select(2, 'students');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(active()).toBe(id(3, 'grade'))); // 学段 starts as 小学
    expect((await listRows(CLASSES)).map((r) => r.values)).toHaveLength(4);
    expect((await listRows(CLASSES))[3]!.values).toEqual({ stage: '小学' });
    await user.keyboard('{Enter}'); // nothing typed in the new row: no second one
    select(3, 'className');
    await user.keyboard('{ArrowDown}');
    await new Promise((r) => setTimeout(r, 100));
    expect(await listRows(CLASSES)).toHaveLength(4);
    expect(active()).toBe(id(3, 'className'));
    await user.keyboard('4班{Enter}'); // typed, not yet stored: counts
    await waitFor(async () => expect(await listRows(CLASSES)).toHaveLength(5));
    expect((await listRows(CLASSES))[3]!.values.className).toBe('4班');
    await waitFor(() => expect(active()).toBe(id(4, 'grade')));
  });

  it('keys pressed while the new row is being added neither change the finished row nor add more rows', async () => {
    const user = await openThreeClasses();
    select(2, 'students');
    await user.keyboard('{Enter}9{Enter}{Enter}{ArrowDown}');
    await waitFor(() => expect(active()).toBe(id(3, 'grade')));
    await new Promise((r) => setTimeout(r, 100));
    expect(await values('students')).toEqual([40, 41, 42, null]);
    expect(await listRows(CLASSES)).toHaveLength(4);
  });

  it('arrows move a selected cell; once typing, ←/→ stay in the text; Tab, Home/End, Ctrl+Home/End', async () => {
    const user = await openThreeClasses();
    select(0, 'className');
    await user.keyboard('{ArrowRight}');
    expect(active()).toBe(id(0, 'students'));
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    expect(active()).toBe(id(1, 'className'));
    await user.keyboard('{Tab}');
    expect(active()).toBe(id(1, 'students'));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(active()).toBe(id(1, 'className'));

    await user.keyboard('X'); // type-to-edit replaces the selected text
    expect(input(1, 'className').value).toBe('X');
    await user.keyboard('{ArrowLeft}');
    expect(active()).toBe(id(1, 'className'));
    await user.keyboard('{Escape}'); // puts back what the cell held
    expect(input(1, 'className').value).toBe('2班');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '2班', '3班']));
    await user.keyboard('{ArrowLeft}');
    expect(active()).toBe(id(1, 'grade'));

    await user.keyboard('{End}');
    expect(active()).toBe(id(1, 'remark'));
    await user.keyboard('{Home}');
    expect(active()).toBe(id(1, 'stage'));
    await user.keyboard('{Control>}{End}{/Control}');
    expect(active()).toBe(id(2, 'remark'));
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(active()).toBe(id(0, 'stage'));
    await user.keyboard('{Enter}');
    expect(active()).toBe(id(1, 'stage'));
  });

  it('Shift+arrows select a range that copies as tab-separated text; Delete clears it; Ctrl+D fills down', async () => {
    const user = await openThreeClasses();
    select(0, 'className');
    await user.keyboard('{Shift>}{ArrowRight}{ArrowDown}{/Shift}');
    await waitFor(() => expect(input(1, 'students').closest('td')!.className).toContain('in-range'));
    const data = await user.copy();
    expect(data?.getData('text/plain')).toBe('1班\t40\r\n2班\t41\r\n');

    await user.keyboard('{Control>}d{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '1班', '3班']));
    expect(await values('students')).toEqual([40, 40, 42]);
    await user.keyboard('{Delete}');
    await waitFor(async () => expect(await values('className')).toEqual([null, null, '3班']));
    expect(await values('students')).toEqual([null, null, 42]);

    // one cell: Ctrl+D takes the value of the cell above
    select(2, 'students');
    await user.keyboard('{ArrowUp}{ArrowDown}');
    await user.keyboard('{Control>}d{/Control}');
    await waitFor(async () => expect(await values('students')).toEqual([null, null, null]));
  });

  it('Ctrl+Z / Ctrl+Y undo and redo typing, a paste, inserting and deleting rows — in the db and the trail', async () => {
    const user = await openThreeClasses();
    await user.click(input(0, 'students'));
    await user.clear(input(0, 'students'));
    await user.type(input(0, 'students'), '48');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await values('students')).toEqual([48, 41, 42]));

    fireEvent.paste(input(1, 'className'), { clipboardData: { getData: () => 'A班\t30\r\nB班\t31\r\nC班\t32\r\n' } });
    await waitFor(async () => expect(await values('className')).toEqual(['1班', 'A班', 'B班', 'C班']));

    select(1, 'className');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '2班', '3班']));
    expect(await values('students')).toEqual([48, 41, 42]);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await values('students')).toEqual([40, 41, 42]));
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(async () => expect(await values('students')).toEqual([48, 41, 42]));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', 'A班', 'B班', 'C班']));

    const undone = (await listChanges({ ...CLASSES })).filter((c) => c.reason?.startsWith('撤销'));
    expect(undone.map((c) => c.reason)).toContain('撤销：粘贴');
    expect(undone.find((c) => c.reason === '撤销：输入')).toMatchObject({ field: 'students', old: 48, new: 40 });

    select(1, 'className');
    await user.keyboard('{Control>}-{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', 'B班', 'C班']));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', 'A班', 'B班', 'C班']));
    select(0, 'className');
    await user.keyboard('{Control>}{Shift>}+{/Shift}{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual([null, '1班', 'A班', 'B班', 'C班']));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', 'A班', 'B班', 'C班']));
  });

  it('undo is refused with a message on an approved period', async () => {
    const user = userEvent.setup({ delay: null });
    await threeClasses();
    await approvePeriod({ submission: 'XNC', period: '2025-2026' }, '2025-09-18');
    renderSheet(true);
    await screen.findByTestId(id(2, 'students'));
    select(0, 'students');
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText(LOCKED_UNDO)).toBeTruthy();
    await user.keyboard('{Control>}d{/Control}');
    expect(await values('students')).toEqual([40, 41, 42]);
  });

  it('renders only a window of a 2,000-row list', async () => {
    await writeBlock(CLASSES, [], Array.from({ length: 2000 }, (_, i) => ({ stage: '小学', className: `${i + 1}班`, students: 40 })));
    renderSheet();
    expect(((await screen.findByTestId(id(0, 'className'))) as HTMLInputElement).value).toBe('1班');
    await screen.findByText('共 2000 行');
    const rendered = document.querySelectorAll('[data-testid="ledger-classList"] tbody tr:not(.ledger-spacer)').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(80);
    expect(screen.queryByTestId(id(1999, 'className'))).toBeNull();
  });
});
