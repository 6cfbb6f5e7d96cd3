// What bureau mode keeps in IndexedDB (schema v3, renderer/db/migrations.ts V3_STORES). The
// shapes are the consolidation contract's (shared/consolidate/types.ts) plus what the clerk needs
// to see later: when a file came, its bytes, and what receiving it did.
import type { BureauProfile, FileProblem, HeldReport, ReceiveAction, RegistrySchool, Verdict, FactRow } from '../../../shared/consolidate/types';

/** One bureau per install: the row's id is always BUREAU_ID. */
export const BUREAU_ID = 'current';

export interface BureauRecord {
  id: typeof BUREAU_ID;
  profile: BureauProfile;
  updatedAt: string;
}

export interface RegistryRecord extends RegistrySchool {
  /** 'import': from the registry file; 'confirmed': added by the clerk from a received file */
  source: 'import' | 'confirmed';
  addedAt: string;
}

/** A received file exactly as it came, keyed by the SHA-256 of its bytes (same bytes = one receipt). */
export interface ReceivedFileRecord {
  fileSha256: string;
  fileName: string;
  byteLength: number;
  bytes: ArrayBuffer;
  receivedAt: string;
}

/** The verdict on a received file without the data it carried (that is in heldReports / facts). */
export type VerdictRecord = Omit<Verdict, 'data' | 'school'> & {
  action: ReceiveAction;
  receivedAt: string;
  problems: FileProblem[];
};

export type HeldReportRecord = HeldReport;

export interface ReportHistoryRecord extends HeldReport {
  id?: number;
  supersededAt: string;
}

/** The accepted cells of one held report, as analysts' rows (FactRow). */
export interface FactsRecord {
  schoolCode: string;
  submission: string;
  period: string;
  rows: FactRow[];
}

/** 适龄人口 the bureau enters: people of one age in one year (for the *pop* indicators). */
export interface PopulationRecord {
  /** 全部适龄人口, or 适龄残疾儿童少年 (shared/consolidate/population.ts) */
  group: 'all' | 'disabled';
  year: number;
  age: number;
  count: number;
}
