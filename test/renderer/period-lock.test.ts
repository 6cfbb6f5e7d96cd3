// After 审核通过 the period is locked, as in the national statistics client: every write to its
// data is refused (checked inside the write's own transaction) and leaves the data and the trail
// exactly as approved; 取消审核 with a reason opens it again, and the next approval is version + 1.
import { beforeEach, describe, expect, it } from 'vitest';
import type { LedgerSheet } from '../../shared/pack/schema';
import { db } from '../../renderer/db/db';
import { addRow, deleteRow, insertRowBefore, listRows, updateCell, writeBlock } from '../../renderer/features/entry/rows-repo';
import { listCells, setCell, setIndicatorValue } from '../../renderer/features/entry/cells-repo';
import { approvePeriod, getPeriod, lockedMessage, reopenPeriod, setExplanation } from '../../renderer/features/workspace/periods-repo';
import { applyCopyForward } from '../../renderer/features/workspace/copy-forward-repo';
import { ensureFixedRows } from '../../renderer/features/entry/fixed-rows-repo';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { demoSchool } from '../../shared/demo/demo-school';
import { luojiang, resetAll, SCHOOL } from './helpers';

const REF = { submission: 'XNC', period: '2025-2026' };
const CLASSES = { ...REF, sheetId: 'classList' };
const J3112 = { ...REF, sheetId: 'jj3112' };
const LOCKED = '本期已审核通过（第 1 版），如需修改请先“取消审核”';

/** Everything the period holds, to compare before and after a refused write. */
async function state() {
  const [rows, cells, period, changes] = await Promise.all([
    db.rows.toArray(), db.cells.toArray(), getPeriod(REF), db.changes.count(),
  ]);
  return { rows: rows.sort((a, b) => a.seq - b.seq), cells, period, changes };
}

let a: string;
let b: string;

beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
  a = await addRow(CLASSES, { grade: '一年级', className: '1班', students: 45 });
  b = await addRow(CLASSES, { grade: '二年级', className: '2班', students: 47 });
  await setCell(J3112, '01:graduates', 52);
  await setExplanation(REF, 'XNC-BJMC-W01|classList|r1|students', '实验班');
  await approvePeriod(REF, '2025-09-18');
});

describe('an approved period refuses every write', () => {
  it('says so in the national client’s words, with the version', () => {
    expect(lockedMessage(1)).toBe(LOCKED);
    expect(lockedMessage(3)).toBe('本期已审核通过（第 3 版），如需修改请先“取消审核”');
  });

  const writes: [string, () => Promise<unknown>][] = [
    ['updateCell', () => updateCell(a, 'students', 46)],
    ['addRow', () => addRow(CLASSES, { className: '3班' })],
    ['insertRowBefore', () => insertRowBefore(CLASSES, b, { className: '1.5班' })],
    ['deleteRow', () => deleteRow(a)],
    ['writeBlock (paste)', () => writeBlock(CLASSES, [b], [{ students: 1 }, { students: 2 }, { students: 3 }])],
    ['setCell', () => setCell(J3112, '01:graduates', 60)],
    ['setCell (clear)', () => setCell(J3112, '01:graduates', null)],
    ['setIndicatorValue', () => setIndicatorValue({ ...REF, sheetId: 'conditions' }, 'B01', 1200)],
    ['setExplanation', () => setExplanation(REF, 'XNC-BJMC-W01|classList|r1|students', '改了')],
  ];
  for (const [name, write] of writes)
    it(`${name}: refused, nothing changed, no trail entry`, async () => {
      const before = await state();
      await expect(write()).rejects.toThrow(LOCKED);
      expect(await state()).toEqual(before);
      expect(before.period).toMatchObject({ status: '已审核', version: 1 });
    });

  it('copy-forward into an approved (empty) period is refused too', async () => {
    const to = { submission: 'XNC', period: '2026-2027' };
    await approvePeriod(to, '2026-09-18');
    const plan = { submission: 'XNC', from: '2025-2026', to: '2026-2027', sheets: [{ sheetId: 'classList', title: '班级名册', how: 'copy' as const, dropped: 0, rows: [{ id: 'x', className: '2班' }] }] };
    await expect(applyCopyForward(plan)).rejects.toThrow(LOCKED);
    expect(await listRows({ ...to, sheetId: 'classList' })).toEqual([]);
  });

  it('writing a pack’s fixed rows at first showing is not an edit: allowed, approval kept', async () => {
    const spaq = { submission: 'SPAQ', period: '2025-10' };
    await approvePeriod(spaq, '2025-11-03');
    const sheet = Object.values(luojiang().sheets).find((s) => s.kind === 'ledger' && s.fixedRows) as LedgerSheet;
    const ref = { ...spaq, sheetId: sheet.id };
    await ensureFixedRows(ref, sheet);
    expect((await listRows(ref)).length).toBe(sheet.fixedRows!.length);
    expect(await getPeriod(spaq)).toMatchObject({ status: '已审核', version: 1 });
  });

  it('other periods stay editable', async () => {
    await addRow({ ...CLASSES, period: '2024-2025' }, { className: '去年' });
    expect(await listRows({ ...CLASSES, period: '2024-2025' })).toHaveLength(1);
  });

  it('载入示例学校 / restore replaces everything regardless of approval', async () => {
    const demo = demoSchool({ pack: luojiang(), type: '小学', today: '2025-10-15' });
    await replaceSchoolData(JSON.parse(JSON.stringify(demo)));
    expect((await listRows(CLASSES)).some((r) => r.id === a)).toBe(false);
  });
});

describe('取消审核 reopens; the next approval is version + 1', () => {
  it('edits work again after 取消审核 with a reason, and re-approval is 第 2 版', async () => {
    await expect(reopenPeriod(REF, '')).rejects.toThrow('请填写取消审核的原因');
    await expect(updateCell(a, 'students', 46)).rejects.toThrow(LOCKED);

    await reopenPeriod(REF, '教育局退回：1班人数有误');
    expect(await getPeriod(REF)).toMatchObject({ status: '草稿', version: 1, reportDate: '2025-09-18' });
    await updateCell(a, 'students', 46);
    await setCell(J3112, '01:graduates', 53);
    await deleteRow(b);
    expect((await listRows(CLASSES)).map((r) => r.values.students)).toEqual([46]);
    expect(await listCells(J3112)).toEqual({ '01:graduates': 53 });
    // an edit no longer changes the status by itself: it stays 草稿 until approved again
    expect((await getPeriod(REF))?.status).toBe('草稿');

    const v2 = await approvePeriod(REF, '2025-09-20');
    expect(v2).toMatchObject({ status: '已审核', version: 2, reportDate: '2025-09-20' });
    await expect(setCell(J3112, '01:graduates', 1)).rejects.toThrow('本期已审核通过（第 2 版），如需修改请先“取消审核”');

    const trail = (await db.changes.orderBy('id').toArray()).filter((c) => c.action === 'approve' || c.action === 'reopen');
    expect(trail.map((c) => [c.action, c.new, c.reason])).toEqual([
      ['approve', '已审核（第 1 版）', undefined],
      ['reopen', '草稿', '教育局退回：1班人数有误'],
      ['approve', '已审核（第 2 版）', undefined],
    ]);
  });
});

describe('approving twice', () => {
  it('is refused: the version only grows after a 取消审核', async () => {
    const { approvePeriod, getPeriod } = await import('../../renderer/features/workspace/periods-repo');
    const ref = { submission: 'XNC', period: '2031-2032' };
    await approvePeriod(ref, '2031-09-18');
    await expect(approvePeriod(ref, '2031-09-19')).rejects.toThrow('本期已审核通过（第 1 版），无需重复审核');
    expect((await getPeriod(ref))?.version).toBe(1);
  });
});
