// Schema v3 (bureau mode): a v2 school install upgrades with every record kept and the bureau
// tables empty; the tables then hold a received file's original bytes, its verdict, the report
// it makes current and its facts — all in one transaction, or nothing.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { XiaobiaoDB } from '../../renderer/db/db';
import {
  BUREAU_TABLE_NAMES, emptyDump, migrateDump, SCHEMA_VERSION, STORES, UPGRADES, upgradeToV3, V2_STORES, type TableDump,
} from '../../renderer/db/migrations';
import { storeReceipt, type Receipt } from '../../renderer/features/bureau/bureau-repo';
import { emptyPeriod } from '../../shared/model/data';

const opened: Dexie[] = [];
let n = 0;
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

const V2: TableDump & { changes: Record<string, unknown>[] } = {
  school: [{ id: 'current', profile: { name: '罗江区实验小学', code: '5106260001' }, updatedAt: '2025-09-01T00:00:00.000Z' }],
  periods: [{ submission: 'XNC', period: '2025-2026', status: '已审核', version: 2, explanations: {}, updatedAt: 'x' }],
  rows: [{ id: 'r1', submission: 'XNC', period: '2025-2026', sheetId: 'classList', seq: 1, values: { students: 45 } }],
  cells: [{ submission: 'XNC', period: '2025-2026', sheetId: 'jj3112', key: '01:graduates', value: 52 }],
  changes: [{ id: 1, at: '2025-09-18T02:00:00.000Z', who: '张老师', submission: 'XNC', period: '2025-2026', sheetId: 'classList', action: 'edit', old: 45, new: 46 }],
};

async function seedV2(name: string) {
  const old = new Dexie(name);
  old.version(2).stores(V2_STORES);
  await old.transaction('rw', old.tables, async () => {
    for (const [t, records] of Object.entries(V2)) await old.table(t).bulkAdd(records);
  });
  old.close();
}

describe('schema v3: bureau mode', () => {
  it('is the current version; its step leaves a school install as it was', () => {
    expect(SCHEMA_VERSION).toBe(3);
    expect(UPGRADES[3]).toBe(upgradeToV3);
    const dump: TableDump = { ...emptyDump(), school: [{ id: 'current', profile: { name: '甲校' } }], cells: [{ key: '01:a', value: 3 }] };
    expect(upgradeToV3(dump)).toEqual({ ...emptyDump(), school: [{ id: 'current', profile: { name: '甲校' } }], cells: [{ key: '01:a', value: 3 }] });
    expect(migrateDump(dump, 2, 3)).toEqual(dump);
    expect(Object.keys(STORES[3]!)).toEqual([...Object.keys(V2_STORES), ...BUREAU_TABLE_NAMES]);
  });

  it('a version-2 school database opens at v3 with every record, its 修改记录 and empty bureau tables', async () => {
    const name = `bureau-migration-${++n}`;
    await seedV2(name);
    const db = new XiaobiaoDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    for (const t of ['school', 'periods', 'rows', 'cells', 'changes']) expect(await db.table(t).toArray(), t).toEqual(V2[t as keyof typeof V2]);
    for (const t of BUREAU_TABLE_NAMES) expect(await db.table(t).count(), t).toBe(0);
  });
});

const BYTES = new Uint8Array([0x50, 0x4b, 3, 4, 9, 8, 7, 6, 5]);

function receipt(sha: string, version: number, contentHash: string, schoolCode = '5106262001'): Receipt {
  const at = `2025-09-1${version}T08:00:00.000Z`;
  const data = { ...emptyPeriod('XNC', '2025-2026'), status: '已审核' as const, version };
  return {
    file: { fileSha256: sha, fileName: `${schoolCode}_XNC_2025-2026.xlsx`, byteLength: BYTES.length, bytes: BYTES.slice().buffer, receivedAt: at },
    verdict: { kind: 'accepted', fileName: 'f.xlsx', fileSha256: sha, byteLength: BYTES.length, contentHash, schoolCode, submission: 'XNC', period: '2025-2026', version, problems: [], action: version > 1 ? 'supersede' : 'new', receivedAt: at },
    held: { schoolCode, submission: 'XNC', period: '2025-2026', version, contentHash, fileSha256: sha, receivedAt: at, data },
    facts: [{ schoolCode, submission: 'XNC', period: '2025-2026', sheet: 'jj3112', rowCode: '01', column: 1, value: 40 + version, version }],
  };
}

describe('storing a receipt', () => {
  it('keeps the original bytes, the verdict, the current report and its facts; the same bytes again are one receipt', async () => {
    // the repository writes to the app's own database
    const { db: appDb } = await import('../../renderer/db/db');
    await appDb.open();
    for (const t of BUREAU_TABLE_NAMES) await appDb.table(t).clear();
    expect(await storeReceipt(receipt('a1', 1, 'h1'))).toBe('stored');
    expect(await storeReceipt(receipt('a1', 1, 'h1'))).toBe('same');
    expect(await appDb.receivedFiles.count()).toBe(1);
    const file = await appDb.receivedFiles.get('a1');
    expect(new Uint8Array(file!.bytes)).toEqual(BYTES);
    expect((await appDb.heldReports.get(['5106262001', 'XNC', '2025-2026']))?.version).toBe(1);
    expect((await appDb.facts.get(['5106262001', 'XNC', '2025-2026']))?.rows.map((f) => f.value)).toEqual([41]);
  });

  it('a superseding version becomes current and the old one goes to history', async () => {
    const { db } = await import('../../renderer/db/db');
    await db.open();
    for (const t of BUREAU_TABLE_NAMES) await db.table(t).clear();
    await storeReceipt(receipt('a1', 1, 'h1'));
    await storeReceipt(receipt('b2', 2, 'h2'));
    expect((await db.heldReports.get(['5106262001', 'XNC', '2025-2026']))).toMatchObject({ version: 2, contentHash: 'h2', fileSha256: 'b2' });
    expect((await db.reportHistory.toArray()).map((h) => [h.version, h.contentHash, h.supersededAt])).toEqual([[1, 'h1', '2025-09-12T08:00:00.000Z']]);
    expect((await db.facts.get(['5106262001', 'XNC', '2025-2026']))?.rows.map((f) => f.value)).toEqual([42]);
    expect(await db.receivedFiles.count()).toBe(2);
    expect(await db.verdicts.count()).toBe(2);
  });

  it('a receipt that fails half-way stores nothing at all', async () => {
    const { db } = await import('../../renderer/db/db');
    await db.open();
    for (const t of BUREAU_TABLE_NAMES) await db.table(t).clear();
    const bad = receipt('c3', 1, 'h3');
    // a held report without its key: IndexedDB refuses it after the file and the verdict were written
    (bad.held as unknown as Record<string, unknown>).schoolCode = undefined;
    await expect(storeReceipt(bad)).rejects.toThrow();
    expect(await db.receivedFiles.count()).toBe(0);
    expect(await db.verdicts.count()).toBe(0);
    expect(await db.heldReports.count()).toBe(0);
  });
});
