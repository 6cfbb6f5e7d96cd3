// Checks the staff forms need (教职工名册, 教基4149/4148/4153/4155) beyond what the class list
// uses: an age at the 统计时点, a sum of columns that may not exceed another column, and one cell
// against cells of another statistics sheet of the same period. schema.ts splices them into its
// unions, so each family of rules reads as one list.
import { z } from 'zod';
import { conditionSchema } from './schema-conditions';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const severity = z.enum(['error', 'warning']);

/**
 * Column check on 出生年月 (YYYY-MM, or a full date): the 周岁 at the period's 统计时点 (9月1日 of a
 * 学年) must lie within [min, max]. `when` limits it to rows passing the filters (专任教师 only).
 */
export const ageCheckSchema = z
  .object({
    kind: z.literal('age'),
    id,
    severity,
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    when: z.array(conditionSchema).min(1).optional(),
    message: label,
  })
  .strict()
  .refine((k) => k.min !== undefined || k.max !== undefined, { message: '年龄检查至少需要 min 或 max' });

/** In every row of a statistics sheet: Σ of `cols` ≤ the `than` column (英语+日语+俄语 ≤ 外语). */
export const colSumLteSchema = z
  .object({ kind: z.literal('colSumLte'), id, severity, cols: z.array(id).min(1), than: id, message: label })
  .strict();

/**
 * One cell of this sheet = Σ of cells of another statistics sheet of the same period
 * (教基4149 专任教师 = Σ 教基4153 学段合计). `rows` are codes of that sheet, or `*key` for that
 * template row of every 学段 block it has for the school. Skipped when the other sheet does not
 * apply to the school.
 */
export const crossSumSchema = z
  .object({
    kind: z.literal('crossSum'),
    id,
    severity,
    row: z.string(),
    col: id,
    sheet: id,
    rows: z.array(z.string()).min(1),
    cols: z.array(id).min(1),
    message: label,
  })
  .strict();

export type AgeCheck = z.infer<typeof ageCheckSchema>;
export type ColSumLteCheck = z.infer<typeof colSumLteSchema>;
export type CrossSumCheck = z.infer<typeof crossSumSchema>;
