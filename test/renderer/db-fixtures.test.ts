// The stored old databases (test/fixtures/db): one for every schema version before the current
// one, each migrating (pure, and inside a real Dexie open) to exactly what its expectation says.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { XiaobiaoDB } from '../../renderer/db/db';
import { migrateDump, SCHEMA_VERSION, STORES, TABLE_NAMES } from '../../renderer/db/migrations';
import { createRawDb, dbFixtures, idbStores } from '../fixtures/db/db-fixtures';

const fixtures = dbFixtures();
const opened: Dexie[] = [];
let n = 0;

afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

/** Object stores and indexes as IndexedDB reports them, to compare two databases' shapes. */
async function shape(name: string) {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = idb.transaction(Array.from(idb.objectStoreNames));
  const out = Array.from(idb.objectStoreNames).map((s) => {
    const store = tx.objectStore(s);
    const indexes = Array.from(store.indexNames).map((i) => {
      const index = store.index(i);
      return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    return { name: s, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  const version = idb.version;
  idb.close();
  return { version, stores: out };
}

const byKey = (records: Record<string, unknown>[]) => [...records].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('stored databases of earlier schema versions', () => {
  it('there is one for every version before the current one', () => {
    expect(fixtures.map((f) => f.fixture.schemaVersion)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  for (const { name, fixture, expected } of fixtures) {
    it(`${name} holds a school, an approved period, ledger rows and cells`, () => {
      const t = fixture.tables;
      expect(t.school).toHaveLength(1);
      expect(t.periods.some((p) => p.status === '已审核' && (p.version as number) >= 1)).toBe(true);
      expect(t.rows.length).toBeGreaterThan(20);
      expect(t.cells.length).toBeGreaterThan(20);
    });

    it(`${name} through migrateDump equals ${`v${fixture.schemaVersion}.expected-v${SCHEMA_VERSION}.json`}`, () => {
      expect(expected.schemaVersion).toBe(SCHEMA_VERSION);
      expect(migrateDump(fixture.tables, fixture.schemaVersion)).toEqual(expected.tables);
    });

    it(`${name} built the raw way has the very shape Dexie gives schema ${fixture.schemaVersion}`, async () => {
      const raw = `fixture-raw-${++n}`;
      const dexie = `fixture-dexie-${n}`;
      await createRawDb({ name: raw, idbVersion: fixture.schemaVersion * 10, stores: idbStores(STORES[fixture.schemaVersion]!), tables: {} });
      const old = new Dexie(dexie);
      old.version(fixture.schemaVersion).stores(STORES[fixture.schemaVersion]!);
      await old.open();
      old.close();
      opened.push(new Dexie(raw), old);
      const sort = (s: Awaited<ReturnType<typeof shape>>) => ({ ...s, stores: s.stores.map((x) => ({ ...x, indexes: [...x.indexes].sort((a, b) => a.name.localeCompare(b.name)) })) });
      expect(sort(await shape(raw))).toEqual(sort(await shape(dexie)));
    });

    it(`${name} opened by the current app reads every record as expected, with the new tables`, async () => {
      const name = `fixture-open-${++n}`;
      await createRawDb({ name, idbVersion: fixture.schemaVersion * 10, stores: idbStores(STORES[fixture.schemaVersion]!), tables: fixture.tables });
      const db = new XiaobiaoDB(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      for (const t of TABLE_NAMES) expect(byKey(await db.table(t).toArray()), t).toEqual(byKey(expected.tables[t]));
      expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(STORES[SCHEMA_VERSION]!).sort());
      expect(await db.changes.count()).toBe(0);
    });
  }
});
