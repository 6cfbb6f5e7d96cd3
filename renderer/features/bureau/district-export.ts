// The two files the bureau passes on: the district summary workbook (the cli helper's
// summaryWorkbook, FORMS.md §0 layout, 填报单位 = the bureau — the same file `xiaobiao consolidate`
// writes) and the facts CSV (every accepted cell as a row, UTF-8 with BOM, for DuckDB / a warehouse).
// Loaded on demand: ExcelJS is the largest part of the app.
import type { BureauProfile, HeldReport, RegistrySchool } from '../../../shared/consolidate/types';
import type { Pack, Submission } from '../../../shared/pack/schema';
import type { PopulationTable } from '../../../shared/consolidate/population';
import type { ReceiptRecord } from '../../../shared/consolidate/completeness';
import { APP_VERSION } from '../../lib/app-version';
import { todayIso } from '../workspace/periods';
import { registryOf } from './engine';
import { districtReports } from '../../../shared/consolidate/district-reports';

export interface DistrictExportInput {
  pack: Pack;
  bureau: BureauProfile;
  schools: readonly RegistrySchool[];
  submission: Submission;
  period: string;
  held: readonly HeldReport[];
  history: readonly HeldReport[];
  receipts: readonly ReceiptRecord[];
  population: PopulationTable;
}

export async function summaryWorkbookBytes(x: DistrictExportInput): Promise<{ fileName: string; bytes: Uint8Array }> {
  const [{ summaryWorkbook }, { indicatorTable, balanceTables }, { districtTotals }, { completenessMatrix }, { computeBalance }, { computeDistrictIndicators }] = await Promise.all([
    import('../../../shared/consolidate/summary-workbook'), import('../../../shared/consolidate/summary-district'),
    import('../../../shared/consolidate/totals'), import('../../../shared/consolidate/completeness'),
    import('../../../shared/consolidate/balance'), import('../../../shared/consolidate/district-indicators'),
  ]);
  const registry = registryOf(x.bureau, x.schools);
  const code = x.submission.code;
  const totals = districtTotals({ pack: x.pack, registry, submission: code, period: x.period, held: x.held });
  const completeness = completenessMatrix({
    pack: x.pack, registry, periods: [{ submission: code, period: x.period }], now: new Date().toISOString(),
    held: x.held.filter((h) => h.submission === code && h.period === x.period), history: x.history, receipts: x.receipts,
  });
  const reports = districtReports(registry.schools, x.held);
  const balance = x.submission.periodKind === 'schoolYear' ? computeBalance(x.pack, reports, { period: x.period }) : undefined;
  const indicators = computeDistrictIndicators(x.pack, reports, { periods: { [code]: x.period }, population: x.population, ...(balance ? { balance } : {}) });
  const bytes = await summaryWorkbook({
    pack: x.pack, bureau: x.bureau, registry, submission: code, period: x.period, totals, completeness,
    reportDate: todayIso(), now: new Date(), appVersion: APP_VERSION,
    extra: [indicatorTable(indicators), ...(balance ? balanceTables(balance) : [])],
  });
  return { fileName: `${x.bureau.regionCode}_${x.bureau.name}_${code}_${x.period}_汇总.xlsx`, bytes };
}

export async function factsCsvFile(pack: Pack, bureau: BureauProfile, schools: readonly RegistrySchool[], submission: string, period: string, held: readonly HeldReport[]) {
  const [{ totalsFacts, factsCsvBytes }, { districtTotals }] = await Promise.all([import('../../../shared/consolidate/facts'), import('../../../shared/consolidate/totals')]);
  const totals = districtTotals({ pack, registry: registryOf(bureau, schools), submission, period, held });
  return { fileName: `${bureau.regionCode}_${bureau.name}_${submission}_${period}_明细.csv`, bytes: factsCsvBytes(totalsFacts(totals)) };
}
