// 从 Excel 导入 on a ledger, and a paste validated whole: only valid rows are written, in one
// transaction; 取消 and a locked period write nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LedgerSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { ImportDialog } from '../../renderer/features/import/import-dialog';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { approvePeriod } from '../../renderer/features/workspace/periods-repo';
import { listChanges } from '../../renderer/features/changes/changes-repo';
import { importRows, TRAIL_ROWS_MAX } from '../../renderer/features/import/import-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';
import { workbookBytes, type Grid } from '../fixtures/import/make-files';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const FILE: Grid = [
  ['罗江区实验小学2025年秋季班级名册'],
  ['学段', '年级', '班级', '学生人数', '女生'],
  ['小学', '一年级', '1班', 40, 20],
  ['小学', '七年级', '2班', 38, 18],
  [null, null, null, null, null],
  ['小学', '二年级', '3班', 45, 22],
];

beforeEach(resetAll);

function renderSheet(locked = false) {
  const pack = luojiang();
  renderApp(
    <LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={pack.sheets.classList as LedgerSheet} locked={locked} />,
  );
}

function renderDialog() {
  const pack = luojiang();
  const target = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };
  renderApp(<ImportDialog open sheet={pack.sheets.classList as LedgerSheet} target={target} defaults={{ stage: '小学' }} onClose={() => {}} />);
}

async function pickFile(rows: Grid = FILE, name = '班级名册.xlsx') {
  const file = new File([workbookBytes([{ name: '名册', rows, merges: ['A1:E1'] }]) as BlobPart], name);
  fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });
  return screen.findByTestId('import-summary');
}

const values = async () => (await listRows(CLASSES)).map((r) => r.values.className);

describe('ImportDialog', { timeout: 60_000 }, () => {
  it('appends only the valid rows, lists the problem with row and column, records each added row', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '三年级', className: '原有班' });
    renderSheet();
    fireEvent.click(await screen.findByTestId('ledger-import-classList'));
    const summary = await pickFile();
    expect(summary.textContent).toContain('共 3 行数据（跳过空行 1 行），其中 1 行有错误、不会导入，可导入 2 行');
    expect((screen.getByTestId('import-header-row') as HTMLInputElement).value).toBe('2');
    fireEvent.click(screen.getByRole('tab', { name: /问题/ }));
    const problems = await screen.findByTestId('import-problems');
    expect(within(problems).getByText(/“七年级”不在可选值/)).toBeTruthy();
    expect(within(problems).getByText('B 年级')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect(await values()).toEqual(['原有班', '1班', '3班']));
    expect((await listRows(CLASSES))[1]!.values).toEqual({ stage: '小学', grade: '一年级', className: '1班', students: 40, female: 20 });
    const changes = await listChanges({ submission: 'XNC', period: '2025-2026', sheetId: 'classList' });
    expect(changes.filter((c) => c.action === 'addRow')).toHaveLength(3);
  });

  it('replaces the existing rows when asked; the removed rows are in the 修改记录', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '三年级', className: '旧1' });
    await addRow(CLASSES, { stage: '小学', grade: '三年级', className: '旧2' });
    renderDialog();
    await pickFile();
    fireEvent.click(screen.getByLabelText(/替换现有数据/));
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect(await values()).toEqual(['1班', '3班']));
    const changes = await listChanges({ submission: 'XNC', period: '2025-2026', sheetId: 'classList' });
    expect(changes.filter((c) => c.action === 'deleteRow').map((c) => c.old)).toEqual(expect.arrayContaining(['小学 / 三年级 / 旧1', '小学 / 三年级 / 旧2']));
  });

  it('writes nothing on 取消', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '三年级', className: '原有班' });
    renderSheet();
    fireEvent.click(await screen.findByTestId('ledger-import-classList'));
    await pickFile();
    fireEvent.click(screen.getByTestId('import-cancel'));
    await waitFor(() => expect(screen.queryByTestId('import-summary')).toBeNull());
    expect(await values()).toEqual(['原有班']);
  });

  it('is refused on a period approved meanwhile, writing nothing', async () => {
    renderDialog();
    await pickFile();
    await approvePeriod({ submission: 'XNC', period: '2025-2026' }, '2025-09-20');
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByTestId('import-error')).textContent).toMatch(/数据未作任何修改.*本期已审核通过（第 1 版）/);
    expect(await values()).toEqual([]);
  });

  it('shows the refusal of a file that is not a spreadsheet, naming it', async () => {
    renderDialog();
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])], '照片.png');
    fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });
    expect((await screen.findByTestId('import-error')).textContent).toContain('文件「照片.png」');
  });

  it('a file without 学段 in a 小学: 学段 is filled before the check, cleaned text is named, rows are written with it', async () => {
    renderSheet();
    fireEvent.click(await screen.findByTestId('ledger-import-classList'));
    const rows: Grid = [['一年级班级名册（无学段列）'], ['年级', '班级', '学生人数', '备注'], ['一年级', '1班', 40, '转入\u0000两名'], ['二年级', '2班', 38, null]];
    const summary = await pickFile(rows);
    expect(summary.textContent).toContain('共 2 行数据，都没有错误，可导入 2 行');
    fireEvent.click(screen.getByRole('tab', { name: /问题/ }));
    const problems = await screen.findByTestId('import-problems');
    expect(within(problems).getByText(/「备注」含有无法保存到 Excel 文件的字符（控制字符 U\+0000），已删除/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect((await listRows(CLASSES)).map((r) => [r.values.stage, r.values.remark ?? null])).toEqual([['小学', '转入两名'], ['小学', null]]));
  });

  it('a locked sheet has no import button', async () => {
    renderSheet(true);
    await screen.findByTestId('ledger-classList');
    expect(screen.queryByTestId('ledger-import-classList')).toBeNull();
  });
});

describe('importRows', { timeout: 30_000 }, () => {
  it('records a big import as one 修改记录 entry per direction, all rows written', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '旧' });
    const rows = Array.from({ length: TRAIL_ROWS_MAX + 1 }, (_, i) => ({ grade: '一年级', className: `${i}班`, students: 30 }));
    expect(await importRows(CLASSES, rows, 'replace', { stage: '小学' }, '大名册.xlsx')).toEqual({ added: TRAIL_ROWS_MAX + 1, removed: 1 });
    expect(await listRows(CLASSES)).toHaveLength(TRAIL_ROWS_MAX + 1);
    const trail = (await listChanges({ submission: 'XNC', period: '2025-2026' })).filter((c) => c.action !== 'addRow' || !c.rowId || c.new !== '小学 / 一年级 / 旧');
    expect(trail.map((c) => c.old ?? c.new)).toEqual([`从「大名册.xlsx」导入 ${TRAIL_ROWS_MAX + 1} 行`, '导入「大名册.xlsx」时替换，删除原有 1 行']);
  });
});

describe('paste validated whole', { timeout: 30_000 }, () => {
  const text = '一年级\t1班\t40\r\n七年级\t2班\t38\r\n二年级\t3班\t四十\r\n三年级\t4班\t30\r\n';

  it('a block with bad cells opens the check; 只粘贴正确的行 writes the good rows in one go', async () => {
    await addRow(CLASSES, { stage: '小学', className: 'A' });
    renderSheet();
    fireEvent.paste(await screen.findByTestId('cell-classList-0-grade'), { clipboardData: { getData: () => text } });
    const table = await screen.findByTestId('paste-check');
    expect(table.querySelectorAll('.import-cell-bad')).toHaveLength(2);
    expect(screen.getByTestId('paste-problems').textContent).toMatch(/第 2 行：「年级」“七年级”不在可选值.*第 3 行：「学生数」应为非负整数/);
    expect((await listRows(CLASSES)).map((r) => r.values.className)).toEqual(['A']);
    fireEvent.click(screen.getByTestId('paste-accept'));
    await waitFor(async () => expect((await listRows(CLASSES)).map((r) => r.values.className)).toEqual(['1班', '4班']));
    expect((await listRows(CLASSES))[1]!.values).toEqual({ stage: '小学', grade: '三年级', className: '4班', students: 30 });
  });

  it('取消粘贴 writes nothing; a clean block is written without asking', async () => {
    await addRow(CLASSES, { stage: '小学', className: 'A' });
    renderSheet();
    const start = await screen.findByTestId('cell-classList-0-grade');
    fireEvent.paste(start, { clipboardData: { getData: () => text } });
    fireEvent.click(await screen.findByTestId('paste-cancel'));
    await waitFor(() => expect(screen.queryByTestId('paste-check')).toBeNull());
    expect((await listRows(CLASSES)).map((r) => r.values)).toEqual([{ stage: '小学', className: 'A' }]);
    fireEvent.paste(start, { clipboardData: { getData: () => '一年级\t1班\t40\r\n二年级\t2班\t41\r\n' } });
    await waitFor(async () => expect((await listRows(CLASSES)).map((r) => r.values.className)).toEqual(['1班', '2班']));
  });
});
