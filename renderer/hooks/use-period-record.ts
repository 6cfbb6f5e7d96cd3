// The approval state of one submission × period, for the header, pickers, banner and audit panel.
import type { PeriodRecord } from '../db/records';
import { getPeriod } from '../db/periods-repo';
import { useStableLiveQuery } from './use-stable-query';

/** What the screens show of a period record: all but `updatedAt`, the time of its last change. */
export type PeriodState = Omit<PeriodRecord, 'updatedAt'>;

/** The period's record without its write time, re-rendering only when status, version, 报出日期 or a 说明 changes. */
export function usePeriodRecord(submission: string, period: string): PeriodState | undefined {
  return useStableLiveQuery(async () => {
    const rec = await getPeriod({ submission, period });
    if (!rec) return undefined;
    const { updatedAt: _written, ...shown } = rec;
    return shown;
  }, [submission, period]);
}
