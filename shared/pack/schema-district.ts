// What the bureau computes from all its schools' reports, as pack data: how each district
// indicator is worked out (a target names its formula by id) and how the 义务教育校际差异系数 is
// taken from the 办学条件与优质均衡 sheet. The formulas are a fixed set of kinds whose per-school
// parts are the indicator expression language (indicator-schema.ts), so no target is a switch
// on its name in code and a new bureau only writes data.
import { z } from 'zod';
import { exprSchema } from './indicator-schema';
import { SPONSORS } from '../model/school';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const submission = z.string().regex(/^[A-Z]{2,8}$/);
const rowCode = z.string().regex(/^\d{2}$/, '代码必须是两位数字，如 01');

/** Which schools a sum runs over: a school counts when it matches every field of one alternative. */
export const schoolFilterSchema = z
  .object({
    types: z.array(label).min(1).optional(),
    /** the school has at least one of these 学段 */
    stages: z.array(label).min(1).optional(),
    sponsor: z.enum(SPONSORS).optional(),
    /** 幼儿园: 普惠性 as the registry (or the 封面) says */
    puhui: z.boolean().optional(),
  })
  .strict();

/** A per-school expression summed over the schools that match any of `schools` (absent: all). */
export const schoolSumSchema = z
  .object({ expr: exprSchema, schools: z.array(schoolFilterSchema).min(1).optional() })
  .strict();

const common = { id, name: label.optional(), submission };

export const districtFormulaSchema = z.discriminatedUnion('kind', [
  // Σ num ÷ Σ den × scale; a school whose own num ÷ den misses the target is listed
  z.object({ kind: z.literal('share'), ...common, num: schoolSumSchema, den: schoolSumSchema, scale: z.number().positive().optional() }).strict(),
  // Σ over the schools (Σ 骨干); no school misses a district total on its own
  z.object({ kind: z.literal('sum'), ...common, of: schoolSumSchema }).strict(),
  // Σ num ÷ 适龄人口 of the ages (population.ts) in the period's year × scale; needs the bureau's table
  z
    .object({
      kind: z.literal('population'), ...common, num: schoolSumSchema,
      ages: z.object({ from: z.number().int().min(0).max(30), to: z.number().int().min(0).max(30) }).strict(),
      group: z.enum(['all', 'disabled']).optional(),
      scale: z.number().positive().optional(),
    })
    .strict(),
  // from the 差异系数 (balance.ts): the larger 综合 (mean of the indicators' CVs) or single CV of the
  // 学段, or the share of students / schools meeting the 校级 standard
  z
    .object({
      kind: z.literal('balance'), id, name: label.optional(),
      measure: z.enum(['compositeCv', 'maxCv', 'studentShare', 'schoolShare']),
    })
    .strict(),
]);

/** One 学段 of the 差异系数: its seven indicator rows, its limit, and whom Pᵢ counts. */
export const balanceStageSchema = z
  .object({
    stage: label,
    /** each indicator's CV must be at most this (优质均衡: 小学 0.50, 初中 0.45) */
    maxCv: z.number().positive().max(1),
    rows: z.array(rowCode).min(1),
    /** the row saying whether the school meets the 校级 standard (是/否) */
    standardRow: rowCode,
    /** Pᵢ: the school's 在校生 of this 学段 */
    students: exprSchema,
  })
  .strict();

export const balanceSchema = z
  .object({
    submission,
    /** the indicator sheet holding the per-school values (办学条件与优质均衡) */
    sheet: id,
    stages: z.array(balanceStageSchema).min(1),
    /** school types left out of the 差异系数 (特殊教育学校 in the provinces' rules) */
    excludeSchoolTypes: z.array(label).optional(),
    note: z.string().optional(),
  })
  .strict();

export type SchoolFilter = z.infer<typeof schoolFilterSchema>;
export type SchoolSum = z.infer<typeof schoolSumSchema>;
export type DistrictFormula = z.infer<typeof districtFormulaSchema>;
export type BalanceConfig = z.infer<typeof balanceSchema>;
export type BalanceStage = z.infer<typeof balanceStageSchema>;
