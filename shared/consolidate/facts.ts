// Every accepted cell as one row (school, submission, period, sheet, row code, column number,
// value, version): what a city or province loads from many districts into DuckDB or a warehouse.
// The rows are exactly the per-school values districtTotals adds up, so a GROUP BY over them
// gives the district's totals. CSV as Excel and WPS open it: UTF-8 with a BOM (without it Excel
// reads GBK and shows 乱码), CRLF line ends, fields quoted when they hold , " CR or LF.
import type { Pack } from '../pack/schema';
import type { FactRow, HeldReport, Registry } from './types';
import { districtTotals, type DistrictTotals } from './totals';
import { csvText } from './csv';

export { csvText } from './csv';

/** Column names of the facts CSV (ASCII, so SQL needs no quoting). */
export const FACT_HEADERS = ['school_code', 'submission', 'period', 'sheet', 'row_code', 'column', 'value', 'version', 'weight'] as const;

/** The facts of one submission × period's totals: every cell holding a number, blocked and empty cells left out. */
export function totalsFacts(t: DistrictTotals): FactRow[] {
  const out: FactRow[] = [];
  for (const [schoolCode, sheets] of Object.entries(t.schoolValues)) {
    const version = t.versions[schoolCode]!;
    for (const layout of t.sheets) {
      const values = sheets[layout.sheetId];
      if (!values) continue;
      const weights = t.schoolWeights[schoolCode]?.[layout.sheetId];
      layout.rows.forEach((row, r) =>
        layout.columns.forEach((col, c) => {
          const value = values[r]![c];
          const weight = weights?.[r];
          if (typeof value === 'number')
            out.push({
              schoolCode, submission: t.submission, period: t.period, sheet: layout.sheetId, rowCode: row.code, column: col.number, value, version,
              ...(typeof weight === 'number' ? { weight } : {}),
            });
        }),
      );
    }
  }
  return out;
}

/** The facts of every submission × period among the held reports, indicator sheets included. */
export function factRows(pack: Pack, registry: Registry, held: readonly HeldReport[]): FactRow[] {
  const pairs = [...new Map(held.map((h) => [`${h.submission}|${h.period}`, h])).values()];
  return pairs.flatMap((h) => totalsFacts(districtTotals({ pack, registry, submission: h.submission, period: h.period, held, allIndicators: true })));
}

export function factsCsv(rows: readonly FactRow[]): string {
  return csvText([
    [...FACT_HEADERS],
    ...rows.map((f) => [f.schoolCode, f.submission, f.period, f.sheet, f.rowCode, f.column, f.value, f.version, f.weight ?? null]),
  ]);
}

/** The CSV as bytes (UTF-8; the BOM is in the text). */
export function factsCsvBytes(rows: readonly FactRow[]): Uint8Array {
  return new TextEncoder().encode(factsCsv(rows));
}
