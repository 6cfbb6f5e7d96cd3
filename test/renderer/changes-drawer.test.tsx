// The 修改记录 drawer and the reason-required 取消审核 dialog: what the administrator reads
// (labels from the pack, newest first), what each filter leaves, and the exported workbook.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as XLSX from 'xlsx';
import { ChangesDrawer } from '../../renderer/features/changes/changes-drawer';
import { ReopenDialog } from '../../renderer/features/workspace/reopen-dialog';
import { AuditPanel } from '../../renderer/features/audit/audit-panel';
import { db } from '../../renderer/db/db';
import { addRow, deleteRow, updateCell } from '../../renderer/features/entry/rows-repo';
import { setCell } from '../../renderer/features/entry/cells-repo';
import { approvePeriod, getPeriod, reopenPeriod } from '../../renderer/features/workspace/periods-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { todayIso } from '../../renderer/features/workspace/periods';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const saveFile = vi.fn(async (_name: string, _bytes: Uint8Array) => ({ saved: true }));
vi.mock('../../renderer/platform', () => ({ platform: { kind: 'web', saveFile: (n: string, b: Uint8Array) => saveFile(n, b) } }));

const REF = { submission: 'XNC', period: '2025-2026' };
const CLASSES = { ...REF, sheetId: 'classList' };
const user = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

/** The table's body rows as the text of each cell. */
function tableRows(): string[][] {
  const body = screen.getByTestId('changes-table').querySelectorAll('tbody tr.ant-table-row');
  return [...body].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
}

async function pick(testId: string, option: string | RegExp) {
  const u = user();
  await u.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await u.click(options[options.length - 1]!);
}

beforeEach(async () => {
  await resetAll();
  saveFile.mockClear();
  await saveSchool(SCHOOL);
  const a = await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 45 });
  const b = await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '2班', students: 44 });
  await updateCell(b, 'students', 46);
  await deleteRow(a);
  await setCell({ ...REF, sheetId: 'jj3112' }, '01:graduates', 52);
  await approvePeriod(REF, '2025-09-18');
  await reopenPeriod(REF, '教育局退回：毕业生数有误');
  // another period's change never shows under this one
  await addRow({ ...CLASSES, period: '2024-2025' }, { className: '旧' });
});
afterEach(() => vi.restoreAllMocks());

const renderDrawer = () =>
  renderApp(<ChangesDrawer open onClose={() => {}} pack={luojiang()} school={SCHOOL} submission="XNC" period="2025-2026" />);

describe('ChangesDrawer', { timeout: 30_000 }, () => {
  it('lists the period newest first, in Chinese, with rows numbered as they stand now', async () => {
    renderDrawer();
    await waitFor(() => expect(tableRows()).toHaveLength(7));
    const rows = tableRows().map((r) => r.slice(1));
    expect(rows[0]).toEqual(['张老师', '整个报表', '', '', '已审核 → 草稿', '取消审核', '教育局退回：毕业生数有误']);
    expect(rows[1]).toEqual(['张老师', '整个报表', '', '', '草稿 → 已审核（第 1 版）', '审核通过', '']);
    expect(rows[2]!.slice(0, 3)).toEqual(['张老师', '教基3112 小学分类型学生数', '01 总计']);
    expect(rows[2]![3]).toContain('毕业生数');
    expect(rows[2]!.slice(4)).toEqual(['（空） → 52', '修改', '']);
    // 1班 was deleted, so 2班 is now row 1
    expect(rows[3]).toEqual(['张老师', '班级名册', '已删除的行', '', '小学 / 一年级 / 1班 / 45 → （空）', '删除行', '']);
    expect(rows[4]).toEqual(['张老师', '班级名册', '第 1 行', '学生数', '44 → 46', '修改', '']);
    expect(rows[6]![4]).toBe('（空） → 小学 / 一年级 / 1班 / 45');
  });

  it('filters by sheet, by action and by text', async () => {
    renderDrawer();
    await waitFor(() => expect(tableRows()).toHaveLength(7));
    await pick('changes-sheet', '班级名册');
    await waitFor(() => expect(tableRows()).toHaveLength(4));
    await pick('changes-action', '修改');
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(tableRows()[0]![5]).toBe('44 → 46');
    await pick('changes-action', '新增行');
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    const search = within(screen.getByTestId('changes-text')).getByRole('searchbox');
    const u = user();
    await u.click(search);
    await u.paste('2班');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(tableRows()[0]![5]).toBe('（空） → 小学 / 一年级 / 2班 / 44');
  });

  it('another period shows its own changes', async () => {
    renderDrawer();
    await waitFor(() => expect(tableRows()).toHaveLength(7));
    await pick('changes-period', /^2024-2025/);
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(tableRows()[0]![6]).toBe('新增行');
  });

  it('导出 Excel saves the filtered list as {学校标识码}_{学校名称}_修改记录_{日期}.xlsx', async () => {
    renderDrawer();
    await waitFor(() => expect(tableRows()).toHaveLength(7));
    await pick('changes-action', '修改');
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    await user().click(screen.getByTestId('changes-export'));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const [name, bytes] = saveFile.mock.calls[0]!;
    expect(name).toBe(`5106260001_罗江区实验小学_修改记录_${todayIso()}.xlsx`);
    const ws = XLSX.read(bytes, { type: 'array' }).Sheets['修改记录']!;
    expect(String(ws['A2'].v)).toContain('共 2 条（操作：修改）');
    expect([ws['D4'].v, ws['G4']?.v, ws['H4'].v, ws['I4'].v]).toEqual(['教基3112 小学分类型学生数', undefined, 52, '修改']);
    expect([ws['D5'].v, ws['E5'].v, ws['F5'].v, ws['G5'].v, ws['H5'].v]).toEqual(['班级名册', '第 1 行', '学生数', 44, 46]);
    expect(ws['A6']).toBeUndefined();
  });
});

describe('ReopenDialog (取消审核)', { timeout: 30_000 }, () => {
  it('refuses an empty reason, then passes the written reason on', async () => {
    const onConfirm = vi.fn(async (_reason: string) => {});
    renderApp(<ReopenDialog open periodText="2025-2026学年" version={2} onCancel={() => {}} onConfirm={onConfirm} />);
    expect((await screen.findByText(/再次审核通过时为第 3 版/)).textContent).toContain('取消后第 2 版不再有效');
    const u = user();
    await u.click(screen.getByTestId('reopen-confirm'));
    expect((await screen.findByTestId('reopen-reason-error')).textContent).toBe('请填写取消审核的原因');
    expect(onConfirm).not.toHaveBeenCalled();
    await u.click(screen.getByTestId('reopen-reason'));
    await u.paste('  教育局退回重报 ');
    await u.click(screen.getByTestId('reopen-confirm'));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('教育局退回重报'));
  });
});

describe('AuditPanel 取消审核', { timeout: 30_000 }, () => {
  it('asks for the reason, reopens the period and records the reason in the trail', async () => {
    await approvePeriod(REF, '2025-09-19');
    renderApp(<AuditPanel open onClose={() => {}} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheets={[]} findings={[]} />);
    const u = user();
    await u.click(await screen.findByTestId('audit-reopen'));
    await u.click(await screen.findByTestId('reopen-confirm'));
    await screen.findByTestId('reopen-reason-error');
    expect((await getPeriod(REF))?.status).toBe('已审核');
    await u.click(screen.getByTestId('reopen-reason'));
    await u.paste('补录转入学生');
    await u.click(screen.getByTestId('reopen-confirm'));
    await waitFor(async () => expect((await getPeriod(REF))?.status).toBe('草稿'));
    const last = await db.changes.orderBy('id').last();
    expect(last).toMatchObject({ action: 'reopen', who: '张老师', old: '已审核', new: '草稿', reason: '补录转入学生' });
    expect((await getPeriod(REF))?.version).toBe(2);
  });
});
