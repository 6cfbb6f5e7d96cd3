// The grid behaving like Excel (issue 11 item 8), in jsdom: a Shift+click range takes Ctrl+D
// and Delete; a paste with bad cells can be written whole, the bad cells marked red as typed
// ones are; an enum dropdown keeps every value chosen by quick ↓ presses while the writes are
// still on their way.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { useLiveQuery } from 'dexie-react-hooks';
import { checkLedger } from '../../shared/audit/ledger-checks';
import { ledgerContext } from '../../shared/import/convert';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const id = (row: number, col: string) => `cell-classList-${row}-${col}`;
const cell = (row: number, col: string) => screen.getByTestId(id(row, col)) as HTMLInputElement;
const values = async (col: string) => (await listRows(CLASSES)).map((r) => r.values[col] ?? null);

beforeEach(resetAll);

async function openClasses(n: number) {
  for (let i = 0; i < n; i++) await addRow(CLASSES, { stage: '小学', grade: '一年级', className: `${i + 1}班`, students: 40 + i });
  const pack = luojiang();
  renderApp(<LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={pack.sheets.classList as LedgerSheet} />);
  await screen.findByTestId(id(n - 1, 'students'));
  return userEvent.setup({ delay: null });
}

/** 班级名册 with the audit's findings on its cells, as the workspace shows it. */
function AuditedClasses() {
  const pack = luojiang();
  const sheet = pack.sheets.classList as LedgerSheet;
  const rows = useLiveQuery(() => listRows(CLASSES), []);
  const ctx = ledgerContext({ pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' });
  const findings = rows ? checkLedger(sheet, rows.map((r) => ({ id: r.id, ...r.values })), ctx) : [];
  return <LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={sheet} findings={findings} />;
}

describe('grid like Excel', { timeout: 30_000 }, () => {
  it('a Shift+click range fills down with Ctrl+D and clears with Delete', async () => {
    const user = await openClasses(4);
    await user.click(cell(0, 'className'));
    await user.keyboard('{Shift>}');
    await user.click(cell(2, 'students'));
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(cell(2, 'students').closest('td')!.className).toContain('in-range'));
    expect(cell(1, 'className').closest('td')!.className).toContain('in-range');
    expect(cell(3, 'students').closest('td')!.className).not.toContain('in-range');

    await user.keyboard('{Control>}d{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '1班', '1班', '4班']));
    expect(await values('students')).toEqual([40, 40, 40, 43]);

    // the other way round (anchor below, Shift+click above), then Delete clears the range
    await user.click(cell(3, 'students'));
    await user.keyboard('{Shift>}');
    await user.click(cell(2, 'className'));
    await user.keyboard('{/Shift}{Delete}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '1班', null, null]));
    expect(await values('students')).toEqual([40, 40, null, null]);
  });

  it('全部粘贴 writes a block with bad cells whole; the bad cells keep their text and are marked red', async () => {
    await addRow(CLASSES, { stage: '小学', className: 'A' });
    renderApp(<AuditedClasses />);
    const text = '一年级\t1班\t40\r\n七年级\t2班\t38\r\n二年级\t3班\t四十\r\n';
    fireEvent.paste(await screen.findByTestId(id(0, 'grade')), { clipboardData: { getData: () => text } });
    await screen.findByTestId('paste-check');
    expect(screen.getByTestId('paste-accept').textContent).toContain('只粘贴正确的 1 行');
    expect(await values('className')).toEqual(['A']); // nothing written before the choice
    fireEvent.click(screen.getByTestId('paste-accept-all'));
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '2班', '3班']));
    expect(await values('grade')).toEqual(['一年级', '七年级', '二年级']);
    expect(await values('students')).toEqual([40, 38, '四十']);
    await waitFor(() => expect(cell(2, 'students').closest('td')!.className).toContain('cell-error'));
    expect(cell(1, 'grade').closest('td')!.className).toContain('cell-error');
    expect(cell(1, 'grade').closest('td')!.title).toContain('七年级');
    expect(cell(0, 'students').closest('td')!.className).not.toContain('cell-error');
    expect(cell(2, 'students').value).toBe('四十');
    // one step: Ctrl+Z takes the whole paste back
    const user = userEvent.setup({ delay: null });
    cell(0, 'className').focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['A']));
  });

  it('quick ↓ presses in a dropdown each move one option, though the writes of earlier ones are still coming back', async () => {
    await openClasses(2);
    const sel = screen.getByTestId(id(0, 'grade')) as unknown as HTMLSelectElement;
    sel.focus();
    const options = [...sel.options].map((o) => o.value);
    expect(sel.value).toBe('一年级');
    // what a closed <select> does on ↓: the next option, from the one shown now
    const down = () => {
      sel.selectedIndex += 1;
      fireEvent.change(sel);
    };
    for (let i = 0; i < 4; i++) down();
    const want = options[options.indexOf('一年级') + 4];
    expect(want).toBe('五年级');
    expect(sel.value).toBe(want);
    await waitFor(async () => expect(await values('grade')).toEqual([want, '一年级']));
    // the writes came back in between: still the last one chosen, and ↓ goes on from there
    expect(sel.value).toBe(want);
    down();
    await waitFor(async () => expect(await values('grade')).toEqual(['六年级', '一年级']));
    expect(sel.value).toBe('六年级');
  });
});
