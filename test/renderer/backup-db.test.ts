// Backups from the database: the backup before a migration (raw IndexedDB, old schema), and the
// whole-database backup restored through replaceSchoolData giving back the same data and keys.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { makeBackup, parseBackup } from '../../shared/backup/backup-file';
import { demoSchool } from '../../shared/demo/demo-school';
import { currentBackup, lastChangeAt, readDump } from '../../renderer/features/backup/backup-repo';
import { db, XiaobiaoDB } from '../../renderer/db/db';
import { dumpToData } from '../../renderer/db/dump-to-data';
import { SCHEMA_VERSION, STORES } from '../../renderer/db/migrations';
import { backupBeforeMigration, readStoredDatabase } from '../../renderer/db/pre-migration';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { createRawDb, dbFixtures, idbStores } from '../fixtures/db/db-fixtures';
import { luojiang, resetAll } from './helpers';

const NOW = new Date(2026, 10, 25, 8, 0);
let n = 0;
const names: string[] = [];
const fresh = () => {
  const name = `pre-migration-${++n}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('backup before a migration', () => {
  for (const { name: file, fixture, expected } of dbFixtures()) {
    it(`${file}: the stored data is backed up whole, as the upgraded schema reads it, before the app opens it`, async () => {
      const name = fresh();
      await createRawDb({ name, idbVersion: fixture.schemaVersion * 10, stores: idbStores(STORES[fixture.schemaVersion]!), tables: fixture.tables });
      const save = vi.fn(async (_bytes: Uint8Array) => undefined);
      expect(await backupBeforeMigration({ name, save, now: NOW })).toBe(fixture.schemaVersion);
      expect(save).toHaveBeenCalledOnce();
      const backup = parseBackup('升级前备份.json', save.mock.calls[0]![0]);
      const want = makeBackup({ ...dumpToData(expected.tables)!, appVersion: 'x', now: NOW });
      expect(backup.school).toEqual(want.school);
      expect(backup.periods).toEqual(want.periods);
      expect(backup.savedAt).toBe(NOW.toISOString());
      const rows = backup.periods.reduce((s, p) => s + Object.values(p.sheets).reduce((t, e) => t + (e.rows?.length ?? 0), 0), 0);
      expect(rows).toBe(expected.tables.rows.length);

      // the app then opens and upgrades it as before
      const app = new XiaobiaoDB(name);
      await app.open();
      expect(app.verno).toBe(SCHEMA_VERSION);
      app.close();
      // and at the current version there is nothing more to back up
      expect(await backupBeforeMigration({ name, save, now: NOW })).toBeUndefined();
      expect(save).toHaveBeenCalledOnce();
    });
  }

  it('no database yet: nothing is backed up and no database is created', async () => {
    const name = fresh();
    const save = vi.fn(async () => undefined);
    expect(await readStoredDatabase(name)).toEqual({ version: 0 });
    expect(await backupBeforeMigration({ name, save })).toBeUndefined();
    expect(save).not.toHaveBeenCalled();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('an old database without a school (never set up) has nothing to back up', async () => {
    const name = fresh();
    await createRawDb({ name, idbVersion: 10, stores: idbStores(STORES[1]!), tables: {} });
    const save = vi.fn(async () => undefined);
    expect(await backupBeforeMigration({ name, save })).toBeUndefined();
    expect(save).not.toHaveBeenCalled();
  });
});

describe('whole-database backup', () => {
  beforeEach(resetAll);

  it('is undefined before the school is set up', async () => {
    expect(await currentBackup()).toBeUndefined();
    expect(await lastChangeAt()).toBeUndefined();
  });

  it('restores to the very same records (row keys and 说明 keys do not grow)', async () => {
    const demo = demoSchool({ pack: luojiang(), type: '小学', today: '2026-11-25' });
    await replaceSchoolData(demo);
    const first = await currentBackup(NOW);
    const before = await readDump();
    await replaceSchoolData(parseBackup('备份.json', new TextEncoder().encode(JSON.stringify(first))));
    const after = await readDump();
    const keys = (d: typeof before) => ({ rows: d.rows.map((r) => r['id']).sort(), periods: d.periods.map((p) => p['explanations']) });
    expect(keys(after)).toEqual(keys(before));
    expect(await currentBackup(NOW)).toEqual(first);
    expect(first!.periods.length).toBe(demo.periods.length);
  });

  it('a row added in the app survives backup and restore with its values', async () => {
    const demo = demoSchool({ pack: luojiang(), type: '小学', today: '2026-11-25' });
    await replaceSchoolData(demo);
    const p = demo.periods.find((x) => x.submission === 'XNC')!;
    const ref = { submission: 'XNC', period: p.period, sheetId: 'classList' };
    await addRow(ref, { className: '新增（9）班', students: 33 });
    const backup = (await currentBackup(NOW))!;
    await replaceSchoolData(backup);
    const rows = await db.rows.where('[submission+period+sheetId]').equals([ref.submission, ref.period, ref.sheetId]).toArray();
    expect(rows.find((r) => r.values['className'] === '新增（9）班')?.values['students']).toBe(33);
    expect(await lastChangeAt()).toBeGreaterThan(0);
  });
});
