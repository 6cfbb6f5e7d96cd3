// Reads the whole database for a backup, and when its data last changed (for the daily backup and
// the web reminder). One read transaction, so a backup never mixes data from before and after an edit.
import { makeBackup } from '../../../shared/backup/backup-file';
import type { SchoolData } from '../../../shared/model/data';
import { APP_VERSION } from '../../lib/app-version';
import { db } from '../../db/db';
import { dumpToData } from '../../db/dump-to-data';
import { emptyDump, TABLE_NAMES, type TableDump } from '../../db/migrations';
import { SCHOOL_ID } from '../../db/records';

export async function readDump(): Promise<TableDump> {
  const dump = emptyDump();
  await db.transaction('r', [db.school, db.periods, db.rows, db.cells], async () => {
    for (const name of TABLE_NAMES) dump[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
  });
  return dump;
}

/** The whole database as a backup file's data; undefined before the school is set up (nothing to keep). */
export async function currentBackup(now: Date = new Date()): Promise<SchoolData | undefined> {
  const data = dumpToData(await readDump());
  return data && makeBackup({ ...data, appVersion: APP_VERSION, now });
}

/** When the data last changed (ms): the newest 修改记录 entry, school profile or period record; undefined when empty. */
export async function lastChangeAt(): Promise<number | undefined> {
  const [school, change, periods] = await Promise.all([db.school.get(SCHOOL_ID), db.changes.orderBy('at').last(), db.periods.toArray()]);
  if (!school) return undefined;
  const times = [school.updatedAt, change?.at, ...periods.map((p) => p.updatedAt)]
    .map((t) => (t ? Date.parse(t) : NaN))
    .filter((t) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : undefined;
}
