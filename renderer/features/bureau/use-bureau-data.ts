// Live reads of what the bureau holds for one submission × period (useLiveQuery): every screen of
// the workspace redraws as soon as a received file is stored.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { FactsRecord, HeldReportRecord, PopulationRecord, RegistryRecord, VerdictRecord } from './bureau-records';

export interface BureauData {
  registry: RegistryRecord[];
  held: HeldReportRecord[];
  verdicts: VerdictRecord[];
  facts: FactsRecord[];
  population: PopulationRecord[];
}

export function useBureauData(submission: string, period: string): BureauData | undefined {
  return useLiveQuery(async () => {
    const sp: [string, string] = [submission, period];
    const [registry, held, verdicts, facts, population] = await Promise.all([
      db.registry.orderBy('code').toArray(),
      db.heldReports.where('[submission+period]').equals(sp).toArray(),
      db.verdicts.where('[submission+period]').equals(sp).toArray(),
      db.facts.where('[submission+period]').equals(sp).toArray(),
      db.population.toArray(),
    ]);
    return { registry, held, verdicts, facts, population };
  }, [submission, period]);
}
