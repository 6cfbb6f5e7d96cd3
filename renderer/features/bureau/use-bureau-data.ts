// Live reads of what the bureau holds (useLiveQuery): every screen of the workspace redraws as
// soon as a received file is stored. `held` is every current report — the totals of a month read
// its 学年, the indicators every submission — and `verdicts` / `history` are of the chosen
// submission × period.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { HeldReportRecord, PopulationRecord, RegistryRecord, ReportHistoryRecord, VerdictRecord } from './bureau-records';

export interface BureauData {
  registry: RegistryRecord[];
  held: HeldReportRecord[];
  history: ReportHistoryRecord[];
  verdicts: VerdictRecord[];
  population: PopulationRecord[];
}

export function useBureauData(submission: string, period: string): BureauData | undefined {
  return useLiveQuery(async () => {
    const sp: [string, string] = [submission, period];
    const [registry, held, history, verdicts, population] = await Promise.all([
      db.registry.orderBy('code').toArray(),
      db.heldReports.toArray(),
      db.reportHistory.filter((h) => h.submission === submission && h.period === period).toArray(),
      db.verdicts.where('[submission+period]').equals(sp).toArray(),
      db.population.toArray(),
    ]);
    return { registry, held, history, verdicts, population };
  }, [submission, period]);
}
