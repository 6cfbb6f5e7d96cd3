// Reads a chosen workbook and sets it beside what this computer holds for the same period, for
// the restore dialog's preview. Nothing is written here.
import type { Pack } from '../../../shared/pack/schema';
import type { PeriodData } from '../../../shared/model/data';
import type { SchoolProfile } from '../../../shared/model/school';
import type { PeriodWorkbook } from '../../../shared/xlsx/read-period';
import { diffPeriods, type CellChange } from '../../../shared/xlsx/period-diff';
import { getPeriod } from '../workspace/periods-repo';
import { isEmptySnapshot, loadSnapshot } from './snapshot';
import type { PeriodRecord } from '../../db/records';

export interface RestorePreview {
  book: PeriodWorkbook;
  /** the period's record on this computer, if it was ever written */
  current?: PeriodRecord;
  /** whether this computer holds data for the period (then `changes` is what restoring changes) */
  hasData: boolean;
  changes: CellChange[];
}

export async function readChosenFile(file: File): Promise<Uint8Array> {
  // Blob.arrayBuffer is missing in older embedded browsers (and jsdom): FileReader reads any Blob
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`无法读取文件「${file.name}」`));
    reader.readAsArrayBuffer(file);
  });
}

export async function previewRestore(fileName: string, bytes: Uint8Array, packs: Map<string, Pack>, school: SchoolProfile): Promise<RestorePreview> {
  // SheetJS is large: load the reader only when a file is opened
  const { readPeriodWorkbook } = await import('../../../shared/xlsx/read-period');
  const book = readPeriodWorkbook(bytes, packs, { fileName, school });
  const ref = { submission: book.data.submission, period: book.data.period };
  const [current, snapshot] = await Promise.all([getPeriod(ref), loadSnapshot(ref)]);
  const hasData = !isEmptySnapshot(snapshot) || !!Object.keys(snapshot.explanations ?? {}).length;
  const changes = hasData ? diffPeriods(book.pack, school, snapshot as PeriodData, book.data) : [];
  return { book, current, hasData, changes };
}
