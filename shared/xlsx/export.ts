// The one call the app and the CLI make to produce a bureau workbook.
import { buildReport, type ReportInput } from './report';
import { renderWorkbook } from './render';

export interface ExportedReport {
  fileName: string;
  bytes: Uint8Array;
}

export async function exportReport(input: ReportInput): Promise<ExportedReport> {
  const report = buildReport(input);
  const bytes = await renderWorkbook(report.grids, { creator: `校表通 ${input.appVersion}`, created: input.now ?? new Date() });
  return { fileName: report.fileName, bytes };
}
