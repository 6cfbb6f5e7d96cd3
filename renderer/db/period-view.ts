// What the workspace shows and audits for one period, read in ONE read transaction: consistent,
// and short — every read transaction still open holds back a keystroke's write (IndexedDB starts
// a read-write transaction only after the reads created before it), and on the page a read stays
// open as long as the page is busy painting before it takes the answers. So the workspace has
// it read by the data worker (data-worker-client.ts); the export reads it here.
import type { PeriodData } from '../../shared/model/data';
import type { Pack } from '../../shared/pack/schema';
import { previousPeriod, type PeriodKind } from '../../shared/model/period';
import { db } from './db';
import { loadHistory } from './history';
import { getPeriod } from '../features/workspace/periods-repo';
import type { PeriodRef } from './records';
import { loadRelatedData, lookupOf, relatedRefs, type Lookup, type RelatedData } from './related';
import { loadSnapshot } from '../features/backup/snapshot';

export interface PeriodView {
  data: PeriodData;
  /** last period's data, only once it was 审核通过 (the year-on-year check compares with approved figures) */
  previous?: PeriodData;
  /** other submissions' periods an indicator reads (the 学年 of a month…) */
  lookup?: Lookup;
  /** the two months before a month, any status (a quarter's 应急演练) */
  history?: PeriodData[];
}

/** Which period view to read: plain data, so a worker can be asked for it. */
export interface PeriodViewQuery {
  submission: string;
  period: string;
  periodKind: PeriodKind;
  /** the related periods to read along (relatedRefs of the pack) */
  related: PeriodRef[];
}

/** A period view as plain data (no lookup function), as a worker hands it over. */
export interface PeriodViewData {
  data: PeriodData;
  previous?: PeriodData;
  related: RelatedData;
  history: PeriodData[];
}

export function viewQuery(pack: Pack | undefined, submission: string, period: string, periodKind: PeriodKind): PeriodViewQuery {
  return { submission, period, periodKind, related: pack ? relatedRefs(pack, submission, period) : [] };
}

export async function loadPeriodViewData(q: PeriodViewQuery): Promise<PeriodViewData> {
  const prevRef = { submission: q.submission, period: previousPeriod(q.periodKind, q.period) };
  return db.transaction('r', [db.periods, db.rows, db.cells], async () => {
    const [data, prevRecord, related, history] = await Promise.all([
      loadSnapshot(q),
      getPeriod(prevRef),
      loadRelatedData(q.related),
      loadHistory(q.submission, q.period, q.periodKind),
    ]);
    const previous = prevRecord?.status === '已审核' ? await loadSnapshot(prevRef) : undefined;
    return previous ? { data, previous, related, history } : { data, related, history };
  });
}

export function toPeriodView(d: PeriodViewData): PeriodView {
  return { data: d.data, previous: d.previous, lookup: lookupOf(d.related), history: d.history };
}

/** Reads a period view on this thread (the export, tests). */
export async function loadPeriodView(submission: string, period: string, periodKind: PeriodKind, pack?: Pack): Promise<PeriodView> {
  return toPeriodView(await loadPeriodViewData(viewQuery(pack, submission, period, periodKind)));
}
