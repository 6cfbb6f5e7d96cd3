// School data as kept in IndexedDB and written to the backup / data file (`xiaobiao-data/1`).
// The CLI reads the same file; docs/data-format.md carries its JSON Schema.
import { z } from 'zod';
import { schoolProfileSchema } from './school';

export const DATA_FORMAT = 'xiaobiao-data/1';

/** YYYY-MM-DD naming a day of the calendar (values.ts parses more; this stays free of imports). */
function realDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A cell as typed: numbers as numbers; dates `YYYY-MM-DD`, times `HH:mm`, datetimes `YYYY-MM-DD HH:mm`. */
export const cellValueSchema = z.union([z.string().max(32767), z.number().finite(), z.null()]);

export const ledgerRowSchema = z.record(z.string(), cellValueSchema).and(z.object({ id: z.string().min(1) }));

export const sheetEntrySchema = z
  .object({
    rows: z.array(ledgerRowSchema).optional(),
    // entered cells of a statistics or indicator sheet, keyed `{代码}:{列}`; text only for an
    // indicator whose value is chosen from a list (是/否, 卫生室/保健室/无)
    cells: z.record(z.string().regex(/^\d{2}:[A-Za-z][A-Za-z0-9_-]*$/), z.union([z.number().finite(), z.string().max(200)]).nullable()).optional(),
  })
  .strict();

export const STATUSES = ['草稿', '已审核'] as const;

export const periodDataSchema = z
  .object({
    submission: z.string().min(1),
    period: z.string().min(1),
    status: z.enum(STATUSES),
    version: z.number().int().min(0),
    // 报出日期 is picked from a calendar: one that does not exist (2025-02-30) was edited by hand
    reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(realDate, '日期不存在').optional(),
    sheets: z.record(z.string(), sheetEntrySchema),
    // 经验校验 说明, keyed by the audit finding's key
    explanations: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const schoolDataSchema = z
  .object({
    format: z.literal(DATA_FORMAT),
    savedAt: z.string().optional(),
    appVersion: z.string().optional(),
    school: schoolProfileSchema,
    periods: z.array(periodDataSchema),
  })
  .strict();

export type CellValue = z.infer<typeof cellValueSchema>;
export type LedgerRow = { id: string } & Record<string, CellValue>;
export type SheetEntry = z.infer<typeof sheetEntrySchema>;
export type PeriodData = z.infer<typeof periodDataSchema>;
export type SchoolData = z.infer<typeof schoolDataSchema>;

export function emptyPeriod(submission: string, period: string): PeriodData {
  return { submission, period, status: '草稿', version: 0, sheets: {} };
}

export function findPeriod(data: SchoolData, submission: string, period: string): PeriodData | undefined {
  return data.periods.find((p) => p.submission === submission && p.period === period);
}
