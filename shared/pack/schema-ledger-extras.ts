// Ledger vocabulary added for the canteen ledgers (FORMS.md §2.2–§2.5): column checks on dates
// against the period, rows fixed by the pack (食品安全自查表), and worksheets made of
// several lists (从业人员健康管理: 名单 + 晨检). Kept apart from schema.ts so that file stays small;
// schema.ts splices these into its unions.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const severity = z.enum(['error', 'warning']);
const scalar = z.union([z.string(), z.number()]);

/**
 * Column checks on dates against the period, and a column required once another column of the
 * row reaches a number. (Rules comparing two columns — requiredIf with a value, dateNotBefore —
 * are in schema-row-rules.ts.)
 */
export const extraColumnChecks = [
  // a date (e.g. 有效期至) that falls within `days` days after the period's last day
  z.object({ kind: z.literal('expiresWithin'), id, severity, days: z.number().int().positive(), message: label }).strict(),
  // a date (e.g. 有效期至) that must reach the period's last day: earlier means some day of the
  // period had no valid certificate
  z.object({ kind: z.literal('validThroughPeriod'), id, severity, message: label }).strict(),
  // a date not before the period's first day (整改完成日期 may fall in a later month)
  z.object({ kind: z.literal('notBeforePeriod'), id, severity, message: label }).strict(),
  // the column must be filled once another column of the row is a number ≥ min (异常人数 ≥ 1 →
  // 异常情况 and 处理措施)
  z.object({ kind: z.literal('requiredIfMin'), id, severity, field: id, min: z.number(), message: label }).strict(),
] as const;

/**
 * Rows the pack fixes (食品安全自查表's 检查项目 × 检查内容): one object per row giving the value of
 * each fixed column. Those columns are read-only; the school fills the others. The list always
 * has exactly these rows, in this order, from the moment the period is opened.
 */
export const fixedRowsSchema = z.array(z.record(z.string(), scalar)).min(1);

/** One list of a worksheet made of several lists; `id` names a ledger sheet of the pack. */
export const ledgerGroupPartSchema = z.object({ id, title: label }).strict();

/**
 * A worksheet made of several lists, one block under another (从业人员健康管理: 名单, then 晨检).
 * Each part is an ordinary ledger sheet of the pack — its rows are stored under its own id and
 * it is audited as a ledger — but only the group is listed in a submission and exported.
 */
export const ledgerGroupSheetSchema = z
  .object({
    kind: z.literal('ledgerGroup'),
    id,
    title: label,
    appliesTo: z
      .object({ stages: z.array(label).min(1).optional(), schoolTypes: z.array(label).min(1).optional() })
      .strict()
      .optional(),
    parts: z.array(ledgerGroupPartSchema).min(1),
    notes: z.array(z.string()).optional(),
  })
  .strict();

export type LedgerGroupSheet = z.infer<typeof ledgerGroupSheetSchema>;
export type LedgerGroupPart = z.infer<typeof ledgerGroupPartSchema>;
