// Whether the 修改记录 of a period tells the truth about its cells, read straight from IndexedDB:
// for every cell, its 修改 entries in order chain up (each entry's old is the previous one's new),
// the last one's new is what the cell holds now, and no entry says nothing changed (old = new).
// Used after typing in two windows at once and after every crash trial: an edit's entry updated
// in place keystroke by keystroke (changes-repo.ts editWrite) must never be left half-true.
import type { Page } from 'playwright-core';

export interface TrailSummary {
  /** what is wrong, one line each (empty: the trail is true) */
  problems: string[];
  /** 修改 entries of the period */
  edits: number;
}

export function checkTrail(page: Page, submission: string, period: string): Promise<TrailSummary> {
  return page.evaluate(
    ({ submission, period }) =>
      new Promise<TrailSummary>((resolve, reject) => {
        const open = indexedDB.open('xiaobiao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(['rows', 'cells', 'changes'], 'readonly');
          const range = IDBKeyRange.only([submission, period]);
          const rows = tx.objectStore('rows').index('[submission+period]').getAll(range);
          const cells = tx.objectStore('cells').index('[submission+period]').getAll(range);
          const changes = tx.objectStore('changes').index('[submission+period]').getAll(range);
          tx.oncomplete = () => {
            idb.close();
            const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
            const now = new Map<string, string>();
            const rowIds = new Set<string>();
            for (const r of rows.result as { id: string; sheetId: string; values: Record<string, unknown> }[]) {
              rowIds.add(r.id);
              for (const [k, v] of Object.entries(r.values)) now.set(`${r.sheetId}|${r.id}|${k}`, text(v));
            }
            for (const c of cells.result as { sheetId: string; key: string; value: unknown }[]) now.set(`${c.sheetId}||${c.key}`, text(c.value));
            type Entry = { id: number; action: string; sheetId: string; rowId?: string; field?: string; old?: unknown; new?: unknown };
            const list = (changes.result as Entry[]).filter((c) => c.action === 'edit' && c.field).sort((a, b) => a.id - b.id);
            const last = new Map<string, Entry>();
            const problems: string[] = [];
            for (const c of list) {
              const cell = `${c.sheetId}|${c.rowId ?? ''}|${c.field}`;
              if (text(c.old) === text(c.new)) problems.push(`#${c.id} ${cell}: old = new (“${text(c.old)}”)`);
              const prev = last.get(cell);
              if (prev && text(prev.new) !== text(c.old)) problems.push(`#${c.id} ${cell}: old “${text(c.old)}” but #${prev.id} left “${text(prev.new)}”`);
              last.set(cell, c);
            }
            for (const [cell, c] of last) {
              if (c.rowId && !rowIds.has(c.rowId)) continue; // a deleted row
              if (text(c.new) !== (now.get(cell) ?? '')) problems.push(`#${c.id} ${cell}: new “${text(c.new)}” but the cell holds “${now.get(cell) ?? ''}”`);
            }
            resolve({ problems, edits: list.length });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { submission, period },
  );
}
