// Completeness checks (审核 of what the bureau would query): entered figures left blank where the
// table applies, a list left empty, 招生数 against 一年级, and a 自查表 answer against the list it
// speaks of. The national client reads a blank cell as 0 and asks a 空数据说明 for an empty table,
// so a blank here is never silently "0". schema.ts and schema-stat.ts splice these into their unions.
import { z } from 'zod';
import { conditionSchema } from './schema-conditions';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const severity = z.enum(['error', 'warning']);
const scalar = z.union([z.string(), z.number()]);
const cellRef = z.object({ row: z.string(), col: id }).strict();

/** Stat-sheet checks. */
export const completenessStatChecks = [
  // these entered cells must hold a number (0 if truly none) once `when` holds: a cell of the same
  // table at least `min` (招生数、毕业生数 of 总计 once 在校生数 ≥ 1)
  z
    .object({
      kind: z.literal('notBlank'), id, severity,
      rows: z.array(z.string()).min(1),
      cols: z.array(id).min(1),
      when: cellRef.extend({ min: z.number() }).strict().optional(),
      message: label,
    })
    .strict(),
  // one cell ≤ another cell of the same table (招生数 总计 ≤ 一年级 在校生数)
  z.object({ kind: z.literal('cellLte'), id, severity, row: z.string(), col: id, than: cellRef, message: label }).strict(),
  // one filled cell within a tolerance of another (招生数 ≈ 一年级): the larger of `percent` % of the
  // other cell and `min`; `side: below` only when the cell falls short (above is another rule)
  z
    .object({
      kind: z.literal('cellNear'), id, severity, row: z.string(), col: id, near: cellRef,
      percent: z.number().nonnegative(), min: z.number().nonnegative().optional(),
      side: z.enum(['below', 'both']).optional(),
      message: label,
    })
    .strict(),
] as const;

/** Ledger (list) sheet checks. */
export const completenessLedgerChecks = [
  // the list must hold at least one row this period: an error where it cannot be empty (教职工名册),
  // a warning (whose 说明 is the 空数据说明) where an empty month can be right (假期未供餐)
  z.object({ kind: z.literal('nonEmpty'), id, severity, message: label }).strict(),
  // a fixed-row list's answer (自查表 每日晨检：是) against the list it speaks of: with no `days`,
  // the list needs a row dated in the period; with `days`, every date of those lists in the period
  // (the meal days) needs a row of this list, more than `maxMissing` missing dates is a finding
  z
    .object({
      kind: z.literal('answerMatchesLedger'), id, severity,
      row: z.record(z.string(), scalar), // the fixed columns naming the row (检查内容: 每日晨检)
      field: id, // the answer column
      answer: scalar, // the answer that claims the list (是)
      ledger: z.object({ sheet: id, date: id, where: z.array(conditionSchema).optional() }).strict(),
      days: z
        .object({ sheets: z.array(z.object({ sheet: id, date: id }).strict()).min(1), maxMissing: z.number().int().nonnegative().optional() })
        .strict()
        .optional(),
      message: label,
    })
    .strict(),
] as const;

/** On an indicator row with an entered value: filled (0 if truly none) once `when` is above 0. */
export const indicatorNotBlankFields = { id, severity: severity.optional(), message: label } as const;

export type NotBlankCheck = z.infer<(typeof completenessStatChecks)[0]>;
export type CellLteCheck = z.infer<(typeof completenessStatChecks)[1]>;
export type CellNearCheck = z.infer<(typeof completenessStatChecks)[2]>;
export type NonEmptyCheck = z.infer<(typeof completenessLedgerChecks)[0]>;
export type AnswerMatchesLedgerCheck = z.infer<(typeof completenessLedgerChecks)[1]>;
