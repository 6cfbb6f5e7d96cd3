// The renderer's IndexedDB database (Dexie). All school data lives here, on this computer only.
//
// Never delete or edit a `version(n)` once it has shipped: a school that skipped an update
// still needs every step to reach the current schema. Each later version adds
// `.stores({...})` for index changes and `.upgrade(tx => …)` that calls a pure, tested
// function from migrations.ts — never inline data rewriting here.
import Dexie, { type EntityTable } from 'dexie';
import type { CellRecord, ChangeRecord, PeriodRecord, RowRecord, SchoolRecord } from './records';
import { applyUpgrade, UPGRADES, V1_STORES, V2_STORES, V3_STORES } from './migrations';
import type {
  BureauRecord, FactsRecord, HeldReportRecord, PopulationRecord, ReceivedFileRecord, RegistryRecord, ReportHistoryRecord, VerdictRecord,
} from '../features/bureau/bureau-records';
import { watchVersionChange } from './version-watch';

export const DB_NAME = 'xiaobiao';

export class XiaobiaoDB extends Dexie {
  school!: EntityTable<SchoolRecord, 'id'>;
  periods!: Dexie.Table<PeriodRecord, [string, string]>;
  rows!: EntityTable<RowRecord, 'id'>;
  cells!: Dexie.Table<CellRecord, [string, string, string, string]>;
  changes!: EntityTable<ChangeRecord, 'id'>;
  // bureau mode (v3)
  bureau!: EntityTable<BureauRecord, 'id'>;
  registry!: EntityTable<RegistryRecord, 'code'>;
  receivedFiles!: EntityTable<ReceivedFileRecord, 'fileSha256'>;
  verdicts!: EntityTable<VerdictRecord, 'fileSha256'>;
  heldReports!: Dexie.Table<HeldReportRecord, [string, string, string]>;
  reportHistory!: EntityTable<ReportHistoryRecord, 'id'>;
  facts!: Dexie.Table<FactsRecord, [string, string, string]>;
  population!: Dexie.Table<PopulationRecord, [string, number, number]>;

  constructor(name: string = DB_NAME) {
    // 'strict': Chromium fsyncs before a write transaction reports complete, so 已保存 also
    // survives a power cut, not just a crash (Chromium's default 'relaxed' does not; measured
    // cost and reasoning: docs/durability.md, `npm run bench`)
    super(name, { chromeTransactionDurability: 'strict' });
    // v1 baseline. Compound indexes serve the two access paths: one sheet of a period
    // (the grid) and a whole period (snapshot for audit and export).
    this.version(1).stores(V1_STORES);
    // v2: the audit trail (修改记录)
    this.version(2).stores(V2_STORES).upgrade((tx) => applyUpgrade(tx, UPGRADES[2]!));
    // v3: bureau mode (区教育局) — registry, received files, verdicts, held reports, facts
    this.version(3).stores(V3_STORES).upgrade((tx) => applyUpgrade(tx, UPGRADES[3]!));
  }
}

/** The app's one database connection. Tests clear its tables rather than deleting it. */
export const db = new XiaobiaoDB();

/** Tells the UI when a newer 校表通 in another window has taken the database over. */
export const dbWatch = watchVersionChange(db);

export function nowIso(): string {
  return new Date().toISOString();
}
