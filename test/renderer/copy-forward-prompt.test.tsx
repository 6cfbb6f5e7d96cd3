// The copy-forward offer (renderer/features/workspace/copy-forward-prompt.tsx): an empty period whose
// previous period holds data shows what would be copied; 不结转 writes nothing, 结转 writes every
// row in one transaction — all or nothing — and an offer never copies over data already there.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyForwardPrompt } from '../../renderer/features/workspace/copy-forward-prompt';
import { db } from '../../renderer/db/db';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { getPeriod } from '../../renderer/features/workspace/periods-repo';
import { previewCopyForward } from '../../renderer/features/workspace/copy-forward-repo';
import { findSubmission } from '../../shared/pack/applicability';
import { Workspace } from '../../renderer/features/workspace/workspace';
import { useStore } from '../../renderer/state/store';
import { todayIso } from '../../renderer/features/workspace/periods';
import { periodOf, previousPeriod } from '../../shared/model/period';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const pack = luojiang();
const XNC = findSubmission(pack, 'XNC')!;
const XYAQ = findSubmission(pack, 'XYAQ')!;
const OLD_YEAR = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const NEW_YEAR = { submission: 'XNC', period: '2026-2027', sheetId: 'classList' };

async function fourClasses() {
  await addRow(OLD_YEAR, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45, female: 22 });
  await addRow(OLD_YEAR, { stage: '小学', grade: '一年级', className: '一年级（2）班', students: 44, female: 21 });
  await addRow(OLD_YEAR, { stage: '小学', grade: '六年级', className: '六年级（1）班', students: 50, female: 24 });
  await addRow(OLD_YEAR, { stage: '小学', grade: '五年级', className: '五年级（1）班', students: 47, female: 23 });
}
const renderPrompt = (period = '2026-2027', submission = XNC) =>
  renderApp(<CopyForwardPrompt pack={pack} schoolType="小学" submission={submission} period={period} />);
const user = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

beforeEach(resetAll);
afterEach(() => vi.restoreAllMocks());

describe('CopyForwardPrompt', { timeout: 30_000 }, () => {
  it('previews 班级名册 for the next 学年: rows per sheet and the grade mapping', async () => {
    await fourClasses();
    renderPrompt();
    const preview = await screen.findByTestId('copy-forward-preview');
    expect(preview.textContent).toContain('2026-2027 学年还没有数据。是否从2025-2026 学年结转以下内容？');
    expect(screen.getByTestId('copy-forward-sheet-classList').textContent).toContain('班级名册：3 行（1 行毕业，不结转）');
    const grades = [...screen.getByTestId('copy-forward-sheet-classList').querySelectorAll('li')].map((li) => li.textContent);
    expect(grades).toEqual(['小学 一年级 → 二年级：2 个班', '小学 五年级 → 六年级：1 个班', '小学 六年级 → 毕业（不结转）：1 个班']);
  });

  it('不结转 writes nothing and closes the offer', async () => {
    await fourClasses();
    renderPrompt();
    await user().click(await screen.findByTestId('copy-forward-cancel'));
    await waitFor(() => expect(screen.queryByTestId('copy-forward-preview')).toBeNull());
    expect(await listRows(NEW_YEAR)).toEqual([]);
    expect(await getPeriod({ submission: 'XNC', period: '2026-2027' })).toBeUndefined();
    expect(await listRows(OLD_YEAR)).toHaveLength(4);
  });

  it('结转 writes the advanced classes in one transaction, and leaves the old 学年 alone', async () => {
    await fourClasses();
    renderPrompt();
    const confirm = await screen.findByTestId('copy-forward-confirm');
    const tx = vi.spyOn(db, 'transaction');
    await user().click(confirm);
    await waitFor(() => expect(screen.queryByTestId('copy-forward-preview')).toBeNull());
    expect(tx).toHaveBeenCalledTimes(1);
    const rows = await listRows(NEW_YEAR);
    expect(rows.map((r) => [r.values.grade, r.values.className, r.values.students, r.values.female, r.seq])).toEqual([
      ['二年级', '二年级（1）班', 45, 22, 1],
      ['二年级', '二年级（2）班', 44, 21, 2],
      ['六年级', '六年级（1）班', 47, 23, 3],
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect((await getPeriod({ submission: 'XNC', period: '2026-2027' }))?.status).toBe('草稿');
    expect((await listRows(OLD_YEAR)).map((r) => r.values.grade)).toEqual(['一年级', '一年级', '六年级', '五年级']);
  });

  it('a failure half-way writes nothing at all', async () => {
    await fourClasses();
    renderPrompt();
    const confirm = await screen.findByTestId('copy-forward-confirm');
    // the last write of the transaction (creating the new year's period record) fails: the rows must roll back
    vi.spyOn(db.periods, 'add').mockImplementation((() => Promise.reject(new Error('磁盘已满'))) as unknown as typeof db.periods.add);
    await user().click(confirm);
    expect(await screen.findByText(/结转失败，未写入任何数据：磁盘已满/)).toBeTruthy();
    vi.restoreAllMocks();
    expect(await listRows(NEW_YEAR)).toEqual([]);
  });

  it('carries open 隐患 into the next month, 编号 and 排查日期 kept', async () => {
    const OCT = { submission: 'XYAQ', period: '2025-10', sheetId: 'hazardLog' };
    await addRow(OCT, { code: 'YH-202510-01', date: '2025-10-09', level: '一般', status: '已销号', doneDate: '2025-10-15' });
    await addRow(OCT, { code: 'YH-202510-02', date: '2025-10-20', level: '一般', status: '整改中' });
    await addRow(OCT, { code: 'YH-202510-03', date: '2025-10-28', level: '重大', status: '未整改' });
    await addRow({ ...OCT, sheetId: 'drillLog' }, { date: '2025-10-20', drillType: '消防疏散' });
    renderPrompt('2025-11', XYAQ);
    expect((await screen.findByTestId('copy-forward-sheet-hazardLog')).textContent).toBe(
      '隐患排查整改台账：2 行（上期未销号的结转过来，已销号的 1 行不结转）',
    );
    expect(screen.queryByTestId('copy-forward-sheet-drillLog')).toBeNull();
    await user().click(screen.getByTestId('copy-forward-confirm'));
    await waitFor(() => expect(screen.queryByTestId('copy-forward-preview')).toBeNull());
    const nov = await listRows({ ...OCT, period: '2025-11' });
    expect(nov.map((r) => [r.values.code, r.values.date, r.values.status])).toEqual([
      ['YH-202510-02', '2025-10-20', '整改中'],
      ['YH-202510-03', '2025-10-28', '未整改'],
    ]);
    expect(await listRows({ ...OCT, period: '2025-11', sheetId: 'drillLog' })).toEqual([]);
  });

  it('no offer for a period that already holds data, or whose previous period is empty', async () => {
    await fourClasses();
    await addRow(NEW_YEAR, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 40 });
    expect(await previewCopyForward(pack, '小学', { submission: 'XNC', period: '2026-2027' })).toBeUndefined();
    expect(await previewCopyForward(pack, '小学', { submission: 'XNC', period: '2025-2026' })).toBeUndefined(); // 2024-2025 holds nothing
    renderPrompt();
    renderPrompt('2025-2026');
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId('copy-forward-preview')).toBeNull();
  });

  it('the workspace offers it when it first shows a month after one with open 隐患', async () => {
    const month = periodOf('month', todayIso());
    const before = { submission: 'XYAQ', period: previousPeriod('month', month), sheetId: 'hazardLog' };
    await addRow(before, { code: 'YH-01', date: `${before.period}-12`, level: '一般', status: '整改中' });
    useStore.getState().selectSubmission('XYAQ', month);
    renderApp(<Workspace pack={pack} school={SCHOOL} onEditSchool={() => undefined} />);
    expect((await screen.findByTestId('copy-forward-sheet-hazardLog')).textContent).toContain('隐患排查整改台账：1 行');
    await user().click(screen.getByTestId('copy-forward-confirm'));
    await waitFor(async () => expect((await listRows({ ...before, period: month })).map((r) => r.values.code)).toEqual(['YH-01']));
  });
});
