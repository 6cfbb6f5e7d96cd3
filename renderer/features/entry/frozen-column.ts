// Which column of a ledger stays in view beside 序号 when the grid scrolls sideways: the one a
// reader finds a row by. A simple rule rather than pack data, since every list of both packs
// fits it: a log kept by the day (留样, 陪餐, 晨检, 进货查验, 演练) by its date in the first
// column; a register by the first 名称 / 姓名 among its first columns (班级名册 → 班级名称,
// 教职工名册 → 姓名); any other list by its first column (隐患排查 → 编号).
import type { LedgerColumn } from '../../../shared/pack/schema';

/** How far in a 名称/姓名 column may be and still be the row's name (班级名册 has 学段, 年级 first). */
const LOOK_AHEAD = 4;

/** Index into `columns` of the column kept in view. */
export function frozenColumn(columns: readonly LedgerColumn[]): number {
  if (!columns.length || columns[0]!.type === 'date') return 0;
  const named = columns.slice(0, LOOK_AHEAD).findIndex((c) => c.type === 'text' && /(名称|姓名)$/.test(c.label));
  return named < 0 ? 0 : named;
}
