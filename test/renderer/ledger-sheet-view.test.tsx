// 班级名册 as a grid: what is typed is in the database, parsed by the column's type.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet } from '../../shared/pack/schema';
import type { Finding } from '../../shared/audit/types';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { useStore } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const SAMPLES = { submission: 'SPAQ', period: '2025-10', sheetId: 'sampleLog' };

beforeEach(resetAll);

function renderSheet(sheetId: string, submission: string, period: string, findings: Finding[] = [], school = SCHOOL) {
  const pack = luojiang();
  renderApp(
    <LedgerSheetView
      pack={pack}
      school={school}
      submission={submission}
      period={period}
      periodText={period}
      sheet={pack.sheets[sheetId] as LedgerSheet}
      findings={findings}
    />,
  );
}

describe('LedgerSheetView', { timeout: 20_000 }, () => {
  it('新增一行 adds a row (学段 filled in for a 小学) and typed values persist to the db', async () => {
    const user = userEvent.setup({ delay: null });
    renderSheet('classList', 'XNC', '2025-2026');
    await user.click(screen.getByTestId('ledger-add-row'));
    const grade = (await screen.findByTestId('cell-classList-0-grade')) as HTMLSelectElement;
    expect((screen.getByTestId('cell-classList-0-stage') as HTMLSelectElement).value).toBe('小学');
    expect([...grade.options].map((o) => o.value)).toEqual(['', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级']);

    await user.selectOptions(grade, '三年级');
    await user.type(screen.getByTestId('cell-classList-0-className'), '三年级2班');
    await user.type(screen.getByTestId('cell-classList-0-students'), '４６');
    await waitFor(async () =>
      expect((await listRows(CLASSES))[0]?.values).toEqual({ stage: '小学', grade: '三年级', className: '三年级2班', students: 46 }),
    );
    expect(useStore.getState().lastSavedAt).toBeDefined();
    expect(useStore.getState().lastError).toBeUndefined();
  });

  it('Enter moves down the column, and a new row takes the cursor', async () => {
    const user = userEvent.setup({ delay: null });
    await addRow(CLASSES, { stage: '小学', className: 'A' });
    await addRow(CLASSES, { stage: '小学', className: 'B' });
    renderSheet('classList', 'XNC', '2025-2026');
    const first = await screen.findByTestId('cell-classList-0-students');
    await user.click(first);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByTestId('cell-classList-1-students'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(first);

    await user.click(screen.getByTestId('ledger-add-row'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('cell-classList-2-grade')));
  });

  it('inserts above a row and deletes after confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    await addRow(CLASSES, { stage: '小学', className: 'A' });
    await addRow(CLASSES, { stage: '小学', className: 'B' });
    renderSheet('classList', 'XNC', '2025-2026');
    await user.click(await screen.findByTestId('ledger-insert-row-1'));
    await waitFor(async () => expect((await listRows(CLASSES)).map((r) => r.values.className ?? '')).toEqual(['A', '', 'B']));

    await user.click(screen.getByTestId('ledger-delete-row-0'));
    await user.click(await screen.findByRole('button', { name: '删除' }));
    await waitFor(async () => expect((await listRows(CLASSES)).map((r) => r.values.className ?? '')).toEqual(['', 'B']));
    await waitFor(() => expect((screen.getByTestId('cell-classList-1-className') as HTMLInputElement).value).toBe('B'));
    expect(screen.queryByTestId('cell-classList-2-className')).toBeNull();
  });

  it('dates typed loosely are stored as yyyy-mm-dd and shown so after leaving the cell', async () => {
    await addRow(SAMPLES, { dish: '米饭' });
    renderSheet('sampleLog', 'SPAQ', '2025-10');
    const date = (await screen.findByTestId('cell-sampleLog-0-date')) as HTMLInputElement;
    fireEvent.focus(date);
    fireEvent.change(date, { target: { value: '2025/10/8' } });
    await waitFor(async () => expect((await listRows(SAMPLES))[0]?.values.date).toBe('2025-10-08'));
    expect(date.value).toBe('2025/10/8');
    fireEvent.blur(date);
    await waitFor(() => expect(date.value).toBe('2025-10-08'));
  });

  it('pasting a block copied from Excel fills cells and adds rows', async () => {
    await addRow(CLASSES, { stage: '小学', className: 'A' });
    renderSheet('classList', 'XNC', '2025-2026');
    const start = await screen.findByTestId('cell-classList-0-grade');
    const text = '一年级\t一年级1班\t45\r\n二年级\t二年级1班\t46\r\n';
    fireEvent.paste(start, { clipboardData: { getData: () => text } });
    await waitFor(async () =>
      expect((await listRows(CLASSES)).map((r) => r.values)).toEqual([
        { stage: '小学', grade: '一年级', className: '一年级1班', students: 45 },
        { stage: '小学', grade: '二年级', className: '二年级1班', students: 46 },
      ]),
    );
    expect(await screen.findByText('已粘贴 2 行，其中新增 1 行')).toBeTruthy();
    await waitFor(() => expect((screen.getByTestId('cell-classList-1-students') as HTMLInputElement).value).toBe('46'));
  });

  it('marks a cell that fails the audit, with the message on hover', async () => {
    const id = await addRow(CLASSES, { stage: '小学', grade: '一年级', className: 'A', students: 40, female: 41 });
    const finding: Finding = {
      key: `XNC-BJMC-02|classList|${id}|female`, ruleId: 'XNC-BJMC-02', severity: 'error', sheetId: 'classList',
      sheetTitle: '班级名册', row: { kind: 'ledger', index: 0, id }, colKey: 'female', cell: 'F4',
      message: '班级名册 第1行「女」(F4)：女生数不得大于学生数（41 > 40）',
    };
    renderSheet('classList', 'XNC', '2025-2026', [finding]);
    const td = (await screen.findByTestId('cell-classList-0-female')).closest('td')!;
    expect(td.className).toContain('cell-error');
    expect(td.getAttribute('title')).toBe(finding.message);
    expect(screen.getByTestId('cell-classList-0-students').closest('td')!.className).not.toContain('cell-error');
  });
});
