// Ledger rules beyond one value against a constant: a column compared with other columns of its
// row, a deadline against the period, a sheet that must hold rows — and the copy-forward flags a
// ledger or table carries into the next period. Kept apart from schema.ts so each family of
// rules reads as one list; schema.ts splices them into its unions.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const severity = z.enum(['error', 'warning']);
const scalar = z.union([z.string(), z.number()]);

/** Column checks that read other columns of the same row. Each names the columns it reads. */
export const rowRuleSchemas = [
  // this column must be filled when another column holds a value (已销号 needs 完成日期)
  z.object({ kind: z.literal('requiredIf'), id, severity, field: id, eq: scalar, message: label }).strict(),
  // a date not before the date in another column (完成日期 ≥ 排查日期)
  z.object({ kind: z.literal('dateNotBefore'), id, severity, field: id, message: label }).strict(),
  // this column = minuend − subtrahend (缺勤人数 = 应到 − 实到); checked only when both are numbers
  z.object({ kind: z.literal('difference'), id, severity, minuend: id, subtrahend: id, message: label }).strict(),
  // this column as a share of another above a percentage (因病缺勤 / 应到 > 5%)
  z.object({ kind: z.literal('shareMax'), id, severity, of: id, percent: z.number().positive(), message: label }).strict(),
  // this date is a deadline: before the period's last day while the row is not closed (逾期未销号)
  z
    .object({
      kind: z.literal('overdue'), id, severity,
      unless: z.object({ field: id, eq: scalar }).strict(),
      message: label,
    })
    .strict(),
  // when another column holds a value, this column should hold `value` (重大 → 已销号 by month end)
  z.object({ kind: z.literal('equalsIf'), id, severity, field: id, eq: scalar, value: scalar, message: label }).strict(),
  // once another column is a number ≥ min, this column should hold `value` (疑似传染病 ≥ 1 → 是否报告 是)
  z.object({ kind: z.literal('equalsIfMin'), id, severity, field: id, min: z.number(), value: scalar, message: label }).strict(),
] as const;

/**
 * A list that must hold at least `min` rows per month, or per calendar quarter (checked in the
 * quarter's last month, counting the quarter's earlier months too); `bySchoolType` changes the
 * span for some school types (应急演练: 中小学 monthly, 幼儿园 quarterly).
 */
const span = z.enum(['month', 'quarter']);
export const minRowsSchema = z
  .object({
    kind: z.literal('minRows'), id, severity,
    min: z.number().int().positive(),
    per: span,
    bySchoolType: z.record(z.string(), span).optional(),
    message: label,
  })
  .strict();

/**
 * Starting a new period copies this sheet's data from the period before (after the user
 * confirms): a 名册 to the next 学年, a staff list or a monthly configuration to the next month.
 * The value is the period kind the sheet is kept at; it must match its submission's.
 */
export const copyForwardSchema = z.enum(['month', 'schoolYear']);

/**
 * How rows change when copied to the next 学年: the grade column moves one grade up — within the
 * grades of the row's 学段 (stageField) or by an explicit map — and a row in the final grade is
 * dropped as graduated (a map value of null). `rename` lists text columns whose grade name is
 * replaced too (一年级（1）班 → 二年级（1）班).
 */
export const advanceSchema = z
  .object({
    field: id,
    stageField: id.optional(),
    map: z.record(z.string(), z.string().nullable()).optional(),
    rename: z.array(id).optional(),
  })
  .strict();

/**
 * Rows still open carry over into every later period until closed (隐患 until 已销号): the
 * period's first showing copies the previous period's open rows, keeping every value.
 */
export const carryOverSchema = z.object({ untilField: id, untilValue: scalar }).strict();

export type RowRule = z.infer<(typeof rowRuleSchemas)[number]>;
export type MinRowsCheck = z.infer<typeof minRowsSchema>;
export type CopyForward = z.infer<typeof copyForwardSchema>;
export type Advance = z.infer<typeof advanceSchema>;
export type CarryOver = z.infer<typeof carryOverSchema>;
