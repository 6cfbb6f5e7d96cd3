// 按记录统计导入: a ledger whose rows are counts of something a school's other systems list one
// record at a time (班级名册 ← the 学籍系统's one row per pupil). The rules — how such a file is
// recognised, what each source column's values mean, which count each feeds and how grade
// wordings map to 学段/年级 — are data, so a bureau whose 学籍 wording differs changes its pack.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, '只能用字母、数字、-、_，且以字母开头');
const label = z.string().min(1);
const words = z.array(label).min(1);

/** A column of the per-record file, found by its header like a ledger column (label + aliases). */
export const recordFieldSchema = z
  .object({
    key: id,
    label,
    aliases: words.optional(),
    // 姓名, 身份证件号, 出生日期: read to recognise the file, never kept (shown as “不保存” in the preview)
    personal: z.boolean().optional(),
    // a record whose cell is blank cannot be counted and is reported with its cell
    required: z.boolean().optional(),
    // the values this column may hold; any other non-blank value is reported with its cell
    values: words.optional(),
    // extra words meaning “yes” for a `yes` test of this column (就读方式 住校, 随迁 外省迁入)
    yes: words.optional(),
    // a value containing one of these also means “yes” (残疾类型 视力残疾 …, …随班就读)
    yesContains: words.optional(),
  })
  .strict();

const fieldRef = { field: id };

type Test =
  | { kind: 'in'; field: string; values: string[] }
  | { kind: 'notIn'; field: string; values: string[] }
  | { kind: 'yes'; field: string }
  | { kind: 'missing'; field: string }
  | { kind: 'origin'; is: 'otherProvince' | 'otherCounty' }
  | { kind: 'any'; of: Test[] }
  | { kind: 'all'; of: Test[] };

/** When a record counts into a column. `in`/`notIn` compare the cell's normalised text (NFKC, no
 * spaces); `notIn` is false on a blank cell; `yes` is the rule set's yes/no words; `origin` is
 * where a 随迁子女 came from (see `origin` below). */
export const recordTestSchema: z.ZodType<Test> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('in'), ...fieldRef, values: words }).strict(),
    z.object({ kind: z.literal('notIn'), ...fieldRef, values: words }).strict(),
    z.object({ kind: z.literal('yes'), ...fieldRef }).strict(),
    // true when the file has no column for the field (残疾类型 decides only without a 随班就读 column)
    z.object({ kind: z.literal('missing'), ...fieldRef }).strict(),
    z.object({ kind: z.literal('origin'), is: z.enum(['otherProvince', 'otherCounty']) }).strict(),
    z.object({ kind: z.literal('any'), of: z.array(recordTestSchema).min(1) }).strict(),
    z.object({ kind: z.literal('all'), of: z.array(recordTestSchema).min(1) }).strict(),
  ]),
);

export const recordCountSchema = z
  .object({
    // the ledger column that receives the number of matching records of the group
    column: id,
    test: recordTestSchema,
    // how the preview explains the rule (“性别 为 女”)
    note: label,
  })
  .strict();

/** A grade as files word it → the pack's 学段 and 年级; the first entry among the school's 学段 wins. */
export const recordGradeSchema = z.object({ stage: label, grade: label, words }).strict();

export const recordImportSchema = z
  .object({
    // “学生名单：519 名学生，将统计为 12 个班”
    title: label,
    recordNoun: label,
    groupNoun: label,
    fields: z.array(recordFieldSchema).min(2),
    // a header naming every `all` field and at least one `any` field is a per-record file
    recognise: z.object({ all: z.array(id).min(1), any: z.array(id).min(1) }).strict(),
    // the group's columns of the ledger and the fields they come from
    stageColumn: id,
    gradeColumn: id,
    groupColumn: id,
    gradeField: id,
    groupField: id,
    // a 学段 column in the file narrows the grade match (完全中学: 一年级 of 初中 or of 高中)
    stageField: id.optional(),
    // 班级名称 written the same way whatever the file says (3.2, 2班, 三年级（2）班 → 三年级(2)班);
    // {grade} is the file's grade wording, {n} the class number, {cn} it in Chinese (小班一班)
    groupName: label,
    // a 学段 whose classes are named otherwise (幼儿园 小班一班, not 小班（1）班)
    groupNameByStage: z.record(z.string(), label).optional(),
    // the ledger column that gets the number of records of the group (学生数)
    totalColumn: id,
    grades: z.array(recordGradeSchema).min(1),
    // “2019级”: the year a cohort entered, mapped to a grade only for a school with one 学段
    // (a 九年一贯制 school's 2019级 may be 小学 or 初中 entry)
    cohortGrades: z.boolean().optional(),
    yes: words,
    no: words,
    // 随迁子女: where the pupil came from — a word in the field's value (外省迁入 / 本省外县迁入),
    // else the province of 户口所在地 against the province most of the file's pupils are registered in
    origin: z
      .object({
        fields: z.array(id).min(1),
        otherProvince: words,
        otherCounty: words,
        hukouField: id.optional(),
      })
      .strict()
      .optional(),
    counts: z.array(recordCountSchema).min(1),
  })
  .strict();

export type RecordImport = z.infer<typeof recordImportSchema>;
export type RecordField = z.infer<typeof recordFieldSchema>;
export type RecordTest = Test;
