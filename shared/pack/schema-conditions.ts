// Filters and measures over list rows: the vocabulary every computed cell is made of.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');

const periodDay = z.enum(['periodStart', 'periodEnd', 'refDay']);

/** A filter on one field of a list row. `in` matches any listed value; min/max are inclusive. */
export const conditionSchema = z
  .object({
    field: id,
    eq: z.union([z.string(), z.number()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    // the field holds 出生年月 (YYYY-MM or YYYY-MM-DD): 周岁 at the period's 统计时点, inclusive bounds
    ageMin: z.number().int().optional(),
    ageMax: z.number().int().optional(),
    notIn: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    // min/max test the field plus these fields (e.g. 线上 + 实践 学时 ≥ 50)
    plus: z.array(id).optional(),
    // a date field compared with the period: its first day, its last day, or the 统计时点
    dateFrom: periodDay.optional(), // field ≥ that day
    dateTo: periodDay.optional(), // field ≤ that day
    dateBefore: periodDay.optional(), // field < that day
    // a date field no more than N years before the 统计时点 (a number, or the name of a pack param)
    withinYears: z.union([z.number().positive(), id]).optional(),
    // a date-time field at least `hours` after the date + time held in two other fields
    hoursAfter: z.object({ date: id, time: id, hours: z.number().positive() }).strict().optional(),
  })
  .strict();

/** How a computed cell aggregates the list rows that pass its filters. */
export const measureSchema = z.discriminatedUnion('agg', [
  z.object({ agg: z.literal('sum'), fields: z.array(id).min(1) }).strict(),
  z.object({ agg: z.literal('count') }).strict(),
]);

/** Which schools a sheet is for: a 学段 the school has, or its 办学类型. */
export const appliesToSchema = z
  .object({
    stages: z.array(z.string().min(1)).min(1).optional(),
    schoolTypes: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
