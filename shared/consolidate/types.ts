// The bureau's side of the product: what it holds about each school and each received workbook.
// These types are the contract between the pure consolidation modules in this folder, the CLI
// (`xiaobiao consolidate`, worker_threads) and the bureau feature of the renderer (web workers,
// IndexedDB). Everything here is plain JSON so it crosses a worker or IPC boundary unchanged.
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';

/** A school as the bureau's registry knows it (学校标识码 … 城乡分类); the 封面 of its files must agree. */
export interface RegistrySchool {
  code: string;
  name: string;
  type: string;
  sponsor: SchoolProfile['sponsor'];
  township: string;
  urbanRural: SchoolProfile['urbanRural'];
  /** 幼儿园 only: 普惠性 (a 民办 普惠 kindergarten counts toward 普惠性幼儿园覆盖率) */
  puhui?: boolean;
}

/** Set-up of bureau mode: who consolidates, with which pack. */
export interface BureauProfile {
  name: string;
  /** 6-digit 行政区划代码, e.g. 510626 */
  regionCode: string;
  packId: string;
}

export interface Registry {
  bureau: BureauProfile;
  schools: RegistrySchool[];
}

/** Where in a file something is wrong; every message shown to the clerk names as much as is known. */
export interface FileProblem {
  message: string;
  sheet?: string;
  /** A1 address, e.g. "E5" */
  cell?: string;
  /** a zip part, e.g. "xl/worksheets/sheet3.xml" */
  part?: string;
}

/**
 * The verdict on one received file, reached before anything is stored.
 * - accepted: read whole, hashes match, 已审核, 逻辑校验 passes on its own cells;
 * - auditFailed (校验不通过): readable and intact but its cells fail 逻辑校验 (whatever its _meta says),
 *   or it is a 草稿;
 * - hashMismatch (哈希不符): cells no longer match the hashes in `_meta` (edited after export);
 * - refused: not a report of this pack / not readable / unsafe (formulas, two-way zip, …).
 */
export type VerdictKind = 'accepted' | 'auditFailed' | 'hashMismatch' | 'refused';

export interface Verdict {
  kind: VerdictKind;
  fileName: string;
  /** SHA-256 of the file's bytes (hex) — the same bytes twice are one receipt */
  fileSha256: string;
  byteLength: number;
  /** `sha256:all` of `_meta`, when the file could be read */
  contentHash?: string;
  /** what the file says it is (absent when refused before `_meta` could be read) */
  schoolCode?: string;
  schoolName?: string;
  submission?: string;
  period?: string;
  packId?: string;
  packVersion?: string;
  version?: number;
  status?: string;
  /** 报出日期 on the 封面; lateness is judged against the submission's due date */
  reportDate?: string;
  /** counts from re-running the audit on the file's cells */
  audit?: { errors: number; warnings: number; unexplained: number };
  problems: FileProblem[];
  /** whether the school's MAC proves the file is its own (set when verified with a keys store);
   * 认证失败 files are `refused` */
  auth?: '已认证' | '未认证' | '认证失败';
  /** the data as read, kept only for accepted / auditFailed files */
  school?: SchoolProfile;
  data?: PeriodData;
}

/** What receiving a verified file does to what the bureau holds for that school × submission × period. */
export type ReceiveAction =
  | 'new' // nothing held yet
  | 'supersede' // a higher approved version replaces the held one (kept in history) after the clerk sees the diff
  | 'same' // the same file (same sha256:all) again: one receipt, nothing changes
  | 'lower' // a lower version than the one held: refused
  | 'conflict' // a different file with the same version: listed, never merged
  | 'unknownSchool' // not in the registry: listed for the clerk, never silently added
  | 'rejected'; // the verdict is not accepted: recorded as such, its figures never counted

/** One accepted report the bureau holds (the current version of a school × submission × period). */
export interface HeldReport {
  schoolCode: string;
  submission: string;
  period: string;
  version: number;
  contentHash: string;
  fileSha256: string;
  receivedAt: string;
  data: PeriodData;
  /** 幼儿园: 是否普惠性 as its 封面 said, used when the registry does not say */
  puhui?: boolean;
}

/** State words of the completeness matrix (FORMS.md §5; issue 12 item 5). */
/** 冲突: two different files of the same version arrived together (a CLI round): neither is counted */
export type CompletenessState = '未报' | '已报' | '校验不通过' | '哈希不符' | '逾期' | '冲突';

/** One accepted cell, as a row for analysts (CSV, DuckDB). `column` is the 1-based data column number. */
export interface FactRow {
  schoolCode: string;
  submission: string;
  period: string;
  sheet: string;
  rowCode: string;
  column: number;
  value: number;
  version: number;
  /** a 率 row of an indicator sheet: its divisor, by which the district's rate weighs the school (Σ value×weight ÷ Σ weight) */
  weight?: number;
}

/** The breakdowns of district totals. */
export type Breakdown = 'district' | 'stage' | 'township' | 'sponsor' | 'urbanRural' | 'type';
