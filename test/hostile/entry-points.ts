// Feeds one corpus file to one reader and says what happened, timing it; shared by the reader
// test (node) and the database test (jsdom).
import type { Pack } from '../../shared/pack/schema';
import type { SchoolProfile } from '../../shared/model/school';
import { readReport } from '../../shared/xlsx/read';
import { readPeriodWorkbook } from '../../shared/xlsx/read-period';
import { readSchoolDataFile } from '../../shared/model/data-file';
import { ReportReadError } from '../../shared/xlsx/read-errors';
import { DataFileError } from '../../shared/model/data-file';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { BackupError, parseBackup } from '../../shared/backup/backup-file';
import type { CorpusFile, EntryPoint, Outcome } from './corpus-types';

export interface Attempt {
  outcome: Exclude<Outcome, 'any'>;
  /** the refusal's message, or the warnings joined */
  message: string;
  ms: number;
  /** what was read, when it was read */
  value?: unknown;
  /** an exception that is not one of the readers' own (a bug) */
  unexpected?: unknown;
}

export function attempt(f: CorpusFile, at: EntryPoint, packs: Map<string, Pack>, school: SchoolProfile): Attempt {
  const t = performance.now();
  const done = (a: Omit<Attempt, 'ms'>): Attempt => ({ ...a, ms: performance.now() - t });
  try {
    if (at === 'report') {
      const r = readReport(f.bytes, packs, { fileName: f.name });
      return done({ outcome: r.warnings.length ? 'warn' : 'ok', message: r.warnings.join('\n'), value: r });
    }
    if (at === 'restore') {
      const r = readPeriodWorkbook(f.bytes, packs, { fileName: f.name, school });
      return done({ outcome: r.warnings.length ? 'warn' : 'ok', message: r.warnings.join('\n'), value: r });
    }
    if (at === 'import') return done({ outcome: 'ok', message: '', value: decodeSpreadsheet(f.name, f.bytes) });
    if (at === 'backup') return done({ outcome: 'ok', message: '', value: parseBackup(f.name, f.bytes) });
    return done({ outcome: 'ok', message: '', value: readSchoolDataFile(f.name, f.bytes) });
  } catch (e) {
    if (e instanceof ReportReadError || e instanceof DataFileError || e instanceof BackupError) return done({ outcome: 'refuse', message: e.message });
    return done({ outcome: 'refuse', message: String((e as Error)?.stack ?? e), unexpected: e });
  }
}

/** Whether a message is a user's: Chinese, names the file, no stack trace. */
export function isUserMessage(message: string, fileName: string): boolean {
  return /[\u4e00-\u9fff]/.test(message) && message.includes(`文件「${fileName}」`) && !/\n\s+at /.test(message);
}

/** Generous: only a pathological reader (a hang, a bomb inflating) takes this long. */
export const MAX_MS_PER_FILE = 15_000;
