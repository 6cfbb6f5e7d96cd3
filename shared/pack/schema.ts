// The bureau pack format: everything a district bureau's forms need, as data.
// A new bureau is a new pack file; nothing here names a particular bureau.
import { z } from 'zod';
import { appliesToSchema, conditionSchema, measureSchema } from './schema-conditions';
import { indicatorSheetSchema } from './indicator-schema';
import { advanceSchema, carryOverSchema, copyForwardSchema, minRowsSchema, rowRuleSchemas } from './schema-row-rules';
import { groupsMatchSchema } from './schema-groups-match';
import { completenessLedgerChecks } from './schema-completeness';
import { ageCheckSchema } from './schema-staff';
import { extraColumnChecks, fixedRowsSchema, ledgerGroupSheetSchema } from './schema-ledger-extras';
import { recordImportSchema } from './schema-record-import';
import { cellKindSchema, stageRowsSchema, statCheckSchema, statColumnSchema, statRowSchema, statSheetSchema } from './schema-stat';
import { balanceSchema, districtFormulaSchema, type BalanceConfig, type DistrictFormula } from './schema-district';

export const PACK_FORMAT = 'xiaobiao-pack/1';
export const FORMS_FORMAT = 'xiaobiao-forms/1';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const ruleCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_');
const severity = z.enum(['error', 'warning']);

export { appliesToSchema, conditionSchema, measureSchema };
// the statistics-sheet (基表) part of the format lives in schema-stat.ts; re-exported here
export {
  cellKindSchema, cellOverrideSchema, stageRowsSchema, statCheckSchema, statColumnSchema, statRowSchema, statSheetSchema,
} from './schema-stat';

// ---- ledger (list) sheets --------------------------------------------------------------

// yearMonth: 出生年月 as "YYYY-MM" (1985.3, 1985年3月, 198503 are normalised when typed)
export const columnTypeSchema = z.enum(['integer', 'decimal', 'text', 'date', 'time', 'datetime', 'enum', 'yearMonth']);

/** A per-cell check a ledger column carries; severity decides 逻辑校验 vs 经验校验. */
export const columnCheckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('min'), id, severity, value: z.number(), message: label }).strict(),
  z.object({ kind: z.literal('max'), id, severity, value: z.number(), message: label }).strict(),
  z.object({ kind: z.literal('notGreaterThan'), id, severity, field: id, message: label }).strict(),
  z
    .object({
      kind: z.literal('inPeriod'), id, severity, message: label,
      // a date before the period is accepted on a row carried over while still open: the named
      // column (its closing date) is empty or not before the period's first day
      earlierIfOpen: id.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('hoursAfter'),
      id,
      severity,
      // the start instant is built from a date column and a time column of the same row
      fromDate: id,
      fromTime: id,
      hours: z.number().positive(),
      message: label,
    })
    .strict(),
  ...rowRuleSchemas,
  ageCheckSchema,
  ...extraColumnChecks,
]);

export const ledgerColumnSchema = z
  .object({
    key: id,
    label,
    // other names a roster may give this column (学生姓名 for 姓名), matched when importing from Excel
    aliases: z.array(label).min(1).optional(),
    type: columnTypeSchema,
    required: z.boolean().optional(),
    values: z.array(label).min(1).optional(),
    // enum values that depend on the school or the row instead of a fixed list
    valuesFrom: z.enum(['schoolStages', 'stageGrades']).optional(),
    stageField: id.optional(),
    // a school type whose list differs (幼儿园 岗位类别: 园长/专任教师/保健医/保育员/其他) replaces `values`
    valuesBySchoolType: z.record(z.string(), z.array(label).min(1)).optional(),
    // other systems' wordings of an enum value (大学本科 → 本科), applied to typed, pasted and imported text
    synonyms: z.record(label, label).optional(),
    width: z.number().positive().max(80).optional(),
    checks: z.array(columnCheckSchema).optional(),
  })
  .strict();

/** A check over the whole list (e.g. 大校额 on the sum of 学生数). */
export const ledgerCheckSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sumMax'),
      id,
      severity,
      field: id,
      value: z.number(),
      bySchoolType: z.record(z.string(), z.number()).optional(),
      message: label,
    })
    .strict(),
  minRowsSchema,
  groupsMatchSchema,
  ...completenessLedgerChecks,
]);

export const ledgerSheetSchema = z
  .object({
    kind: z.literal('ledger'),
    id,
    title: label,
    ruleCode,
    appliesTo: appliesToSchema.optional(),
    columns: z.array(ledgerColumnSchema).min(1),
    checks: z.array(ledgerCheckSchema).optional(),
    notes: z.array(z.string()).optional(),
    copyForward: copyForwardSchema.optional(),
    advance: advanceSchema.optional(),
    carryOver: carryOverSchema.optional(),
    fixedRows: fixedRowsSchema.optional(),
    recordImport: recordImportSchema.optional(), // per-pupil 学籍 lists counted into classes
  })
  .strict();

// ---- cover -------------------------------------------------------------------------------

export const coverFieldSchema = z
  .object({
    label,
    from: z.enum([
      'reportName', 'schoolName', 'schoolCode', 'schoolType', 'sponsor', 'puhui', 'township', 'urbanRural',
      'period', 'timePoint', 'head', 'statHead', 'filler', 'phone', 'reportDate', 'status', 'version',
    ]),
    schoolTypes: z.array(label).min(1).optional(),
  })
  .strict();

export const coverSheetSchema = z
  .object({ kind: z.literal('cover'), id, title: label, fields: z.array(coverFieldSchema).min(1) })
  .strict();

export const sheetSchema = z.discriminatedUnion('kind', [ledgerSheetSchema, statSheetSchema, coverSheetSchema, indicatorSheetSchema, ledgerGroupSheetSchema]);

// ---- submissions, stages, school types, targets ---------------------------------------------

export const submissionSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,8}$/),
    name: label,
    periodKind: z.enum(['schoolYear', 'month']),
    // due date: for a 学年, month/day of its first year; for a month, day of the next month
    due: z.object({ month: z.number().int().min(1).max(12).optional(), day: z.number().int().min(1).max(31) }).strict(),
    schoolTypes: z.array(label).min(1).optional(),
    sheets: z.array(id).min(1),
  })
  .strict();

export const stageSchema = z.object({ id: label, grades: z.array(label).min(1) }).strict();
export const schoolTypeSchema = z.object({ id: label, stages: z.array(label).min(1) }).strict();

export const targetSchema = z
  .object({
    id,
    name: label,
    value: z.number(),
    unit: z.string(),
    direction: z.enum(['atLeast', 'atMost', 'equal']),
    property: label,
    year: z.number().int(),
    level: z.enum(['school', 'district']),
    source: label,
    baseline: z.number().optional(), // the plan's 2020 figure
    note: z.string().optional(), // how it is computed, or what the plan says beyond one number
    formula: id.optional(), // the district formula (districtFormulas) the bureau computes it with
  })
  .strict();

const libraryFields = {
  submissions: z.array(submissionSchema).optional(),
  stages: z.array(stageSchema).optional(),
  schoolTypes: z.array(schoolTypeSchema).optional(),
  sheets: z.array(sheetSchema).optional(),
  // the bureau's side (schema-district.ts): how district indicators and the 差异系数 are computed
  districtFormulas: z.array(districtFormulaSchema).optional(),
  balance: balanceSchema.optional(),
};

/** A library of shared forms, used by packs so two bureaus never copy the same form. */
export const formsFileSchema = z
  .object({ format: z.literal(FORMS_FORMAT), id, version: z.string().min(1), ...libraryFields })
  .strict();

export const packFileSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    id,
    name: label,
    bureau: label,
    version: z.string().min(1),
    uses: z.array(id).optional(),
    notes: z.array(z.string()).optional(),
    // numbers the pack's forms refer to by name, e.g. how many years a 体检 counts for
    params: z.record(z.string(), z.number()).optional(),
    targets: z.array(targetSchema).optional(),
    ...libraryFields,
  })
  .strict();

export type Condition = z.infer<typeof conditionSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type LedgerColumn = z.infer<typeof ledgerColumnSchema>;
export type ColumnCheck = z.infer<typeof columnCheckSchema>;
export type LedgerCheck = z.infer<typeof ledgerCheckSchema>;
export type LedgerSheet = z.infer<typeof ledgerSheetSchema>;
export type { LedgerGroupSheet, LedgerGroupPart } from './schema-ledger-extras';
export type StatColumn = z.infer<typeof statColumnSchema>;
export type StatRow = z.infer<typeof statRowSchema>;
export type StatCheck = z.infer<typeof statCheckSchema>;
export type StageRows = z.infer<typeof stageRowsSchema>;
export type StatSheet = z.infer<typeof statSheetSchema>;
export type CoverSheet = z.infer<typeof coverSheetSchema>;
export type CoverField = z.infer<typeof coverFieldSchema>;
export type Sheet = z.infer<typeof sheetSchema>;
export type CellKind = z.infer<typeof cellKindSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type SchoolTypeDef = z.infer<typeof schoolTypeSchema>;
export type Target = z.infer<typeof targetSchema>;
export type { IndicatorSheet, IndicatorRow, IndicatorSection, Expr } from './indicator-schema';
export type { BalanceConfig, DistrictFormula } from './schema-district';
export type FormsFile = z.infer<typeof formsFileSchema>;
export type PackFile = z.infer<typeof packFileSchema>;

/** A pack with its libraries merged in: what the rest of the app works with. */
export interface Pack {
  id: string;
  name: string;
  bureau: string;
  version: string;
  notes: string[];
  stages: Stage[];
  schoolTypes: SchoolTypeDef[];
  submissions: Submission[];
  sheets: Record<string, Sheet>;
  targets: Target[];
  params: Record<string, number>;
  /** the bureau's formulas, by id (a target's `formula` names one) */
  districtFormulas?: DistrictFormula[];
  balance?: BalanceConfig;
}
