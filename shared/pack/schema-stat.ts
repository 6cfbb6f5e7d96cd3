// The statistics-sheet (基表) part of the pack format: fixed rows and columns, entered, computed
// and blocked cells, 学段 row blocks and the 表内/表间 checks. Split from schema.ts, which
// re-exports everything here so imports of '../pack/schema' keep working.
import { z } from 'zod';
import { appliesToSchema, conditionSchema, measureSchema } from './schema-conditions';
import { copyForwardSchema } from './schema-row-rules';
import { colSumLteSchema, crossSumSchema } from './schema-staff';
import { completenessStatChecks } from './schema-completeness';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const ruleCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_');
const severity = z.enum(['error', 'warning']);

export const cellKindSchema = z.enum(['entered', 'computed', 'blocked']);

export const statColumnSchema = z
  .object({
    key: id,
    label,
    group: label.optional(), // upper header cell, merged over adjacent columns of the same group
    kind: cellKindSchema,
    where: z.array(conditionSchema).optional(),
    measure: measureSchema.optional(),
  })
  .strict();

export const statRowSchema = z
  .object({
    code: z.string().regex(/^\d{2}$/, '代码必须是两位数字，如 01'),
    label,
    where: z.array(conditionSchema).optional(),
    measure: measureSchema.optional(),
  })
  .strict();

/** Overrides for a block of cells, applied in order after the column's kind. A row given as
 * `*key` means that template row of every 学段 block (see stageRows). */
export const cellOverrideSchema = z
  .object({
    rows: z.array(z.string()).min(1),
    cols: z.array(id).min(1),
    kind: cellKindSchema,
    measure: measureSchema.optional(),
  })
  .strict();

/** A block of rows repeated for each 学段 the school has (教基4153, 4155), codes running on. */
export const stageRowsSchema = z
  .object({
    field: id, // the list column holding the 学段 (e.g. 任教学段)
    stages: z.array(label).min(1), // order of the blocks
    stageLabels: z.record(z.string(), label).optional(), // e.g. 学前 → 学前教育
    rows: z
      .array(
        z
          .object({
            key: id,
            label, // "{学段}" is replaced by the stage's label
            where: z.array(conditionSchema).optional(),
            measure: measureSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const statCheckSchema = z.discriminatedUnion('kind', [
  // each listed row ≤ the `than` row, in every column where both cells hold numbers
  z.object({ kind: z.literal('rowsLte'), id, severity, rows: z.array(z.string()).min(1), than: z.string(), message: label }).strict(),
  // row = Σ of rows, per column
  z.object({ kind: z.literal('rowSum'), id, severity, row: z.string(), of: z.array(z.string()).min(1), message: label }).strict(),
  // in every row: each listed column ≤ the `than` column
  z.object({ kind: z.literal('colsLte'), id, severity, cols: z.array(id).min(1), than: id, message: label }).strict(),
  // in every row: column = Σ of columns
  z.object({ kind: z.literal('colSum'), id, severity, col: id, of: z.array(id).min(1), message: label }).strict(),
  // one cell against a threshold, which may depend on the school type
  z
    .object({
      kind: z.literal('cellMax'),
      id,
      severity,
      row: z.string(),
      col: id,
      value: z.number(),
      bySchoolType: z.record(z.string(), z.number()).optional(),
      message: label,
    })
    .strict(),
  // one cell against the same cell of the previous period (needs that period's data)
  z.object({ kind: z.literal('prevChange'), id, severity, row: z.string(), col: id, percent: z.number().positive(), message: label }).strict(),
  // one cell = Σ of a field of a list sheet of the same period, over the rows passing `where`
  // (e.g. 残疾学生情况 随班就读 总计 = Σ 班级名册 残疾学生(随班就读))
  z
    .object({
      kind: z.literal('listSum'),
      id,
      severity,
      row: z.string(),
      col: id,
      list: id,
      field: id,
      where: z.array(conditionSchema).optional(),
      message: label,
    })
    .strict(),
  colSumLteSchema,
  crossSumSchema,
  ...completenessStatChecks,
]);

export const statSheetSchema = z
  .object({
    kind: z.literal('stat'),
    id,
    title: label,
    ruleCode,
    unit: label,
    appliesTo: appliesToSchema.optional(),
    source: z.object({ sheet: id, where: z.array(conditionSchema).optional() }).strict().optional(),
    columns: z.array(statColumnSchema).min(1),
    rows: z.array(statRowSchema),
    stageRows: stageRowsSchema.optional(),
    cells: z.array(cellOverrideSchema).optional(),
    checks: z.array(statCheckSchema).optional(),
    notes: z.array(z.string()).optional(),
    copyForward: copyForwardSchema.optional(), // the entered cells go to the next period
  })
  .strict();
