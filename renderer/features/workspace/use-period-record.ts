// The approval state of one submission × period, for the header, pickers, banner, 封面 and audit
// panel. A write of data leaves the record alone (ensurePeriod), so this re-renders only when the
// status, version, 报出日期 or a 说明 changes.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PeriodRecord } from '../../db/records';
import { getPeriod } from './periods-repo';

export function usePeriodRecord(submission: string, period: string): PeriodRecord | undefined {
  return useLiveQuery(() => getPeriod({ submission, period }), [submission, period]);
}
