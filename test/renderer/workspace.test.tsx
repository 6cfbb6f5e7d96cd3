// The workspace end to end inside jsdom: navigation, live audit, jump-to-cell and export.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Workspace } from '../../renderer/features/workspace/workspace';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { periodOf } from '../../shared/model/period';
import { todayIso } from '../../renderer/features/workspace/periods';
import { runAudit, countBySeverity } from '../../shared/audit/run';
import { loadSnapshot } from '../../renderer/features/backup/snapshot';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const saveFile = vi.fn(async (_name: string, _bytes: Uint8Array) => ({ saved: true }));
vi.mock('../../renderer/platform', () => ({ platform: { kind: 'web', saveFile: (n: string, b: Uint8Array) => saveFile(n, b) } }));

const YEAR = periodOf('schoolYear', todayIso());
const CLASSES = { submission: 'XNC', period: YEAR, sheetId: 'classList' };

beforeEach(async () => {
  await resetAll();
  saveFile.mockClear();
});

async function errorCount(): Promise<number> {
  const data = await loadSnapshot({ submission: 'XNC', period: YEAR });
  return countBySeverity(runAudit({ pack: luojiang(), school: SCHOOL, data })).errors;
}

function renderWorkspace() {
  renderApp(<Workspace pack={luojiang()} school={SCHOOL} onEditSchool={() => undefined} />);
}

describe('Workspace', { timeout: 30_000 }, () => {
  it('opens the current 学年 of the first submission at its 封面, listing the sheets of a 小学', async () => {
    renderWorkspace();
    expect(await screen.findByTestId('cover-schoolName')).toHaveProperty('textContent', SCHOOL.name);
    expect(screen.getByTestId('pick-period').textContent).toContain(`${YEAR} 学年`);
    expect(screen.getByTestId('period-due').textContent).toContain(`截止 ${YEAR.slice(0, 4)}-09-20`);
    for (const id of ['cover', 'classList', 'jj3112', 'jj2106']) expect(screen.getByTestId(`sheet-nav-${id}`)).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toContain('已保存');
  });

  it('audit lists findings by rule; clicking one opens the sheet and focuses the cell', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 40, female: 20 });
    await addRow(CLASSES, { stage: '小学', grade: '二年级', className: '2班', students: 40, female: 41 });
    const errors = await errorCount();
    expect(errors).toBeGreaterThanOrEqual(2); // 女 > 学生数 in the list, and #女 > 总计 in 3112
    renderWorkspace();
    await user.click(await screen.findByTestId('audit-open'));
    const summary = await screen.findByTestId('audit-summary');
    await waitFor(() => expect(summary.textContent).toContain(`逻辑校验 ${errors} 条`));
    expect(summary.textContent).toContain('经验校验 0 条');
    expect(screen.getByTestId('audit-approve')).toHaveProperty('disabled', true);

    await user.click(screen.getByTestId('finding-XNC-BJMC-02'));
    const cell = await screen.findByTestId('cell-classList-1-female');
    await waitFor(() => expect(document.activeElement).toBe(cell));
    expect(cell.closest('td')!.className).toContain('cell-error');
  });

  it('a period without errors can be approved, which the header and 封面 show', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 40, female: 20 });
    renderWorkspace();
    await user.click(await screen.findByTestId('audit-open'));
    const approve = await screen.findByTestId('audit-approve');
    await waitFor(() => expect(approve).toHaveProperty('disabled', false));
    await user.click(approve);
    await waitFor(() => expect(screen.getByTestId('period-status').textContent).toBe('已审核 · 第 1 版'));
    // the 封面 reads the period record on its own: it follows a moment later
    await waitFor(() => expect(screen.getByTestId('cover-status').textContent).toBe('已审核'));
    expect(screen.getByTestId('cover-reportDate').textContent).toBe(todayIso());
  });

  it('export with errors asks first, then hands the workbook to the platform', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await addRow(CLASSES, { stage: '小学', grade: '二年级', className: '2班', students: 40, female: 41 });
    const errors = await errorCount();
    renderWorkspace();
    await user.click(await screen.findByTestId('export-button'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(`存在 ${errors} 条逻辑校验错误，导出的为草稿，仍要导出吗？`);
    await user.click(within(dialog).getByRole('button', { name: '仍要导出' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const [name, bytes] = saveFile.mock.calls[0]!;
    expect(name).toBe(`5106260001_罗江区实验小学_XNC_${YEAR}.xlsx`);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip (xlsx) file
    expect(await screen.findByText(new RegExp(`已导出草稿：5106260001_罗江区实验小学_XNC_${YEAR}.xlsx`))).toBeTruthy();
  });

  it('switching to the monthly 食品安全月报 offers 12 months and its own sheets', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderWorkspace();
    await user.click(within(await screen.findByTestId('pick-submission')).getByRole('combobox'));
    await user.click((await screen.findAllByTitle('食品安全月报')).at(-1)!);
    await waitFor(() => expect(screen.getByTestId('sheet-nav-sampleLog')).toBeTruthy());
    expect(screen.queryByTestId('sheet-nav-classList')).toBeNull();
    await user.click(within(screen.getByTestId('pick-period')).getByRole('combobox'));
    const month = periodOf('month', todayIso());
    const [y, m] = month.split('-').map(Number);
    expect((await screen.findAllByTitle(`${y}年${m}月`)).length).toBeGreaterThan(0);
    expect(document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').length).toBeGreaterThanOrEqual(10);
  });
});
