// What the crash trials expect the database to hold. An edit the UI showed as 已保存 is
// "confirmed": its value must be there after any crash. An edit typed but not yet shown as
// saved may or may not have reached the disk (or only its first keystrokes did), so its cell
// becomes "unknown" until the next reopen reads what is really there.
import type { Page } from 'playwright-core';

/** Deterministic (the demo's mulberry32) so a failing run can be replayed with CRASH_SEED. */
export { createRng as prng } from '../../shared/demo/random';

export interface Edit {
  /** `row:{index}:{col}` for a ledger cell, `cell:{代码}:{列}` for a statistics cell */
  key: string;
  value: string;
  confirmed: boolean;
}

const UNKNOWN = Symbol('unknown');

export class Expectations {
  private known = new Map<string, string | typeof UNKNOWN>();
  confirmedEdits = 0;
  lost: string[] = [];

  /** Folds one trial's edits, in typing order, into what the next reopen must find. */
  apply(edits: readonly Edit[]): void {
    for (const e of edits) {
      this.known.set(e.key, e.confirmed ? e.value : UNKNOWN);
      if (e.confirmed) this.confirmedEdits++;
    }
  }

  /** What the UI must show before a cell is typed into, if known. */
  expected(key: string): string | undefined {
    const v = this.known.get(key);
    return v === UNKNOWN ? undefined : v;
  }

  /** Compares with the database after a reopen; unknown cells take what is there. */
  check(actual: Record<string, string>, trial: number): void {
    for (const [key, want] of this.known) {
      const got = actual[key] ?? '';
      if (want === UNKNOWN) this.known.set(key, got);
      else if (got !== want) this.lost.push(`trial ${trial}: ${key} expected "${want}", found "${got}"`);
    }
  }
}

export interface DbState {
  /** XNC rows of 班级名册 in seq order, as ids */
  rowCount: number;
  values: Record<string, string>;
  /** object stores of the database, to see nothing went missing */
  stores: string[];
}

/**
 * Reads the ledger rows and statistics cells of one period straight from IndexedDB (not through
 * the app), keyed like Edit.key.
 */
export function readDb(page: Page, submission: string, period: string, ledger: string, stat: string): Promise<DbState> {
  return page.evaluate(
    ({ submission, period, ledger, stat }) =>
      new Promise<DbState>((resolve, reject) => {
        const open = indexedDB.open('xiaobiao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(['rows', 'cells'], 'readonly');
          const rows = tx.objectStore('rows').index('[submission+period+sheetId]').getAll([submission, period, ledger]);
          const cells = tx.objectStore('cells').index('[submission+period]').getAll([submission, period]);
          tx.oncomplete = () => {
            const values: Record<string, string> = {};
            const sorted = (rows.result as { seq: number; values: Record<string, unknown> }[]).sort((a, b) => a.seq - b.seq);
            sorted.forEach((r, i) => {
              for (const [k, v] of Object.entries(r.values)) values[`row:${i}:${k}`] = String(v);
            });
            for (const c of cells.result as { sheetId: string; key: string; value: unknown }[]) {
              if (c.sheetId === stat && c.value !== null) values[`cell:${c.key}`] = String(c.value);
            }
            const stores = Array.from(idb.objectStoreNames);
            idb.close();
            resolve({ rowCount: sorted.length, values, stores });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { submission, period, ledger, stat },
  );
}
