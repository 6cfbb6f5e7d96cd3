// One edit of one cell, as the grids see it: the keystrokes typed into a cell from the moment the
// cursor came into it until it leaves it (or an undo/redo) — the same unit as one undo step
// (docs/grid.md). Each edit gets a random id that travels with its keystroke writes, so the
// 修改记录 keeps one entry per edit, updated in place as keys are typed (changes-repo.ts editWrite).
export interface EditSession {
  /** the id of the edit a keystroke into `cell` belongs to: the current one, or a new one for another cell */
  idFor: (cell: string) => string;
  /** the cursor left the cell: the next keystroke starts a new edit */
  end: () => void;
}

export function editSession(newId: () => string = () => crypto.randomUUID()): EditSession {
  let current: { cell: string; id: string } | undefined;
  return {
    idFor(cell) {
      if (current?.cell !== cell) current = { cell, id: newId() };
      return current.id;
    },
    end() {
      current = undefined;
    },
  };
}
