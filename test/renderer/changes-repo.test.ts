// The audit trail: every repository write records exactly one change (or one per cell of a
// paste), with the value before read in the same transaction — and a write that fails
// records nothing, because the change and its record commit together.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/db/db';
import { addRow, deleteRow, insertRowBefore, updateCell, writeBlock } from '../../renderer/features/entry/rows-repo';
import { setCell, setIndicatorValue } from '../../renderer/features/entry/cells-repo';
import { approvePeriod, reopenPeriod, setExplanation } from '../../renderer/features/workspace/periods-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { countChanges, listChanges, localDay } from '../../renderer/features/changes/changes-repo';
import { applyCopyForward } from '../../renderer/features/workspace/copy-forward-repo';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { demoSchool } from '../../shared/demo/demo-school';
import { luojiang, resetAll, SCHOOL } from './helpers';

const REF = { submission: 'XNC', period: '2025-2026' };
const CLASSES = { ...REF, sheetId: 'classList' };
const J3112 = { ...REF, sheetId: 'jj3112' };

/** All changes, oldest first, without the id and time (checked separately). */
async function trail() {
  return (await db.changes.orderBy('id').toArray()).map(({ id: _id, at: _at, ...rest }) => rest);
}

beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
});

describe('rows-repo records its changes', () => {
  it('addRow, updateCell and deleteRow each record one change with old → new and 填表人', async () => {
    const id = await addRow(CLASSES, { grade: '三年级', className: '3班', students: 48 });
    await updateCell(id, 'students', 50);
    await deleteRow(id);
    expect(await trail()).toEqual([
      { who: '张老师', ...CLASSES, rowId: id, action: 'addRow', new: '三年级 / 3班 / 48' },
      { who: '张老师', ...CLASSES, rowId: id, field: 'students', action: 'edit', old: 48, new: 50 },
      { who: '张老师', ...CLASSES, rowId: id, action: 'deleteRow', old: '三年级 / 3班 / 50' },
    ]);
  });

  it('clearing a cell records old with no new; committing the same value records nothing', async () => {
    const id = await addRow(CLASSES, { className: '1班' });
    await updateCell(id, 'className', '1班');
    await updateCell(id, 'className', '');
    const all = await trail();
    expect(all).toHaveLength(2);
    expect(all[1]).toEqual({ who: '张老师', ...CLASSES, rowId: id, field: 'className', action: 'edit', old: '1班' });
  });

  it('names the 填表人 of the profile at the moment of the change', async () => {
    const id = await addRow(CLASSES, {});
    await saveSchool({ ...SCHOOL, filler: '刘老师' });
    await updateCell(id, 'students', 40);
    expect((await trail()).map((c) => c.who)).toEqual(['张老师', '刘老师']);
  });

  it('insertRowBefore records addRow; a paste records each changed cell and each new row', async () => {
    const a = await addRow(CLASSES, { className: 'A', students: 40 });
    const b = await insertRowBefore(CLASSES, a, { className: 'B' });
    await db.changes.clear();
    // rows are [B, A]: paste over A (index 1) and one row beyond
    const added = await writeBlock(CLASSES, [a], [{ className: 'A', students: 41 }, { className: 'C' }]);
    expect(added).toBe(1);
    const all = await trail();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ rowId: a, field: 'students', action: 'edit', old: 40, new: 41 });
    expect(all[1]).toMatchObject({ action: 'addRow', new: 'C' });
    expect(all[1]!.rowId).not.toBe(b);
  });

  it('a write that fails records nothing', async () => {
    await expect(updateCell('no-such-row', 'students', 1)).rejects.toThrow('该行已被删除');
    expect(await db.changes.count()).toBe(0);
  });

  it('a write that fails after recording rolls the record back with it', async () => {
    const id = await addRow(CLASSES, { students: 40 });
    await db.changes.clear();
    // a value IndexedDB cannot store makes the row put fail inside the transaction
    await expect(updateCell(id, 'students', (() => 1) as unknown as number)).rejects.toThrow();
    expect(await db.changes.count()).toBe(0);
  });
});

describe('cells-repo records its changes', () => {
  it('setCell and setIndicatorValue record the key with old → new', async () => {
    await setCell(J3112, '01:graduates', 52);
    await setCell(J3112, '01:graduates', 53);
    await setCell(J3112, '01:graduates', null);
    await setIndicatorValue({ ...REF, sheetId: 'quality' }, 'Q1', '是');
    expect(await trail()).toEqual([
      { who: '张老师', ...J3112, field: '01:graduates', action: 'edit', new: 52 },
      { who: '张老师', ...J3112, field: '01:graduates', action: 'edit', old: 52, new: 53 },
      { who: '张老师', ...J3112, field: '01:graduates', action: 'edit', old: 53 },
      { who: '张老师', ...REF, sheetId: 'quality', field: 'Q1:value', action: 'edit', new: '是' },
    ]);
  });

  it('an invalid value is refused and records nothing', async () => {
    await expect(setCell(J3112, '01:graduates', -1)).rejects.toThrow();
    expect(await db.changes.count()).toBe(0);
  });
});

describe('periods-repo records approval, 取消审核 with its reason, and 说明', () => {
  it('approve → reopen(reason) → explain', async () => {
    await approvePeriod(REF, '2025-09-18');
    await reopenPeriod(REF, '  教育局退回：3班人数有误 ');
    await setExplanation(REF, 'XNC-BJMC-W01|classList|r1|students', '实验班');
    expect(await trail()).toEqual([
      { who: '张老师', ...REF, sheetId: '', action: 'approve', old: '草稿', new: '已审核（第 1 版）' },
      { who: '张老师', ...REF, sheetId: '', action: 'reopen', old: '已审核', new: '草稿', reason: '教育局退回：3班人数有误' },
      { who: '张老师', ...REF, sheetId: 'classList', field: 'XNC-BJMC-W01|classList|r1|students', action: 'explain', new: '实验班' },
    ]);
  });

  it('取消审核 without a reason is refused and changes nothing', async () => {
    await approvePeriod(REF, '2025-09-18');
    await expect(reopenPeriod(REF, '   ')).rejects.toThrow('请填写取消审核的原因');
    expect((await db.periods.get(['XNC', '2025-2026']))?.status).toBe('已审核');
    expect(await db.changes.count()).toBe(1);
  });
});

describe('bulk writes', () => {
  it('copy-forward records one change per sheet carried', async () => {
    const n = await applyCopyForward({
      submission: 'XNC', from: '2024-2025', to: '2025-2026',
      sheets: [{ sheetId: 'classList', title: '班级名册', how: 'copy', dropped: 0, rows: [{ id: 'x', className: '2班' }, { id: 'y', className: '3班' }] }],
    });
    expect(n).toBe(2);
    expect(await trail()).toEqual([
      { who: '张老师', ...CLASSES, action: 'copyForward', old: '2024-2025', new: '从 2024-2025 结转 2 条' },
    ]);
  });

  it('replacing all data keeps the trail and records one entry per period loaded', async () => {
    await addRow(CLASSES, {});
    const demo = demoSchool({ pack: luojiang(), type: '小学', today: '2025-10-15' });
    await replaceSchoolData(JSON.parse(JSON.stringify(demo)));
    const all = await trail();
    expect(all[0]!.action).toBe('addRow');
    const loaded = all.filter((c) => c.action === 'replaceAll');
    expect(loaded).toHaveLength(demo.periods.length);
    expect(loaded[0]).toMatchObject({ who: demo.school.filler, new: `载入 ${demo.school.name} 的数据` });
  });
});

describe('listChanges and countChanges', () => {
  it('filter by sheet, action, day and text; newest first', async () => {
    const id = await addRow(CLASSES, { className: '1班' });
    await updateCell(id, 'students', 45);
    await setCell(J3112, '01:graduates', 52);
    await setCell({ ...CLASSES, period: '2024-2025' }, 'x', 1);
    const all = await listChanges(REF);
    expect(all.map((c) => c.action)).toEqual(['edit', 'edit', 'addRow']);
    expect(all[0]!.sheetId).toBe('jj3112');
    expect(await countChanges({ ...REF, sheetId: 'classList' })).toBe(2);
    expect((await listChanges({ ...REF, action: 'addRow' })).map((c) => c.rowId)).toEqual([id]);
    expect(await countChanges({ ...REF, text: '1班' })).toBe(1);
    const today = localDay(new Date().toISOString());
    expect(await countChanges({ ...REF, from: today, to: today })).toBe(3);
    expect(await countChanges({ ...REF, to: '2000-01-01' })).toBe(0);
  });
});
