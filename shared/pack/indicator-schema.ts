// Indicator sheets (办学条件与优质均衡, 教师发展, 学生发展与满意度, 月度汇总, 安全防范与卫生配置):
// rows of one value each — entered, or computed by a small JSON expression over the period's
// lists and tables — with a unit, a target or standard, and whether it is met.
// The expression language is data only: a fixed set of operations, nothing is evaluated as code.
import { z } from 'zod';
import { conditionSchema } from './schema-conditions';
import { copyForwardSchema } from './schema-row-rules';
import { indicatorNotBlankFields } from './schema-completeness';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const where = z.array(conditionSchema).optional();
/** where list rows come from: this period (default) or the 学年 of another submission containing it */
const from = z.object({ submission: z.string().regex(/^[A-Z]{2,8}$/) }).strict().optional();

export type Expr =
  | { op: 'const'; value: number }
  | { op: 'count'; sheet: string; where?: z.infer<typeof conditionSchema>[]; from?: { submission: string } }
  | { op: 'sum' | 'max'; sheet: string; fields: string[]; where?: z.infer<typeof conditionSchema>[]; from?: { submission: string } }
  | { op: 'distinct'; sheet: string; by: string[]; where?: z.infer<typeof conditionSchema>[] }
  | {
      op: 'groups';
      sheet: string;
      by: string[];
      where?: z.infer<typeof conditionSchema>[];
      all?: z.infer<typeof conditionSchema>[];
      any?: z.infer<typeof conditionSchema>[];
      anyOf?: z.infer<typeof conditionSchema>[];
      has?: { sheet: string; where?: z.infer<typeof conditionSchema>[] };
    }
  | { op: 'cell'; sheet: string; row: string; col: string }
  | { op: 'row'; code: string }
  | { op: 'ind'; sheet: string; code: string }
  | { op: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'maxOf'; args: Expr[]; scale?: number }
  | { op: 'eq'; args: [Expr, Expr] | [Expr]; text?: string }
  | { op: 'gte'; args: [Expr, Expr] }
  | { op: 'tiers'; arg: Expr; tiers: { below: number; value: number }[]; then: { from: number; base: number; every: number } }
  | { op: 'metCount'; rows?: string[] }
  | { op: 'balanced'; minMet: number; nearPercent: number; rows?: string[] };

export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.object({ op: z.literal('const'), value: z.number() }).strict(),
    z.object({ op: z.literal('count'), sheet: id, where, from }).strict(),
    z.object({ op: z.enum(['sum', 'max']), sheet: id, fields: z.array(id).min(1), where, from }).strict(),
    z.object({ op: z.literal('distinct'), sheet: id, by: z.array(id).min(1), where }).strict(),
    z
      .object({
        op: z.literal('groups'), sheet: id, by: z.array(id).min(1), where,
        all: z.array(conditionSchema).optional(), any: z.array(conditionSchema).optional(),
        // at least one row meets at least one of these (e.g. any symptom reaching 3 cases)
        anyOf: z.array(conditionSchema).optional(),
        has: z.object({ sheet: id, where }).strict().optional(),
      })
      .strict(),
    z.object({ op: z.literal('cell'), sheet: id, row: z.string(), col: id }).strict(),
    z.object({ op: z.literal('row'), code: z.string() }).strict(),
    // a row of another indicator sheet of the same period
    z.object({ op: z.literal('ind'), sheet: id, code: z.string() }).strict(),
    z.object({ op: z.enum(['add', 'sub', 'mul', 'div', 'min', 'maxOf']), args: z.array(exprSchema).min(1), scale: z.number().optional() }).strict(),
    z.object({ op: z.literal('eq'), args: z.union([z.tuple([exprSchema, exprSchema]), z.tuple([exprSchema])]), text: z.string().optional() }).strict(),
    z.object({ op: z.literal('gte'), args: z.tuple([exprSchema, exprSchema]) }).strict(),
    z
      .object({
        op: z.literal('tiers'), arg: exprSchema,
        tiers: z.array(z.object({ below: z.number(), value: z.number() }).strict()).min(1),
        then: z.object({ from: z.number(), base: z.number(), every: z.number().positive() }).strict(),
      })
      .strict(),
    z.object({ op: z.literal('metCount'), rows: z.array(z.string()).optional() }).strict(),
    z.object({ op: z.literal('balanced'), minMet: z.number().int(), nearPercent: z.number(), rows: z.array(z.string()).optional() }).strict(),
  ]),
) as z.ZodType<Expr>;

/** The target of a row: a fixed value, or one of the pack's targets (first id the pack has). */
export const rowTargetSchema = z
  .object({
    value: z.number().optional(),
    refs: z.array(id).optional(),
    direction: z.enum(['atLeast', 'atMost', 'equal']).optional(),
    text: z.string().optional(), // a target that is not a number, e.g. "是"
    bySchoolType: z.record(z.string(), z.number()).optional(),
  })
  .strict();

export const indicatorRowSchema = z
  .object({
    code: z.string().regex(/^\d{2}$/, '代码必须是两位数字，如 01'),
    label,
    unit: z.string().optional(),
    stages: z.array(label).min(1).optional(), // only for schools with one of these 学段
    schoolTypes: z.array(label).min(1).optional(),
    value: exprSchema.or(z.object({ op: z.literal('entered'), values: z.array(label).optional() }).strict()),
    target: rowTargetSchema.optional(),
    format: z.enum(['int', 'dec1', 'dec2', 'pct1', 'yesno', 'ratio']).optional(),
    // a 经验校验 warning when the value misses its target
    warnIfMissed: z.object({ id, message: label }).strict().optional(),
    // a 逻辑校验 error when the value is above another row's (合格人数 ≤ 测试人数)
    notAbove: z.object({ code: z.string(), id, message: label }).strict().optional(),
    // a 经验校验 warning when the value is below another row's (专职保安人数 < 应配)
    notBelow: z.object({ code: z.string(), id, message: label }).strict().optional(),
    // an entered value left blank once `when` is above 0 (办学条件 of a school with pupils); an
    // error unless severity says otherwise — the national client would read the blank as 0
    notBlank: z.object({ ...indicatorNotBlankFields, when: exprSchema.optional() }).strict().optional(),
  })
  .strict();

export const indicatorSectionSchema = z
  .object({
    title: z.string().optional(),
    // which columns after 指标名称 and 代码, in order
    columns: z.array(z.enum(['unit', 'value', 'target', 'met'])).min(1),
    labels: z.partialRecord(z.enum(['unit', 'value', 'target', 'met']), label).optional(),
    rows: z.array(indicatorRowSchema).min(1),
    note: z.string().optional(), // printed in a merged row under the section
  })
  .strict();

export const indicatorSheetSchema = z
  .object({
    kind: z.literal('indicator'),
    id,
    title: label,
    ruleCode: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
    appliesTo: z.object({ stages: z.array(label).min(1).optional(), schoolTypes: z.array(label).min(1).optional() }).strict().optional(),
    sections: z.array(indicatorSectionSchema).min(1),
    notes: z.array(z.string()).optional(),
    // the entered values go on to the next period (安全防范与卫生配置: entered once, copied monthly)
    copyForward: copyForwardSchema.optional(),
  })
  .strict();

export type IndicatorRow = z.infer<typeof indicatorRowSchema>;
export type IndicatorSection = z.infer<typeof indicatorSectionSchema>;
export type IndicatorSheet = z.infer<typeof indicatorSheetSchema>;
export type RowTarget = z.infer<typeof rowTargetSchema>;
