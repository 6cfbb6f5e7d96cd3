// Restores ONE period from a workbook exported by 校表通 (read and checked by
// shared/xlsx/read-period.ts): that period's rows, cells, 说明, status and version are replaced in
// one transaction — all of it or nothing — and the 修改记录 says from which file. Other periods
// are not touched. An approved workbook comes back approved, with its version, so it counts as
// last period for the year-on-year rules and 显示上期数 like an approval made in the app.
import { periodDataSchema, type PeriodData } from '../../../shared/model/data';
import { db } from '../../db/db';
import { changeTables, recordChange } from '../changes/changes-repo';
import { toRecords } from '../../db/replace-all';
import type { PeriodRef } from '../../db/records';
import { afterKeystrokes } from '../../db/write-order';

export interface RestoreOptions {
  fileName: string;
  /** the user confirmed replacing a period that is 已审核 on this computer */
  overwriteApproved?: boolean;
}

export async function restorePeriod(input: PeriodData, opts: RestoreOptions): Promise<void> {
  const data = periodDataSchema.parse(input);
  const ref: PeriodRef = { submission: data.submission, period: data.period };
  const pk: [string, string] = [ref.submission, ref.period];
  const { periods, rows, cells } = toRecords({ periods: [data] });
  await afterKeystrokes(() => db.transaction('rw', [db.periods, db.rows, db.cells, ...changeTables()], async () => {
    // read inside the transaction: an approval made since the preview still needs confirming
    const current = await db.periods.get(pk);
    if (current?.status === '已审核' && !opts.overwriteApproved)
      throw new Error(`${ref.submission} ${ref.period} 在本机已审核通过（第 ${current.version} 版）：恢复会替换已审核的数据，须先确认`);
    await db.rows.where('[submission+period]').equals(pk).delete();
    await db.cells.where('[submission+period]').equals(pk).delete();
    await db.periods.put(periods[0]!);
    await db.rows.bulkPut(rows);
    await db.cells.bulkPut(cells);
    await recordChange({
      ...ref, sheetId: '', action: 'replaceAll',
      old: current ? `${current.status}（第 ${current.version} 版）` : null,
      new: `从「${opts.fileName}」恢复：${data.status}（第 ${data.version} 版）`,
    });
  }));
}
