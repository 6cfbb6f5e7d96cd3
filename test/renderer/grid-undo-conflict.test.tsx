// Undo/redo never puts back stale data: a step is checked inside its transaction against what
// is in the database now (another window's edit, a restore with the same row ids), refused as a
// whole with a message naming row and column, and dropped so older steps still undo; a demo
// load forgets every step; typing is a step only once written.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet } from '../../shared/pack/schema';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { DemoLoader } from '../../renderer/features/setup/demo-loader';
import { addRow, deleteRow, insertRowBefore, listRows, PASTE_TARGET_GONE, updateCell, writeBlock } from '../../renderer/features/entry/rows-repo';
import { applyLedgerOp, applyStatOp } from '../../renderer/features/entry/grid-ops-repo';
import { GridConflictError } from '../../renderer/features/entry/grid-op-check';
import { listChanges } from '../../renderer/features/changes/changes-repo';
import { db } from '../../renderer/db/db';
import { approvePeriod } from '../../renderer/features/workspace/periods-repo';
import { useStore } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const id = (row: number, col: string) => `cell-classList-${row}-${col}`;
const input = (row: number, col: string) => screen.getByTestId(id(row, col)) as HTMLInputElement;
const values = async (col: string) => (await listRows(CLASSES)).map((r) => r.values[col] ?? null);
const trail = async () => (await listChanges({ ...CLASSES })).length;

beforeEach(resetAll);

function renderSheet() {
  const pack = luojiang();
  renderApp(<LedgerSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" periodText="2025-2026 学年" sheet={pack.sheets.classList as LedgerSheet} />);
}

async function twoClasses() {
  const a = await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 40 });
  const b = await addRow(CLASSES, { stage: '小学', grade: '二年级', className: '2班', students: 41 });
  return [a, b] as const;
}

const edit = (target: string, col: string, before: number | string | null, after: number | string | null) => ({ label: '输入', cells: [{ target, col, before, after }], added: [], removed: [] });

describe('undo checks the data it would overwrite', { timeout: 30_000 }, () => {
  it('refuses a ledger step whose cell, deleted row or re-added row no longer fits — nothing written', async () => {
    const [a, b] = await twoClasses();
    const n = await trail();
    const words = { word: '撤销', colLabel: (k: string) => (k === 'students' ? '学生数' : k) };
    // a step expecting 40 → 48 while the cell holds 40 is fine; expecting 45 is stale
    await expect(applyLedgerOp(CLASSES, edit(b, 'students', 45, 50), '撤销：输入', words)).rejects.toThrow('这一步已无法撤销：第 2 行「学生数」已被改成“41”（这一步要求它是“45”）');
    const snapA = { id: a, seq: 1, values: { stage: '小学', grade: '一年级', className: '1班', students: 40 } };
    await expect(applyLedgerOp(CLASSES, { label: '删除行', cells: [], added: [snapA], removed: [] }, 'x', words)).rejects.toBeInstanceOf(GridConflictError);
    await expect(applyLedgerOp(CLASSES, { label: '新增行', cells: [], added: [], removed: [{ ...snapA, values: { className: '别的' } }] }, 'x', words)).rejects.toThrow('第 1 行');
    // one bad cell refuses the whole step, the good cell included
    await expect(applyLedgerOp(CLASSES, { label: '粘贴', cells: [...edit(a, 'students', 40, 1).cells, ...edit(b, 'students', 9, 2).cells], added: [], removed: [] }, 'x', words)).rejects.toThrow(GridConflictError);
    expect(await values('students')).toEqual([40, 41]);
    expect(await trail()).toBe(n);
    await applyLedgerOp(CLASSES, edit(a, 'students', 40, 48), '撤销：输入', words);
    expect(await values('students')).toEqual([48, 41]);
  });

  it('refuses a statistics step whose cell was changed since', async () => {
    const ref = { submission: 'XNC', period: '2025-2026', sheetId: 'stat' };
    await applyStatOp(ref, edit('01', 'c1', null, 5));
    await expect(applyStatOp(ref, edit('01', 'c1', 3, 4), '撤销：输入', { word: '撤销', cellName: () => '「合计 × 班数」' })).rejects.toThrow('这一步已无法撤销：「合计 × 班数」已被改成“5”');
    expect((await db.cells.toArray()).map((c) => c.value)).toEqual([5]);
  });

  it('Ctrl+Z after another window changed the cell: refused with a message, the step dropped, the older step still undoes', async () => {
    const user = userEvent.setup({ delay: null });
    const [a] = await twoClasses();
    renderSheet();
    await screen.findByTestId(id(1, 'students'));
    await user.click(input(1, 'className'));
    await user.clear(input(1, 'className'));
    await user.type(input(1, 'className'), '二班{Tab}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '二班']));
    await user.click(input(0, 'students'));
    await user.clear(input(0, 'students'));
    await user.type(input(0, 'students'), '48{Enter}');
    await waitFor(async () => expect(await values('students')).toEqual([48, 41]));
    await updateCell(a, 'students', 50); // another window
    await waitFor(() => expect(input(0, 'students').value).toBe('50'));

    input(1, 'grade').focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText(/这一步已无法撤销：第 1 行「.+」已被改成“50”（这一步要求它是“48”）/)).toBeTruthy();
    expect(await values('students')).toEqual([50, 41]);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await values('className')).toEqual(['1班', '2班']));
    expect(await values('students')).toEqual([50, 41]);
  });

  it('a demo load forgets the undo steps of the data it replaced', async () => {
    const user = userEvent.setup({ delay: null });
    await twoClasses();
    renderSheet();
    await screen.findByTestId(id(1, 'students'));
    await user.click(input(0, 'students'));
    await user.clear(input(0, 'students'));
    await user.type(input(0, 'students'), '48{Enter}');
    await waitFor(async () => expect(await values('students')).toEqual([48, 41]));
    const onClose = vi.fn();
    renderApp(<DemoLoader open packs={[luojiang()]} replaces={false} onClose={onClose} />);
    fireEvent.click(screen.getByTestId('demo-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // the demo dialog stays mounted here (its parent would close it), so the key goes to the cell directly
    fireEvent.keyDown(await screen.findByTestId(id(0, 'className')), { key: 'z', ctrlKey: true });
    expect(await screen.findByText('没有可撤销的操作')).toBeTruthy();
  });

  it('Ctrl+- that fails (approved in another window) deletes nothing and does not say 已删除', async () => {
    await twoClasses();
    renderSheet();
    await screen.findByTestId(id(1, 'students'));
    await approvePeriod({ submission: 'XNC', period: '2025-2026' }, '2025-09-18');
    useStore.setState({ lastError: undefined });
    fireEvent.keyDown(input(0, 'className'), { key: '-', ctrlKey: true });
    await waitFor(() => expect(useStore.getState().lastError).toBeTruthy());
    await new Promise((r) => setTimeout(r, 50));
    expect(document.body.textContent).not.toContain('已删除');
    expect(await values('className')).toEqual(['1班', '2班']);
  });

  it('a paste lands on the rows the user saw, by id; a target row deleted meanwhile refuses it whole', async () => {
    const [a, b] = await twoClasses();
    await insertRowBefore(CLASSES, b, { className: '新' }); // another window, after the paste was checked
    expect(await writeBlock(CLASSES, [b], [{ students: 30 }, { className: '3班' }])).toBe(1);
    expect(await values('className')).toEqual(['1班', '新', '2班', '3班']);
    expect(await values('students')).toEqual([40, null, 30, null]);
    await deleteRow(a);
    const n = await trail();
    await expect(writeBlock(CLASSES, [a, b], [{ students: 1 }, { students: 2 }, { className: '4班' }])).rejects.toThrow(PASTE_TARGET_GONE);
    expect(await values('students')).toEqual([null, 30, null]);
    expect(await trail()).toBe(n);
  });

  it('keeps one compact() helper', () => {
    for (const f of ['renderer/features/entry/grid-ops-repo.ts', 'renderer/features/import/import-repo.ts']) expect(readFileSync(f, 'utf8')).not.toMatch(/function compact\(/);
  });
});
