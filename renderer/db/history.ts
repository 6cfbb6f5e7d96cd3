// The months before a month, any status, loaded with the period so that the audit on screen and
// the export's 校验说明 judge a quarter's 应急演练 the same way.
import type { PeriodData } from '../../shared/model/data';
import type { PeriodKind } from '../../shared/model/period';
import { historyPeriods } from '../../shared/model/history';
import { loadSnapshot } from '../features/backup/snapshot';

export async function loadHistory(submission: string, period: string, kind: PeriodKind): Promise<PeriodData[]> {
  return Promise.all(historyPeriods(kind, period).map((p) => loadSnapshot({ submission, period: p })));
}
