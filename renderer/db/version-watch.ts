// When another window opens this database at a newer schema version (a newer 校表通 was
// installed, or another tab loaded the update first), IndexedDB asks every open connection to
// close so the upgrade can run. Dexie's default closes and quietly reopens on the next query —
// this window's older code would then write over a schema it does not know, or fail at random.
// Instead the connection closes for good and the window tells the user to reload.
import type Dexie from 'dexie';

export interface DbWatch {
  /** undefined while this window may use the database; else the schema version the other window opened (null: it deleted the database) */
  superseded: () => number | null | undefined;
  subscribe: (listener: () => void) => () => void;
}

export function watchVersionChange(database: Dexie): DbWatch {
  let superseded: number | null | undefined;
  const listeners = new Set<() => void>();
  database.on('versionchange', (ev: IDBVersionChangeEvent) => {
    // Dexie stores version n as n × 10 in IndexedDB
    superseded = ev.newVersion === null ? null : ev.newVersion / 10;
    database.close({ disableAutoOpen: true });
    listeners.forEach((l) => l());
    return false; // stop Dexie's own handler, which would reopen on the next query
  });
  return {
    superseded: () => superseded,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
