// The whole-database backup: the documented school data file `xiaobiao-data/1` (school profile,
// every period with its rows, cells, 说明, status and version). The same file the CLI reads, so a
// backup is also something `xiaobiao export` can turn into workbooks on another computer.
// The 修改记录 is NOT in it: the trail is this computer's history, and a restore keeps it
// (replaceSchoolData records the restore in it) — see docs/durability.md.
import { DATA_FORMAT, schoolDataSchema, type PeriodData, type SchoolData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { JsonLimitError, parseUntrustedJsonBytes, JSON_LIMITS } from '../model/json-limits';
import { DATA_FILE_LIMITS, dataLimitProblem, firstCollectionIssue, jsonPath, type DataFileLimits } from '../model/data-file';

export const BACKUP_MIME = 'application/json';

/** Beyond what the JSON limits allow: a backup is refused whole when any is passed (data-file.ts). */
export const BACKUP_LIMITS = DATA_FILE_LIMITS;
export type BackupLimits = DataFileLimits;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupInput {
  school: SchoolProfile;
  periods: PeriodData[];
  appVersion: string;
  now: Date;
}

/** The backup as data; periods sorted (report, then period) so two backups of the same data compare equal. */
export function makeBackup({ school, periods, appVersion, now }: BackupInput): SchoolData {
  const sorted = [...periods].sort((a, b) => (a.submission + '\u0000' + a.period).localeCompare(b.submission + '\u0000' + b.period));
  return schoolDataSchema.parse({ format: DATA_FORMAT, savedAt: now.toISOString(), appVersion, school, periods: sorted });
}

export function backupBytes(data: SchoolData): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(data, null, 1));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The name a downloaded / saved backup gets: `{学校标识码}_{学校名称}_备份_{YYYY-MM-DD_HHmm}.json`. */
export function backupDownloadName(school: Pick<SchoolProfile, 'code' | 'name'>, at: Date): string {
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}_${pad(at.getHours())}${pad(at.getMinutes())}`;
  const name = school.name.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '').replace(/\.\./g, '');
  return `${school.code}_${name}_备份_${stamp}.json`;
}

export { jsonPath };

/**
 * Reads a backup from bytes and checks it whole: size, encoding, depth and prototype keys (json-limits),
 * then the `xiaobiao-data/1` schema, then BACKUP_LIMITS. Every refusal is a BackupError in Chinese
 * that names the file and the JSON path of the problem; nothing is returned half-checked.
 */
export function parseBackup(fileName: string, bytes: Uint8Array, limits: BackupLimits = BACKUP_LIMITS): SchoolData {
  if (bytes.byteLength > limits.maxBytes) throw new BackupError(`文件「${fileName}」：超过上限 ${limits.maxBytes / 1024 / 1024} MB，不是校表通的备份`);
  let json: unknown;
  try {
    json = parseUntrustedJsonBytes(fileName, bytes, { ...JSON_LIMITS, maxBytes: limits.maxBytes });
  } catch (e) {
    if (e instanceof JsonLimitError) throw new BackupError(e.message);
    throw e;
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof json !== 'object' || json === null || Array.isArray(json) || format !== DATA_FORMAT) {
    const seen = typeof format === 'string' ? `“${format.slice(0, 40)}”` : '没有';
    throw new BackupError(`文件「${fileName}」不是校表通的备份：format 应为“${DATA_FORMAT}”，文件中${seen}`);
  }
  // a huge list of bad rows stops at the first one, instead of one zod issue each (docs/limits.md)
  const first = firstCollectionIssue(json);
  if (first) {
    const rest = schoolDataSchema.safeParse({ ...(json as object), periods: [] });
    const lines = [...(rest.success ? [] : rest.error.issues.slice(0, 7).map((i) => `${jsonPath(i.path)}：${i.message}`)), `${jsonPath(first.path)}：${first.message}`];
    throw new BackupError(`文件「${fileName}」不是有效的校表通备份：\n  ${lines.join('\n  ')}`);
  }
  const parsed = schoolDataSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 8).map((i) => `${jsonPath(i.path)}：${i.message}`);
    throw new BackupError(`文件「${fileName}」不是有效的校表通备份：\n  ${lines.join('\n  ')}`);
  }
  const problem = dataLimitProblem(parsed.data, limits);
  if (problem) throw new BackupError(`文件「${fileName}」不能恢复：${problem}`);
  return parsed.data;
}
