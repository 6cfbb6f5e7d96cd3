// 修改记录 keeps one entry per cell edit (old → final value), not one per keystroke: every
// keystroke is still its own committed transaction, and the edit's entry is updated in place
// while it is the newest entry of the trail (changes-repo.ts editWrite). These tests type
// through the repositories and the data worker's jobs exactly as the grids do, with an edit id.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/db/db';
import { addRow, listRows, updateCell, writeBlock } from '../../renderer/features/entry/rows-repo';
import { applyLedgerOp, applyStatOp } from '../../renderer/features/entry/grid-ops-repo';
import { approvePeriod, reopenPeriod } from '../../renderer/features/workspace/periods-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { isWorkerJob, runJob } from '../../renderer/db/worker-jobs';
import type { GridOp } from '../../renderer/features/entry/grid-history';
import { resetAll, SCHOOL } from './helpers';

const REF = { submission: 'XNC', period: '2025-2026' };
const CLASSES = { ...REF, sheetId: 'classList' };
const J3112 = { ...REF, sheetId: 'jj3112' };

/** The trail's edits, oldest first, as [field, old, new] (absent = null). */
async function edits() {
  return (await db.changes.orderBy('id').toArray()).filter((c) => c.action === 'edit').map((c) => [c.field, c.old ?? null, c.new ?? null, c.reason ?? '']);
}

/** Types `keys` into a ledger cell as the grid writes them: the text after each key, one edit id. */
async function typeLedger(rowId: string, col: string, texts: (number | string | null)[], edit: string) {
  for (const t of texts) await updateCell(rowId, col, t, CLASSES, edit);
}

const statKey = (after: number | null, before: number | null = null): GridOp => ({ label: '', cells: [{ target: '01', col: 'graduates', before, after }], added: [], removed: [] });

let row: string;
beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
  row = await addRow(CLASSES, { className: '1班', students: 40 });
  await db.changes.clear();
});

describe('one 修改记录 entry per edit of a ledger cell', () => {
  it('typing 9 then 92 into an empty cell: one entry 空 → 92, each keystroke written', async () => {
    await updateCell(row, 'teachers', 9, CLASSES, 'e1');
    expect((await listRows(CLASSES))[0]!.values.teachers).toBe(9); // on disk at once
    expect(await edits()).toEqual([['teachers', null, 9, '']]);
    await updateCell(row, 'teachers', 92, CLASSES, 'e1');
    expect(await edits()).toEqual([['teachers', null, 92, '']]);
    const [entry] = await db.changes.toArray();
    expect(entry).toMatchObject({ who: '张老师', ...CLASSES, rowId: row, field: 'teachers', action: 'edit', new: 92, edit: 'e1' });
  });

  it('old stays the value before the edit began; text columns too', async () => {
    await typeLedger(row, 'students', [4, 45, 452, 45], 'e1');
    await typeLedger(row, 'className', ['一', '一班'], 'e2');
    expect(await edits()).toEqual([
      ['students', 40, 45, ''],
      ['className', '1班', '一班', ''],
    ]);
  });

  it('an edit back at its starting value leaves no entry; typing on in it starts one again', async () => {
    await typeLedger(row, 'students', [4, 40], 'e1');
    expect(await edits()).toEqual([]);
    await typeLedger(row, 'students', [4, 41], 'e1');
    expect(await edits()).toEqual([['students', 40, 41, '']]);
    // cleared and typed back (Esc writes the old value back the same way)
    await typeLedger(row, 'teachers', [9, '', null], 'e2');
    expect(await edits()).toEqual([['students', 40, 41, '']]);
  });

  it('clearing a cell in an edit records old with no new', async () => {
    await typeLedger(row, 'students', ['', null], 'e1');
    expect(await edits()).toEqual([['students', 40, null, '']]);
  });

  it('a new edit of the same cell (the cursor left and came back) is a new entry', async () => {
    await typeLedger(row, 'teachers', [9], 'e1');
    await typeLedger(row, 'teachers', [92], 'e2');
    expect(await edits()).toEqual([
      ['teachers', null, 9, ''],
      ['teachers', 9, 92, ''],
    ]);
  });

  it('anything recorded in between ends the edit: the next keystroke starts a new, true entry', async () => {
    const other = await addRow(CLASSES, { className: '2班' }); // an addRow entry
    await db.changes.clear();
    await typeLedger(row, 'teachers', [9], 'e1');
    await typeLedger(other, 'teachers', [5], 'w2'); // another window, another cell, at the same moment
    await typeLedger(row, 'teachers', [92, 923], 'e1');
    await writeBlock(CLASSES, [other], [{ students: 30 }]); // a paste
    await typeLedger(row, 'teachers', [92], 'e1');
    await applyLedgerOp(CLASSES, { label: '输入', cells: [{ target: row, col: 'teachers', before: 92, after: null }], added: [], removed: [] }, '撤销：输入');
    await typeLedger(row, 'teachers', [7], 'e1');
    expect(await edits()).toEqual([
      ['teachers', null, 9, ''],
      ['teachers', null, 5, ''],
      ['teachers', 9, 923, ''],
      ['students', null, 30, ''],
      ['teachers', 923, 92, ''],
      ['teachers', 92, null, '撤销：输入'],
      ['teachers', null, 7, ''],
    ]);
  });

  it('a period status change in between ends the edit; an approved period refuses the keystroke', async () => {
    await typeLedger(row, 'teachers', [9], 'e1');
    await approvePeriod(REF, '2025-09-18');
    await expect(updateCell(row, 'teachers', 92, CLASSES, 'e1')).rejects.toThrow('本期已审核通过');
    await reopenPeriod(REF, '退回修改');
    await typeLedger(row, 'teachers', [92], 'e1');
    expect(await edits()).toEqual([
      ['teachers', null, 9, ''],
      ['teachers', 9, 92, ''],
    ]);
  });

  it('a keystroke whose transaction fails leaves the entry as the last value written (a crash mid-edit)', async () => {
    await typeLedger(row, 'students', [4, 45], 'e1');
    // a value IndexedDB cannot store: the row put fails, the whole transaction rolls back
    await expect(updateCell(row, 'students', (() => 1) as unknown as number, CLASSES, 'e1')).rejects.toThrow();
    expect(await edits()).toEqual([['students', 40, 45, '']]);
    expect((await listRows(CLASSES))[0]!.values.students).toBe(45);
  });

  it('without an edit id every write is its own entry (page writes that are not typing)', async () => {
    await updateCell(row, 'teachers', 9);
    await updateCell(row, 'teachers', 92);
    expect(await edits()).toHaveLength(2);
  });
});

describe('one entry per edit of a statistics cell, and through the data worker jobs', () => {
  it('statistics keystrokes of one edit: one entry, back to empty leaves none', async () => {
    await applyStatOp(J3112, statKey(5), undefined, undefined, 's1');
    await applyStatOp(J3112, statKey(52, 5), undefined, undefined, 's1');
    expect(await edits()).toEqual([['01:graduates', null, 52, '']]);
    expect((await db.cells.toArray()).map((c) => c.value)).toEqual([52]);
    await applyStatOp(J3112, statKey(5, 52), undefined, undefined, 's2');
    await applyStatOp(J3112, statKey(null, 5), undefined, undefined, 's2');
    await applyStatOp(J3112, statKey(52), undefined, undefined, 's2');
    expect(await edits()).toEqual([['01:graduates', null, 52, '']]);
    await applyStatOp(J3112, statKey(null, 52), undefined, undefined, 's3');
    expect(await edits()).toEqual([['01:graduates', null, 52, ''], ['01:graduates', 52, null, '']]);
    expect(await db.cells.count()).toBe(0);
  });

  it('the worker jobs carry the edit id; a malformed one is refused', async () => {
    await runJob({ kind: 'ledgerCell', ref: CLASSES, rowId: row, colKey: 'students', value: 4, edit: 'k1' });
    await runJob({ kind: 'ledgerCell', ref: CLASSES, rowId: row, colKey: 'students', value: 48, edit: 'k1' });
    await runJob({ kind: 'statCells', ref: J3112, op: statKey(3), edit: 'k2' });
    await runJob({ kind: 'statCells', ref: J3112, op: statKey(30, 3), edit: 'k2' });
    expect(await edits()).toEqual([
      ['students', 40, 48, ''],
      ['01:graduates', null, 30, ''],
    ]);
    expect(isWorkerJob({ kind: 'ledgerCell', ref: CLASSES, rowId: row, colKey: 'students', value: 1, edit: 7 })).toBe(false);
    expect(isWorkerJob({ kind: 'statCells', ref: J3112, op: statKey(1), edit: 'x' })).toBe(true);
  });
});
