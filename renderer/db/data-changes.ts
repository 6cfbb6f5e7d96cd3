// "Something in this table changed", without reading anything: Dexie's storagemutated event
// (dexie.org/docs/Dexie/Dexie.on.storagemutated) fires after every committed write of this page,
// its write worker or another window. A live query would re-read after each keystroke instead,
// and every read transaction still open holds back the next keystroke's write.
import Dexie from 'dexie';
import { DB_NAME } from './db';

/** Calls `listener` after each committed write that touched one of `tables`; returns the unsubscribe. */
export function onTablesChanged(tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map((t) => `idb://${DB_NAME}/${t}/`);
  const handler = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) listener();
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
