// The repositories against a real (in-memory) IndexedDB: what components write is what the
// snapshot hands to compute, audit and export.
import { beforeEach, describe, expect, it } from 'vitest';
import { periodDataSchema } from '../../shared/model/data';
import { db, XiaobiaoDB } from '../../renderer/db/db';
import { addRow, deleteRow, insertRowBefore, listRows, updateCell } from '../../renderer/features/entry/rows-repo';
import { listCells, setCell } from '../../renderer/features/entry/cells-repo';
import { approvePeriod, getPeriod, reopenPeriod, setExplanation, storedPeriods } from '../../renderer/features/workspace/periods-repo';
import { getSchool, saveSchool } from '../../renderer/features/setup/school-repo';
import { isEmptySnapshot, loadSnapshot } from '../../renderer/features/backup/snapshot';
import { resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const J3112 = { submission: 'XNC', period: '2025-2026', sheetId: 'jj3112' };

beforeEach(resetAll);

describe('rows-repo', () => {
  it('appends rows in order and updates cells', async () => {
    const a = await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '一年级1班', students: 45 });
    const b = await addRow(CLASSES, { stage: '小学', grade: '二年级' });
    await updateCell(b, 'students', 50);
    await updateCell(a, 'className', '一年级(1)班');
    const rows = await listRows(CLASSES);
    expect(rows.map((r) => r.id)).toEqual([a, b]);
    expect(rows[0]!.values).toEqual({ stage: '小学', grade: '一年级', className: '一年级(1)班', students: 45 });
    expect(rows[1]!.values).toEqual({ stage: '小学', grade: '二年级', students: 50 });
    expect(rows[0]!.seq).toBeLessThan(rows[1]!.seq);
  });

  it('clearing a cell removes the value instead of keeping an empty one', async () => {
    const a = await addRow(CLASSES, { className: '一班', students: 40 });
    await updateCell(a, 'students', null);
    await updateCell(a, 'className', '');
    expect((await listRows(CLASSES))[0]!.values).toEqual({});
  });

  it('inserts between rows, at the top, and many times at the same place', async () => {
    const a = await addRow(CLASSES, { className: 'A' });
    const c = await addRow(CLASSES, { className: 'C' });
    const b = await insertRowBefore(CLASSES, c, { className: 'B' });
    const top = await insertRowBefore(CLASSES, a, { className: 'top' });
    expect((await listRows(CLASSES)).map((r) => r.values.className)).toEqual(['top', 'A', 'B', 'C']);
    expect((await listRows(CLASSES)).map((r) => r.id)).toEqual([top, a, b, c]);

    // halving the same gap 60 times exhausts float precision: the sheet is renumbered instead
    let before = c;
    for (let i = 0; i < 60; i++) before = await insertRowBefore(CLASSES, before, { className: `x${i}` });
    const names = (await listRows(CLASSES)).map((r) => r.values.className);
    expect(names.slice(0, 3)).toEqual(['top', 'A', 'B']);
    expect(names.slice(3, 6)).toEqual(['x59', 'x58', 'x57']);
    expect(names[names.length - 1]).toBe('C');
    expect(new Set((await listRows(CLASSES)).map((r) => r.seq)).size).toBe(64);
  });

  it('deletes a row and keeps the others', async () => {
    const a = await addRow(CLASSES, { className: 'A' });
    const b = await addRow(CLASSES, { className: 'B' });
    await deleteRow(a);
    expect((await listRows(CLASSES)).map((r) => r.id)).toEqual([b]);
    await expect(updateCell(a, 'className', 'x')).rejects.toThrow('该行已被删除');
  });

  it('keeps sheets and periods apart', async () => {
    await addRow(CLASSES, { className: 'A' });
    await addRow({ ...CLASSES, period: '2024-2025' }, { className: 'old' });
    await addRow({ submission: 'SPAQ', period: '2025-10', sheetId: 'sampleLog' }, { dish: '米饭' });
    expect((await listRows(CLASSES)).map((r) => r.values.className)).toEqual(['A']);
    expect(await storedPeriods('XNC')).toEqual(['2025-2026', '2024-2025']);
  });
});

describe('cells-repo', () => {
  it('stores entered cells by {代码}:{列} and clears them with null', async () => {
    await setCell(J3112, '01:graduates', 120);
    await setCell(J3112, '01:enrol', 98);
    await setCell(J3112, '01:enrol', null);
    expect(await listCells(J3112)).toEqual({ '01:graduates': 120 });
    expect(await listCells({ ...J3112, sheetId: 'jj2106' })).toEqual({});
  });

  it('refuses what is not a non-negative integer', async () => {
    await expect(setCell(J3112, '01:graduates', -1)).rejects.toThrow('非负整数');
    await expect(setCell(J3112, '01:graduates', 1.5)).rejects.toThrow('非负整数');
  });
});

describe('periods-repo', () => {
  it('approval bumps the version and locks the period; 取消审核 reopens it, keeping the version', async () => {
    const ref = { submission: 'XNC', period: '2025-2026' };
    const id = await addRow(CLASSES, { students: 40 });
    expect((await getPeriod(ref))?.status).toBe('草稿');
    const v1 = await approvePeriod(ref, '2025-09-18');
    expect(v1).toMatchObject({ status: '已审核', version: 1, reportDate: '2025-09-18' });
    await expect(updateCell(id, 'students', 41)).rejects.toThrow('本期已审核通过（第 1 版）');
    expect(await getPeriod(ref)).toMatchObject({ status: '已审核', version: 1 });
    await reopenPeriod(ref, '教育局退回重报');
    expect(await getPeriod(ref)).toMatchObject({ status: '草稿', version: 1 });
    await updateCell(id, 'students', 41);
    expect((await approvePeriod(ref, '2025-09-19')).version).toBe(2);
  });

  it('keeps 经验校验 说明 by finding key; an empty text removes it', async () => {
    const ref = { submission: 'XNC', period: '2025-2026' };
    await setExplanation(ref, 'XNC-BJMC-W01|classList|r1|students', '实验班，经教育局批准');
    await setExplanation(ref, 'other', 'x');
    await setExplanation(ref, 'other', '  ');
    expect((await getPeriod(ref))?.explanations).toEqual({ 'XNC-BJMC-W01|classList|r1|students': '实验班，经教育局批准' });
  });
});

describe('school-repo', () => {
  it('saves a valid profile and refuses an invalid one', async () => {
    expect(await getSchool()).toBeUndefined();
    await saveSchool(SCHOOL);
    expect(await getSchool()).toEqual(SCHOOL);
    await expect(saveSchool({ ...SCHOOL, code: '510626000' })).rejects.toThrow('10 位数字');
    expect((await getSchool())?.code).toBe('5106260001');
  });

  it('keeps 是否普惠 only for a 幼儿园', async () => {
    await saveSchool({ ...SCHOOL, puhui: true });
    expect(await getSchool()).not.toHaveProperty('puhui');
    await saveSchool({ ...SCHOOL, type: '幼儿园', puhui: true });
    expect((await getSchool())?.puhui).toBe(true);
  });
});

describe('snapshot', () => {
  it('assembles exactly the PeriodData of one period', async () => {
    const ref = { submission: 'XNC', period: '2025-2026' };
    expect(isEmptySnapshot(await loadSnapshot(ref))).toBe(true);
    const a = await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 45, female: 20 });
    const c = await addRow(CLASSES, { stage: '小学', grade: '六年级', className: '6班', students: 50 });
    const b = await insertRowBefore(CLASSES, c, { stage: '小学', grade: '三年级', className: '3班', students: 48 });
    await setCell(J3112, '01:graduates', 52);
    await setCell(J3112, '03:female', 2);
    await addRow({ ...CLASSES, period: '2024-2025' }, { className: '去年' });
    await setExplanation(ref, 'k1', '属实');
    await approvePeriod(ref, '2025-09-18');

    const data = await loadSnapshot(ref);
    expect(data).toEqual({
      submission: 'XNC',
      period: '2025-2026',
      status: '已审核',
      version: 1,
      reportDate: '2025-09-18',
      explanations: { k1: '属实' },
      sheets: {
        classList: {
          rows: [
            { id: a, stage: '小学', grade: '一年级', className: '1班', students: 45, female: 20 },
            { id: b, stage: '小学', grade: '三年级', className: '3班', students: 48 },
            { id: c, stage: '小学', grade: '六年级', className: '6班', students: 50 },
          ],
        },
        jj3112: { cells: { '01:graduates': 52, '03:female': 2 } },
      },
    });
    expect(periodDataSchema.safeParse(data).success).toBe(true);
    expect(isEmptySnapshot(data)).toBe(false);
  });

  it('a period never written reads as an empty 草稿', async () => {
    expect(await loadSnapshot({ submission: 'SPAQ', period: '2025-10' })).toEqual({
      submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0, sheets: {},
    });
  });
});

describe('persistence', () => {
  it('data survives closing and reopening the database', async () => {
    await saveSchool(SCHOOL);
    const id = await addRow(CLASSES, { className: '一年级1班', students: 45 });
    await setCell(J3112, '01:graduates', 52);
    db.close();

    const reopened = new XiaobiaoDB();
    await reopened.open();
    expect((await reopened.school.get('current'))?.profile).toEqual(SCHOOL);
    expect((await reopened.rows.get(id))?.values).toEqual({ className: '一年级1班', students: 45 });
    expect((await reopened.cells.get(['XNC', '2025-2026', 'jj3112', '01:graduates']))?.value).toBe(52);
    reopened.close();

    await db.open();
    expect((await listRows(CLASSES)).map((r) => r.id)).toEqual([id]);
  });
});
