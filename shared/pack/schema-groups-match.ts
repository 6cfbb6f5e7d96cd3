// A sheet-level check pairing the groups of two lists: every (日期, 餐次) of the 陪餐记录 needs a
// 留样 of that meal, every 留样 meal a 负责人 陪餐, every 晨检 day some 留样. Declarative, so a bureau
// can add its own pairings in a pack without code.
import { z } from 'zod';
import { conditionSchema } from './schema-conditions';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');

export const groupsMatchSchema = z
  .object({
    kind: z.literal('groupsMatch'),
    id,
    severity: z.enum(['error', 'warning']),
    /** the columns of this sheet whose values make a group (e.g. 日期 and 餐次); the first is where the finding points */
    by: z.array(id).min(1),
    /** only these rows of this sheet form groups */
    where: z.array(conditionSchema).optional(),
    /** the list a partner is looked for in: its `by` columns, in the same order, must hold the same values */
    other: z
      .object({ sheet: id, by: z.array(id).min(1), where: z.array(conditionSchema).optional() })
      .strict(),
    message: z.string().min(1),
  })
  .strict();

export type GroupsMatchCheck = z.infer<typeof groupsMatchSchema>;
