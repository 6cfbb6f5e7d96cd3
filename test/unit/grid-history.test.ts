// Undo/redo as data: operations hold before/after values; typing in one cell is one step.
import { describe, expect, it } from 'vitest';
import * as H from '../../renderer/features/entry/grid-history';

const edit = (target: string, col: string, before: H.GridOp['cells'][0]['before'], after: H.GridOp['cells'][0]['after'], coalesce = true): H.GridOp => ({
  label: '输入',
  cells: [{ target, col, before, after }],
  added: [],
  removed: [],
  ...(coalesce ? { coalesce: `${target}|${col}` } : {}),
});

describe('grid history', () => {
  it('merges the writes of one typing session into one step, keeping the first before', () => {
    let h = H.push(H.emptyHistory(), edit('r1', 'a', null, '4'));
    h = H.push(h, edit('r1', 'a', '4', '45'));
    expect(h.past).toHaveLength(1);
    expect(h.past[0]!.cells[0]).toEqual({ target: 'r1', col: 'a', before: null, after: '45' });
    h = H.seal(h);
    h = H.push(h, edit('r1', 'a', '45', '46'));
    expect(h.past).toHaveLength(2);
  });

  it('drops a step that ends where it began, and an empty operation', () => {
    let h = H.push(H.emptyHistory(), edit('r1', 'a', 'x', 'y'));
    h = H.push(h, edit('r1', 'a', 'y', 'x'));
    expect(h.past).toHaveLength(0);
    expect(H.push(h, edit('r2', 'b', null, '', false)).past).toHaveLength(0);
  });

  it('undo hands back the inverse (cells swapped, added ↔ removed); redo the step itself', () => {
    const paste: H.GridOp = {
      label: '粘贴',
      cells: [{ target: 'r1', col: 'a', before: 1, after: 2 }, { target: 'r1', col: 'b', before: null, after: '三年级' }],
      added: [{ id: 'n1', seq: 5, values: { a: 9 } }],
      removed: [],
    };
    const h = H.push(H.emptyHistory(), paste);
    const u = H.undo(h)!;
    expect(u.op.cells).toEqual([{ target: 'r1', col: 'b', before: '三年级', after: null }, { target: 'r1', col: 'a', before: 2, after: 1 }]);
    expect(u.op.removed).toEqual(paste.added);
    expect(u.op.added).toEqual([]);
    expect(H.undo(u.next)).toBeUndefined();
    const r = H.redo(u.next)!;
    expect(r.op).toBe(paste);
    expect(r.next.past).toEqual([paste]);
    expect(H.redo(r.next)).toBeUndefined();
  });

  it('a new step clears redo, and only the last MAX_STEPS are kept', () => {
    let h = H.push(H.emptyHistory(), edit('r1', 'a', 1, 2, false));
    h = H.undo(h)!.next;
    expect(h.future).toHaveLength(1);
    h = H.push(h, edit('r2', 'a', 1, 3, false));
    expect(h.future).toHaveLength(0);
    for (let i = 0; i < H.MAX_STEPS + 10; i++) h = H.push(h, edit(`r${i}`, 'a', i, i + 1, false));
    expect(h.past).toHaveLength(H.MAX_STEPS);
    expect(h.past[H.MAX_STEPS - 1]!.cells[0]!.target).toBe(`r${H.MAX_STEPS + 9}`);
  });

  it('undo after redo after undo returns to the same values (inverse of inverse)', () => {
    const op = edit('r1', 'a', 'x', 'y', false);
    expect(H.invert(H.invert(op)).cells).toEqual(op.cells);
  });
});
