// Reads an untrusted school data file (`xiaobiao-data/1`: the CLI's input, a backup) from bytes:
// limits first (size, encoding, depth, prototype keys — json-limits.ts), then the zod schema.
// Every refusal is a DataFileError whose message names the file and the path inside it.
import { ledgerRowSchema, periodDataSchema, schoolDataSchema, type SchoolData } from './data';
import { JsonLimitError, parseUntrustedJsonBytes } from './json-limits';

export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const issue = (path: (string | number)[], message: string) => `${path.join('.') || '(根)'}: ${message}`;

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
  return parsed.data;
}
