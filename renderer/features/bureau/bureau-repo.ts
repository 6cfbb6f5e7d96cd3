// Bureau mode's reads and writes. Each received file is stored in ONE transaction with its
// verdict, the report it makes current and its facts — or not at all: a file whose verdict is
// not reached, or whose receipt fails half-way, leaves IndexedDB as it was.
import type { BureauProfile, FactRow, HeldReport, RegistrySchool } from '../../../shared/consolidate/types';
import { db, nowIso } from '../../db/db';
import { bureauProfileSchema } from './bureau-profile';
import { parsePopulation, type PopulationTable } from '../../../shared/consolidate/population';
import {
  BUREAU_ID, type PopulationRecord, type FactsRecord, type HeldReportRecord, type ReceivedFileRecord, type VerdictRecord,
} from './bureau-records';

export async function getBureau(): Promise<BureauProfile | undefined> {
  return (await db.bureau.get(BUREAU_ID))?.profile;
}

export async function saveBureau(profile: BureauProfile): Promise<BureauProfile> {
  const clean = bureauProfileSchema.parse(profile);
  await db.bureau.put({ id: BUREAU_ID, profile: clean, updatedAt: nowIso() });
  return clean;
}

/**
 * Imports the registry file's schools: a school already known is updated from the file (the file
 * is the bureau's list), one added from a received file stays marked as confirmed by the clerk.
 */
export async function importRegistry(schools: readonly RegistrySchool[]): Promise<number> {
  const at = nowIso();
  await db.transaction('rw', db.registry, async () => {
    const known = new Map((await db.registry.toArray()).map((r) => [r.code, r]));
    await db.registry.bulkPut(schools.map((s) => ({ ...s, source: known.get(s.code)?.source ?? 'import', addedAt: known.get(s.code)?.addedAt ?? at })));
  });
  return schools.length;
}

/** The clerk confirmed a school a received file named that the registry did not know. */
export async function confirmSchool(school: RegistrySchool): Promise<void> {
  await db.registry.put({ ...school, source: 'confirmed', addedAt: nowIso() });
}

export interface Receipt {
  file: ReceivedFileRecord;
  verdict: VerdictRecord;
  /** the report that becomes current (new or supersede), with its accepted cells */
  held?: HeldReport;
  facts?: FactRow[];
}

/**
 * Stores one receipt. Same bytes again (same SHA-256) keep the first receipt and change nothing.
 * A superseded report moves to history before the new one takes its place.
 */
export async function storeReceipt(r: Receipt): Promise<'stored' | 'same'> {
  return db.transaction('rw', [db.receivedFiles, db.verdicts, db.heldReports, db.reportHistory, db.facts], async () => {
    if (await db.receivedFiles.get(r.file.fileSha256)) return 'same';
    await db.receivedFiles.add(r.file);
    await db.verdicts.put(r.verdict);
    if (r.held) {
      const key: [string, string, string] = [r.held.schoolCode, r.held.submission, r.held.period];
      const old = await db.heldReports.get(key);
      if (old) await db.reportHistory.add({ ...old, supersededAt: r.verdict.receivedAt });
      await db.heldReports.put(r.held);
      const facts: FactsRecord = { schoolCode: key[0], submission: key[1], period: key[2], rows: r.facts ?? [] };
      await db.facts.put(facts);
    }
    return 'stored';
  });
}

export async function heldReport(schoolCode: string, submission: string, period: string): Promise<HeldReportRecord | undefined> {
  return db.heldReports.get([schoolCode, submission, period]);
}

export function receivedFile(fileSha256: string): Promise<ReceivedFileRecord | undefined> {
  return db.receivedFiles.get(fileSha256);
}

/** Replaces the 适龄人口 table after checking it whole (population.ts): one bad row and nothing is written. */
export async function savePopulation(rows: readonly PopulationRecord[]): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  const parsed = parsePopulation({ entries: rows.map(({ group, ...r }) => ({ ...r, ...(group === 'disabled' ? { group } : {}) })) });
  if (!parsed.ok) return parsed;
  await db.transaction('rw', db.population, async () => {
    await db.population.clear();
    await db.population.bulkPut(rows.map((r) => ({ ...r })));
  });
  return { ok: true };
}

/** The table as the district indicators read it. */
export function populationTable(rows: readonly PopulationRecord[]): PopulationTable {
  return { entries: rows.map(({ group, year, age, count }) => ({ year, age, count, ...(group === 'disabled' ? { group } : {}) })) };
}
