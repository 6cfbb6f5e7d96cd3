// Every stored period of every submission, as PeriodData, for views that look across periods
// (the 规划指标 trends). Read inside useLiveQuery, so the view follows each edit: Dexie tracks
// the periods, rows and cells tables this touches.
import type { PeriodData } from '../../shared/model/data';
import { db } from './db';
import { loadSnapshot } from '../features/backup/snapshot';

export async function loadAllPeriods(): Promise<PeriodData[]> {
  const records = await db.periods.toArray();
  return Promise.all(records.map((r) => loadSnapshot({ submission: r.submission, period: r.period })));
}
