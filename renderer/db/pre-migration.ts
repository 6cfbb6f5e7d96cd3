// Before the app opens its database with a newer schema, the data as it is gets backed up. The
// stored version is read with a plain IndexedDB open (no version: it never upgrades anything), the
// records are read raw, moved to the current shape by the same pure steps the upgrade uses
// (migrateDump), and written as a normal backup file — so what is kept is exactly what a restore
// takes, even if the real upgrade then goes wrong.
import { backupBytes, makeBackup } from '../../shared/backup/backup-file';
import { APP_VERSION } from '../lib/app-version';
import { dumpToData } from './dump-to-data';
import { emptyDump, migrateDump, SCHEMA_VERSION, TABLE_NAMES, type TableDump } from './migrations';

export interface StoredDatabase {
  /** the app's schema version the database is at; 0 when there is no database yet */
  version: number;
  /** every record, read only when the version is older than the code's */
  dump?: TableDump;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function readStoredDatabase(name: string, idb: IDBFactory = indexedDB): Promise<StoredDatabase> {
  return new Promise((resolve, reject) => {
    const open = idb.open(name);
    // no database: opening without a version would create an empty one at version 1 — abort that
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (ev) => {
      ev.preventDefault();
      if (open.error?.name === 'AbortError') resolve({ version: 0 });
      else reject(open.error);
    };
    open.onsuccess = () => {
      const db = open.result;
      // Dexie stores version n as n × 10
      const version = db.version / 10;
      if (version >= SCHEMA_VERSION) {
        db.close();
        return resolve({ version });
      }
      const stores = TABLE_NAMES.filter((t) => db.objectStoreNames.contains(t));
      const dump = emptyDump();
      if (!stores.length) {
        db.close();
        return resolve({ version, dump });
      }
      const tx = db.transaction(stores, 'readonly');
      Promise.all(stores.map(async (t) => (dump[t] = (await request(tx.objectStore(t).getAll())) as Record<string, unknown>[])))
        .then(() => resolve({ version, dump }), reject)
        .finally(() => db.close());
    };
  });
}

/**
 * Backs the data up when the stored database is older than the code's schema (an update is about
 * to migrate it). `save` gets the backup file; returns the version migrated from, or undefined
 * when no migration is coming or there is no school to keep.
 */
export async function backupBeforeMigration(opts: {
  name: string;
  save: (bytes: Uint8Array) => Promise<unknown>;
  now?: Date;
  idb?: IDBFactory;
}): Promise<number | undefined> {
  const stored = await readStoredDatabase(opts.name, opts.idb);
  if (!stored.dump || stored.version < 1) return undefined;
  const data = dumpToData(migrateDump(stored.dump, Math.floor(stored.version)));
  if (!data) return undefined;
  await opts.save(backupBytes(makeBackup({ ...data, appVersion: APP_VERSION, now: opts.now ?? new Date() })));
  return stored.version;
}
