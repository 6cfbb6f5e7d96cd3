// Values the app fills itself in a new row: an enum whose only possible value follows from the
// school (学段 / 任教学段 of a 小学). The grid fills them when a row is added, and the import and
// the paste check apply them before the rows are checked, so a file without a 学段 column is judged
// as the same rows typed would be.
import type { LedgerColumn, Pack } from './schema';
import type { CellValue } from '../model/data';
import { enumValues } from './applicability';

export function newRowDefaults(pack: Pack, schoolType: string, columns: readonly LedgerColumn[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const col of columns) {
    if (col.type !== 'enum' || col.valuesFrom !== 'schoolStages') continue;
    const values = enumValues(pack, schoolType, col);
    if (values.length === 1) out[col.key] = values[0]!;
  }
  return out;
}
