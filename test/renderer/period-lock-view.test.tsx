// An approved (已审核) period on screen: values stay visible and copyable but cannot be changed,
// there are no row buttons, a paste is refused with a message, and a banner says how to reopen.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IndicatorSheet, LedgerSheet, StatSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { IndicatorSheetView } from '../../renderer/features/entry/indicator-sheet-view';
import { Workspace } from '../../renderer/features/workspace/workspace';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { setCell } from '../../renderer/features/entry/cells-repo';
import { approvePeriod } from '../../renderer/features/workspace/periods-repo';
import { periodOf } from '../../shared/model/period';
import { todayIso } from '../../renderer/features/workspace/periods';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

vi.mock('../../renderer/platform', () => ({ platform: { kind: 'web', saveFile: async () => ({ saved: true }) } }));

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };

beforeEach(resetAll);

function renderLedger(locked: boolean) {
  const pack = luojiang();
  renderApp(
    <LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={pack.sheets.classList as LedgerSheet} locked={locked} />,
  );
}

describe('locked sheet views', { timeout: 20_000 }, () => {
  it('ledger: inputs read-only, selects disabled, no 新增/插入/删除, paste refused', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 45 });
    renderLedger(true);
    const students = (await screen.findByTestId('cell-classList-0-students')) as HTMLInputElement;
    expect(students.value).toBe('45');
    expect(students.readOnly).toBe(true);
    expect(students.disabled).toBe(false); // still focusable, so the value can be selected and copied
    expect((screen.getByTestId('cell-classList-0-grade') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByTestId('ledger-add-row')).toBeNull();
    expect(screen.queryByTestId('ledger-insert-row-0')).toBeNull();
    expect(screen.queryByTestId('ledger-delete-row-0')).toBeNull();

    fireEvent.paste(students, { clipboardData: { getData: () => '46\r\n47\r\n' } });
    expect(await screen.findByText('本期已审核通过，数据已锁定，不能粘贴。如需修改，请先在“审核”中取消审核。')).toBeTruthy();
    expect((await listRows(CLASSES)).map((r) => r.values.students)).toEqual([45]);
  });

  it('ledger: the same sheet unlocked has its buttons and editable cells', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 45 });
    renderLedger(false);
    const students = (await screen.findByTestId('cell-classList-0-students')) as HTMLInputElement;
    expect(students.readOnly).toBe(false);
    expect(screen.getByTestId('ledger-add-row')).toBeTruthy();
    expect(screen.getByTestId('ledger-delete-row-0')).toBeTruthy();
  });

  it('statistics and indicator inputs are read-only', async () => {
    const pack = luojiang();
    await setCell({ submission: 'XNC', period: '2025-2026', sheetId: 'jj3112' }, '01:graduates', 52);
    renderApp(<StatSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={pack.sheets.jj3112 as StatSheet} locked />);
    const graduates = (await screen.findByTestId('stat-jj3112-01-graduates')) as HTMLInputElement;
    expect(graduates.value).toBe('52');
    expect(graduates.readOnly).toBe(true);

    const sheet = Object.values(pack.sheets).find((s) => s.kind === 'indicator') as IndicatorSheet;
    renderApp(<IndicatorSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={sheet} locked />);
    await waitFor(() => expect(document.querySelectorAll(`[data-testid^="ind-${sheet.id}-"]`).length).toBeGreaterThan(0));
    const entered = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`input[data-testid^="ind-${sheet.id}-"], select[data-testid^="ind-${sheet.id}-"]`)];
    expect(entered.length).toBeGreaterThan(0);
    for (const el of entered) expect(el instanceof HTMLInputElement ? el.readOnly : el.disabled).toBe(true);
  });
});

describe('Workspace on an approved period', { timeout: 30_000 }, () => {
  it('shows the lock banner, opens 审核 from it, and the 名册 is read-only', async () => {
    const year = periodOf('schoolYear', todayIso());
    await addRow({ ...CLASSES, period: year }, { stage: '小学', grade: '一年级', className: '1班', students: 40, female: 20 });
    await approvePeriod({ submission: 'XNC', period: year }, '2025-09-18');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderApp(<Workspace pack={luojiang()} school={SCHOOL} onEditSchool={() => undefined} />);
    const banner = await screen.findByTestId('locked-banner');
    expect(banner.textContent).toContain('本期已于 2025-09-18 审核通过（第 1 版），数据已锁定。如需修改，请在“审核”中取消审核。');

    await user.click(screen.getByTestId('sheet-nav-classList'));
    const cell = (await screen.findByTestId('cell-classList-0-students')) as HTMLInputElement;
    expect(cell.readOnly).toBe(true);
    expect(screen.queryByTestId('ledger-add-row')).toBeNull();

    await user.click(screen.getByTestId('locked-open-audit'));
    expect(await screen.findByTestId('audit-reopen')).toBeTruthy();
  });
});
