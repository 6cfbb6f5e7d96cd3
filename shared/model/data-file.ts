// Reads an untrusted school data file (`xiaobiao-data/1`: the CLI's input, a backup) from bytes:
// limits first (size, encoding, depth, prototype keys — json-limits.ts), then the zod schema.
// Every refusal is a DataFileError whose message names the file and the path inside it.
// The app's restore (shared/backup/backup-file.ts) and the CLI read through the same checks here:
// duplicate keys (json-limits.ts), the schema, then dataLimitProblem (sizes, a period or a row id
// given twice); dataValueIssues names the values the 审核 would flag, by their path in the file.
import { ledgerRowSchema, periodDataSchema, schoolDataSchema, type SchoolData } from './data';
import { JsonLimitError, parseUntrustedJsonBytes, JSON_LIMITS } from './json-limits';
import type { Pack } from '../pack/schema';
import { formatValue, impossibleDate } from './values';

export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

/** Beyond what the JSON limits allow: a data file or backup is refused whole when any is passed. */
export const DATA_FILE_LIMITS = {
  /** bytes of the file (the JSON limit; a large school's backup is a few MB) */
  maxBytes: JSON_LIMITS.maxBytes,
  /** periods (ten years × 12 months × 3 reports is 360) */
  maxPeriods: 2000,
  /** rows of one list (a 班级名册 of a large school is a few hundred, a 教职工名册 a few hundred) */
  maxRowsPerSheet: 50_000,
  /** rows of all lists together */
  maxRows: 500_000,
  /** entered cells of all statistics and indicator sheets together */
  maxCells: 1_000_000,
};
export type DataFileLimits = typeof DATA_FILE_LIMITS;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const issue = (path: (string | number)[], message: string) => `${jsonPath(path)}: ${message}`;

export interface DataFileIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The first problem in a data file's big collections (periods, list rows), element by element.
 * zod reports EVERY bad element, so a file of a million wrong rows would cost a million issues
 * (minutes, or a stack overflow inside zod); checking the collections first stops at the first one.
 * The backup reader (shared/backup) calls it too.
 */
export function firstCollectionIssue(json: unknown): DataFileIssue | undefined {
  if (!isObj(json) || !Array.isArray(json.periods)) return undefined; // the schema says what is wrong
  const at = (path: (string | number)[], e: { path: PropertyKey[]; message: string }) => ({ path: [...path, ...(e.path as (string | number)[])], message: e.message });
  for (const [i, p] of json.periods.entries()) {
    if (!isObj(p)) return { path: ['periods', i], message: '应为对象' };
    if (isObj(p.sheets))
      for (const [id, e] of Object.entries(p.sheets)) {
        if (!isObj(e) || !Array.isArray(e.rows)) continue;
        for (const [r, row] of e.rows.entries()) {
          const res = ledgerRowSchema.safeParse(row);
          if (!res.success) return at(['periods', i, 'sheets', id, 'rows', r], res.error.issues[0]!);
        }
      }
    const res = periodDataSchema.safeParse(p);
    if (!res.success) return at(['periods', i], res.error.issues[0]!);
  }
  return undefined;
}

/** `periods[3].sheets.classList.rows[12].id` from a zod path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(根)';
}

/** Sizes, duplicates: what the schema cannot say. Returns the first problem with its JSON path. */
export function dataLimitProblem(data: SchoolData, limits: DataFileLimits = DATA_FILE_LIMITS): string | undefined {
  if (data.periods.length > limits.maxPeriods) return `periods：有 ${data.periods.length} 期，超过上限 ${limits.maxPeriods} 期`;
  const seen = new Set<string>();
  let rows = 0;
  let cells = 0;
  for (const [i, p] of data.periods.entries()) {
    const key = `${p.submission}\u0000${p.period}`;
    if (seen.has(key)) return `periods[${i}]：${p.submission} ${p.period} 出现了两次`;
    seen.add(key);
    for (const [sheetId, entry] of Object.entries(p.sheets)) {
      const list = entry.rows ?? [];
      const at = `periods[${i}].sheets.${sheetId}.rows`;
      if (list.length > limits.maxRowsPerSheet) return `${at}：有 ${list.length} 行，超过上限 ${limits.maxRowsPerSheet} 行`;
      const ids = new Set<string>();
      for (const [r, row] of list.entries()) {
        if (ids.has(row.id)) return `${at}[${r}].id：行号“${row.id}”与前面的行重复`;
        ids.add(row.id);
      }
      rows += list.length;
      cells += Object.keys(entry.cells ?? {}).length;
      if (rows > limits.maxRows) return `${at}：全部名册合计超过上限 ${limits.maxRows} 行`;
      if (cells > limits.maxCells) return `periods[${i}].sheets.${sheetId}.cells：全部填报格合计超过上限 ${limits.maxCells} 格`;
    }
  }
  return undefined;
}

/**
 * Values the app would never have stored as they are, by their path in the file: a count that is
 * not a whole number (periods[3].sheets.classList.rows[7].students: 45.5), a date that does not
 * exist (2025-02-30). Not refusals — the 审核 flags them too — but named so they can be found.
 */
/** Where a value sits, for a message: the JSON path by default (the CLI's), or words (the restore dialog's). */
export type ValuePlace = (period: number, sheetId: string, row: number, colKey: string) => string;

const pathOfValue: ValuePlace = (i, id, r, key) => `periods[${i}].sheets.${id}.rows[${r}].${key}`;

export function dataValueIssues(data: SchoolData, pack: Pack | undefined, max = 20, place: ValuePlace = pathOfValue): string[] {
  const out: string[] = [];
  if (!pack) return out;
  for (const [i, p] of data.periods.entries())
    for (const [id, entry] of Object.entries(p.sheets)) {
      const sheet = pack.sheets[id];
      const columns = sheet?.kind === 'ledger' ? sheet.columns : [];
      for (const [r, row] of (entry.rows ?? []).entries())
        for (const col of columns) {
          const v = row[col.key];
          const at = place(i, id, r, col.key);
          if (col.type === 'integer' && typeof v === 'number' && (!Number.isInteger(v) || v < 0))
            out.push(`${at}：「${col.label}」应为非负整数，现为 ${formatValue(v)}`);
          const why = impossibleDate(col, v);
          if (why) out.push(`${at}：「${col.label}」“${formatValue(v)}”${why}`);
          if (out.length >= max) return out;
        }
    }
  return out;
}

export function readSchoolDataFile(fileName: string, bytes: Uint8Array): SchoolData {
  let json: unknown;
  try {
    json = parseUntrustedJsonBytes(fileName, bytes);
  } catch (e) {
    if (e instanceof JsonLimitError) throw new DataFileError(e.message);
    throw e;
  }
  const refuse = (lines: string[]) => new DataFileError(`文件「${fileName}」不是有效的学校数据文件：\n  ${lines.join('\n  ')}`);
  const first = firstCollectionIssue(json);
  const early = first && issue(first.path, first.message);
  if (early) {
    // the rest of the file (school, format…) is small: report its problems too, then the first bad element
    const rest = schoolDataSchema.safeParse({ ...(json as Obj), periods: [] });
    const others = rest.success ? [] : rest.error.issues.slice(0, 9).map((i) => issue(i.path as (string | number)[], i.message));
    throw refuse([...others, early]);
  }
  const parsed = schoolDataSchema.safeParse(json);
  if (!parsed.success) throw refuse(parsed.error.issues.slice(0, 10).map((i) => issue(i.path as (string | number)[], i.message)));
  // the same refusals as the app's restore: a period or a row id twice, sizes
  const problem = dataLimitProblem(parsed.data);
  if (problem) throw refuse([problem]);
  return parsed.data;
}
