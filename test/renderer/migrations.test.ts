// The migration harness: an install at an older schema, opened by the current code, must
// read its data unchanged or as the pure upgrade step says. v2 added the audit trail
// (`changes`) with an identity step; the harness is also exercised with a test-only step that
// rewrites data, so the mechanism is proven before a real rewrite is needed.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { XiaobiaoDB } from '../../renderer/db/db';
import {
  applyUpgrade, emptyDump, migrateDump, SCHEMA_VERSION, TABLE_NAMES, UPGRADES, upgradeToV2, V1_STORES, type TableDump,
} from '../../renderer/db/migrations';

const opened: Dexie[] = [];
let n = 0;
const freshName = () => `migration-test-${++n}`;

afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

/** Creates a database exactly as version 1 of the app left it, with some records. */
async function seedV1(name: string): Promise<TableDump> {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  const dump: TableDump = {
    school: [{ id: 'current', profile: { name: '罗江区实验小学', code: '5106260001' }, updatedAt: '2025-09-01T00:00:00.000Z' }],
    periods: [{ submission: 'XNC', period: '2025-2026', status: '草稿', version: 0, explanations: {}, updatedAt: 'x' }],
    rows: [{ id: 'r1', submission: 'XNC', period: '2025-2026', sheetId: 'classList', seq: 1, values: { students: 45 } }],
    cells: [{ submission: 'XNC', period: '2025-2026', sheetId: 'jj3112', key: '01:graduates', value: 52 }],
  };
  await old.transaction('rw', old.tables, async () => {
    for (const t of TABLE_NAMES) await old.table(t).bulkAdd(dump[t]);
  });
  old.close();
  return dump;
}

describe('schema versions', () => {
  it('the app is at version 3, with one step per version after the baseline', () => {
    expect(SCHEMA_VERSION).toBe(3);
    expect(Object.keys(UPGRADES)).toEqual(['2', '3']);
  });

  it('the v1 → v2 step leaves every v1 record as it was', () => {
    const dump: TableDump = { ...emptyDump(), rows: [{ id: 'r1', values: { students: 45 } }], periods: [{ status: '已审核', version: 3 }] };
    const out = upgradeToV2(dump);
    expect(out).toEqual({ ...emptyDump(), rows: [{ id: 'r1', values: { students: 45 } }], periods: [{ status: '已审核', version: 3 }] });
    expect(migrateDump(dump, 1, 2)).toEqual(dump);
  });

  it('a version-1 database upgraded to v2 gets an empty 修改记录 that takes records', async () => {
    const name = freshName();
    await seedV1(name);
    const db = new XiaobiaoDB(name);
    opened.push(db);
    await db.open();
    expect(await db.changes.count()).toBe(0);
    const id = await db.changes.add({ at: '2025-09-18T02:00:00.000Z', who: '张老师', submission: 'XNC', period: '2025-2026', sheetId: 'classList', action: 'edit', old: 45, new: 46 });
    expect(await db.changes.where('[submission+period]').equals(['XNC', '2025-2026']).toArray()).toEqual([
      { id, at: '2025-09-18T02:00:00.000Z', who: '张老师', submission: 'XNC', period: '2025-2026', sheetId: 'classList', action: 'edit', old: 45, new: 46 },
    ]);
  });

  it('the current code opens a version-1 database and reads every record', async () => {
    const name = freshName();
    const dump = await seedV1(name);
    const db = new XiaobiaoDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.school.toArray()).toEqual(dump.school);
    expect(await db.periods.toArray()).toEqual(dump.periods);
    expect(await db.rows.where('[submission+period+sheetId]').equals(['XNC', '2025-2026', 'classList']).toArray()).toEqual(dump.rows);
    expect(await db.cells.where('[submission+period]').equals(['XNC', '2025-2026']).toArray()).toEqual(dump.cells);
  });
});

describe('migrateDump', () => {
  const addNote = (dump: TableDump): TableDump => ({ ...dump, rows: dump.rows.map((r) => ({ ...r, note: 'v2' })) });
  const renameStatus = (dump: TableDump): TableDump => ({
    ...dump,
    periods: dump.periods.map((p) => ({ ...p, status: p.status === '草稿' ? 'draft' : p.status })),
  });

  it('applies the steps after `from` up to `to`, in order, without touching its input', () => {
    const input: TableDump = { ...emptyDump(), rows: [{ id: 'a' }], periods: [{ status: '草稿' }] };
    const out = migrateDump(input, 1, 3, { 2: addNote, 3: renameStatus });
    expect(out.rows).toEqual([{ id: 'a', note: 'v2' }]);
    expect(out.periods).toEqual([{ status: 'draft' }]);
    expect(input.rows).toEqual([{ id: 'a' }]);
    expect(migrateDump(input, 2, 3, { 2: addNote, 3: renameStatus }).rows).toEqual([{ id: 'a' }]);
  });

  it('is the identity at the current version', () => {
    const input: TableDump = { ...emptyDump(), rows: [{ id: 'a' }] };
    expect(migrateDump(input, SCHEMA_VERSION)).toBe(input);
  });

  it('refuses data from a newer version of the app', () => {
    expect(() => migrateDump(emptyDump(), SCHEMA_VERSION + 1)).toThrow('请先升级校表通');
  });
});

describe('applyUpgrade inside a real Dexie upgrade', () => {
  it('runs a pure step over every table of a version-1 database', async () => {
    const name = freshName();
    await seedV1(name);
    const next = new Dexie(name);
    opened.push(next);
    next.version(1).stores(V1_STORES);
    next
      .version(2)
      .stores(V1_STORES)
      .upgrade((tx) =>
        applyUpgrade(tx, (d) => ({ ...d, rows: d.rows.map((r) => ({ ...r, values: { ...(r.values as object), boarding: 0 } })) })),
      );
    await next.open();
    expect(next.verno).toBe(2);
    expect(await next.table('rows').get('r1')).toMatchObject({ values: { students: 45, boarding: 0 } });
    expect(await next.table('cells').count()).toBe(1);
    expect(await next.table('school').get('current')).toMatchObject({ profile: { name: '罗江区实验小学' } });
  });
});
