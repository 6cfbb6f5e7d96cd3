// The data worker's jobs (keystroke writes, period-view reads) as plain data: what the worker
// accepts, what crosses back (errors by name, views as cloneable data), and that each job writes
// and reads exactly what the page's own repositories do.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/db/db';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { approvePeriod, getPeriod } from '../../renderer/features/workspace/periods-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { loadPeriodView, toPeriodView, viewQuery } from '../../renderer/db/period-view';
import { failureOf, isWorkerJob, runJob } from '../../renderer/db/worker-jobs';
import { errorFromAnswer } from '../../renderer/lib/worker-messages';
import { onTablesChanged } from '../../renderer/db/data-changes';
import { QUOTA_MESSAGE, saveErrorMessage } from '../../renderer/state/save-error';
import { luojiang, resetAll, SCHOOL } from './helpers';

const REF = { submission: 'XNC', period: '2025-2026' };
const CLASSES = { ...REF, sheetId: 'classList' };

beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
});

describe('worker jobs', () => {
  it('accepts the three job shapes and refuses anything else', () => {
    expect(isWorkerJob({ kind: 'ledgerCell', ref: CLASSES, rowId: 'r', colKey: 'students', value: 45 })).toBe(true);
    expect(isWorkerJob({ kind: 'ledgerCell', ref: CLASSES, rowId: 'r', colKey: 'remark', value: null })).toBe(true);
    expect(isWorkerJob({ kind: 'statCells', ref: { ...REF, sheetId: 'jj3112' }, op: { label: '', cells: [], added: [], removed: [] } })).toBe(true);
    expect(isWorkerJob({ kind: 'periodView', query: { ...REF, periodKind: 'schoolYear', related: [] } })).toBe(true);
    for (const bad of [
      null, 'x', {}, { kind: 'deleteAll' },
      { kind: 'ledgerCell', ref: REF, rowId: 'r', colKey: 'students', value: 1 }, // no sheetId
      { kind: 'ledgerCell', ref: CLASSES, rowId: 7, colKey: 'students', value: 1 },
      { kind: 'ledgerCell', ref: CLASSES, rowId: 'r', colKey: 'students', value: () => 1 },
      { kind: 'statCells', ref: CLASSES, op: { cells: 'all' } },
      { kind: 'periodView', query: { ...REF, periodKind: 'week', related: [] } },
      { kind: 'periodView', query: { ...REF, periodKind: 'month', related: [{ submission: 1 }] } },
    ])
      expect(isWorkerJob(bad), JSON.stringify(bad) ?? String(bad)).toBe(false);
  });

  it('a full disk keeps its name across the worker boundary, so 保存失败 says 存储空间已满', () => {
    const dexieLike = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    const answer = failureOf(3, dexieLike);
    expect(answer).toEqual({ id: 3, ok: false, name: 'QuotaExceededError', message: 'AbortError' });
    expect(saveErrorMessage(errorFromAnswer(answer as { name: string; message: string }))).toBe(QUOTA_MESSAGE);
    const plain = failureOf(4, new Error('该行已被删除'));
    expect(saveErrorMessage(errorFromAnswer(plain as { name: string; message: string }))).toBe('该行已被删除');
  });

  it('a ledger keystroke writes the cell and its 修改记录 in one transaction', async () => {
    const id = await addRow(CLASSES, { grade: '一年级', className: '1班' });
    await runJob({ kind: 'ledgerCell', ref: CLASSES, rowId: id, colKey: 'students', value: 45 });
    expect((await listRows(CLASSES))[0]!.values).toEqual({ grade: '一年级', className: '1班', students: 45 });
    const last = await db.changes.orderBy('id').last();
    expect(last).toMatchObject({ rowId: id, field: 'students', new: 45, who: SCHOOL.filler, action: 'edit' });
  });

  it('a keystroke for a row of another sheet is refused and writes nothing', async () => {
    const id = await addRow(CLASSES, { className: '1班' });
    const before = await db.changes.count();
    await expect(runJob({ kind: 'ledgerCell', ref: { ...REF, sheetId: 'staffList' }, rowId: id, colKey: 'className', value: 'x' })).rejects.toThrow('该行已被删除');
    expect((await listRows(CLASSES))[0]!.values).toEqual({ className: '1班' });
    expect(await db.changes.count()).toBe(before);
  });

  it('a write creates the period record once and leaves it alone after, an approved one refuses', async () => {
    const id = await addRow(CLASSES, { className: '1班' });
    const created = await getPeriod(REF);
    expect(created).toMatchObject({ status: '草稿', version: 0 });
    const mutated: string[] = [];
    const unwatch = onTablesChanged(['periods'], () => mutated.push('periods'));
    await runJob({ kind: 'ledgerCell', ref: CLASSES, rowId: id, colKey: 'students', value: 45 });
    unwatch();
    expect(await getPeriod(REF)).toEqual(created);
    expect(mutated).toEqual([]); // nothing watching period records wakes at a keystroke
    await approvePeriod(REF, '2025-09-18');
    await expect(runJob({ kind: 'ledgerCell', ref: CLASSES, rowId: id, colKey: 'students', value: 46 })).rejects.toThrow('本期已审核通过（第 1 版）');
    expect((await listRows(CLASSES))[0]!.values.students).toBe(45);
  });

  it('a period view read as a job is plain, cloneable data equal to the page read', async () => {
    await addRow(CLASSES, { grade: '一年级', className: '1班', students: 45 });
    const pack = luojiang();
    const data = await runJob({ kind: 'periodView', query: viewQuery(pack, 'XNC', '2025-2026', 'schoolYear') });
    const crossed = structuredClone(data); // what a worker's postMessage does
    const page = await loadPeriodView('XNC', '2025-2026', 'schoolYear', pack);
    expect(toPeriodView(crossed).data).toEqual(page.data);
    expect(crossed.data.sheets.classList!.rows).toHaveLength(1);
  });
});

describe('onTablesChanged', () => {
  it('tells of committed writes to the watched tables only', async () => {
    const seen: string[] = [];
    const unwatch = onTablesChanged(['rows'], () => seen.push('rows'));
    await saveSchool({ ...SCHOOL, filler: '李老师' });
    expect(seen).toEqual([]);
    await addRow(CLASSES, { className: '1班' });
    expect(seen.length).toBeGreaterThan(0);
    unwatch();
    const n = seen.length;
    await addRow(CLASSES, { className: '2班' });
    expect(seen.length).toBe(n);
  });
});
