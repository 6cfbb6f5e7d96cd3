// Schema history of the renderer database, and the pure functions that move data between
// versions. db.ts declares each version; this file holds what the versions contain so the
// steps can be tested on plain arrays, and replayed on an old backup, without a browser.
//
// To add version N:
//   1. export VN_STORES (the full store map of version N; Dexie needs only the changed ones,
//      but keeping the full map here documents the schema at a glance);
//   2. add UPGRADES[N]: a pure (dump) => dump turning version N-1 records into version N records;
//   3. in db.ts: this.version(N).stores(VN_STORES).upgrade((tx) => applyUpgrade(tx, UPGRADES[N]!));
//   4. add a case to test/renderer/migrations.test.ts that opens a version N-1 database with
//      fixture records and checks what version N reads;
//   5. add VN_STORES to STORES, save a realistic version N-1 database as
//      test/fixtures/db/v{N-1}.json, and write v{k}.expected-v{N}.json for every fixture k
//      (what version N must read); db-fixtures tests and the db-migration e2e pick them up.
import type { Transaction } from 'dexie';

/** Version 1, the baseline every install starts from. Frozen: shipped installs depend on it. */
export const V1_STORES = {
  school: 'id',
  periods: '[submission+period], submission',
  rows: 'id, [submission+period+sheetId], [submission+period], seq',
  cells: '[submission+period+sheetId+key], [submission+period]',
} as const;

/**
 * Version 2 adds `changes`, the audit trail (修改记录): auto-increment id, and the two ways it is
 * read — one submission × period (the drawer's default) and by time across everything.
 */
export const V2_STORES = {
  ...V1_STORES,
  changes: '++id, [submission+period], at',
} as const;

/**
 * Version 3 adds bureau mode (区教育局): its profile, the school registry, every received file
 * with its original bytes (the bureau must be able to show what it got), the verdict on each,
 * the report held per school × submission × period and the ones it superseded, the accepted
 * cells as facts (one record per held report, not per cell: 300 schools × 2,000 cells would be
 * 600,000 IndexedDB writes), and the 适龄人口 table the *pop* indicators read.
 * A school install keeps these tables empty; its own tables are untouched.
 */
export const V3_STORES = {
  ...V2_STORES,
  bureau: 'id',
  registry: 'code, township',
  receivedFiles: 'fileSha256, receivedAt',
  verdicts: 'fileSha256, [submission+period], schoolCode, kind',
  heldReports: '[schoolCode+submission+period], [submission+period]',
  reportHistory: '++id, [schoolCode+submission+period]',
  facts: '[schoolCode+submission+period], [submission+period]',
  population: '[group+year+age]',
} as const;

export const SCHEMA_VERSION = 3;

/** The full store map of every version, for tests that build an old database the raw way. */
export const STORES: Readonly<Record<number, Readonly<Record<string, string>>>> = { 1: V1_STORES, 2: V2_STORES, 3: V3_STORES };

/** The tables of bureau mode (v3); a school install never writes them. */
export const BUREAU_TABLE_NAMES = ['bureau', 'registry', 'receivedFiles', 'verdicts', 'heldReports', 'reportHistory', 'facts', 'population'] as const;

export const TABLE_NAMES = ['school', 'periods', 'rows', 'cells'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Every record of every table, as plain objects: the unit a migration step works on. */
export type TableDump = Record<TableName, Record<string, unknown>[]>;

export type UpgradeStep = (dump: TableDump) => TableDump;

/**
 * v1 → v2: the new `changes` table starts empty and no v1 record changes shape, so the step is
 * the identity. It exists (and is tested) so every version has its step and the chain holds.
 */
export function upgradeToV2(dump: TableDump): TableDump {
  return dump;
}

/**
 * v2 → v3: bureau mode's tables start empty. A v2 install is a school (the only mode v2 had), and
 * its records keep their shape, so the step is the identity on the school's tables: an install
 * with a school record stays a school, never becoming a bureau by an upgrade.
 */
export function upgradeToV3(dump: TableDump): TableDump {
  return dump;
}

/** UPGRADES[n] turns version n-1 records into version n records. */
export const UPGRADES: Readonly<Record<number, UpgradeStep>> = { 2: upgradeToV2, 3: upgradeToV3 };

export function emptyDump(): TableDump {
  return { school: [], periods: [], rows: [], cells: [] };
}

/** Applies the steps from `from` (exclusive) to `to` (inclusive), in order. Pure. */
export function migrateDump(
  dump: TableDump,
  from: number,
  to: number = SCHEMA_VERSION,
  steps: Readonly<Record<number, UpgradeStep>> = UPGRADES,
): TableDump {
  if (from > to) throw new Error(`数据版本 ${from} 比本程序支持的版本 ${to} 新，请先升级校表通`);
  let out = dump;
  for (let v = from + 1; v <= to; v++) {
    const step = steps[v];
    if (step) out = step(out);
  }
  return out;
}

/**
 * Runs one pure step inside a Dexie upgrade transaction: read every table, transform,
 * write back. Whole-table rewrites are fine at a school's data size (thousands of rows).
 */
export async function applyUpgrade(tx: Transaction, step: UpgradeStep): Promise<void> {
  const before = emptyDump();
  for (const name of TABLE_NAMES) before[name] = (await tx.table(name).toArray()) as Record<string, unknown>[];
  const after = step(before);
  if (after === before) return; // an identity step (like v2's) leaves the tables as they are
  for (const name of TABLE_NAMES) {
    const table = tx.table(name);
    await table.clear();
    await table.bulkAdd(after[name]);
  }
}
