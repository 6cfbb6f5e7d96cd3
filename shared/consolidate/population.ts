// 适龄人口: the small table the bureau enters itself (from 公安/统计 or 残联 figures), read by the
// district indicators marked *pop* in plan-targets.md (毛入园率, 入学率, 残疾儿童少年入学率 …).
// Validated whole: one bad entry and nothing is taken, with a Chinese message naming the row and
// the column, so a clerk can fix the figure where she typed it.
import { z } from 'zod';

/** 全部适龄人口, or 适龄残疾儿童少年 (残联 figures) for the 残疾儿童少年入学率. */
export const POPULATION_GROUPS = { all: '全部', disabled: '残疾' } as const;
export type PopulationGroup = keyof typeof POPULATION_GROUPS;

export const MAX_AGE = 30;

export const populationEntrySchema = z
  .object({
    /** the year the count is at (the 学年 2025-2026 reads the 2025 figures) */
    year: z.number().int().min(2000).max(2100),
    /** 周岁 */
    age: z.number().int().min(0).max(MAX_AGE),
    count: z.number().int().min(0).max(10_000_000),
    group: z.enum(['all', 'disabled']).optional(),
  })
  .strict();

export const populationTableSchema = z.object({ entries: z.array(populationEntrySchema).max(10_000) }).strict();

export type PopulationEntry = z.infer<typeof populationEntrySchema>;
export type PopulationTable = z.infer<typeof populationTableSchema>;

const FIELD: Record<string, string> = { year: '年份', age: '年龄', count: '人数', group: '类别' };
const RULE: Record<string, string> = {
  year: '必须是 2000—2100 之间的整数年份',
  age: `必须是 0—${MAX_AGE} 之间的整数（周岁）`,
  count: '必须是不小于 0 的整数',
  group: `只能是“${POPULATION_GROUPS.all}”或“${POPULATION_GROUPS.disabled}”`,
};

export type PopulationParse = { ok: true; table: PopulationTable } | { ok: false; problems: string[] };

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '空白' : `“${String(v)}”`);

/** Checks a table as entered (or as imported): every problem at once, and the table only when there is none. */
export function parsePopulation(input: unknown): PopulationParse {
  const parsed = populationTableSchema.safeParse(input);
  if (!parsed.success) {
    const entries = (input as { entries?: unknown[] } | null)?.entries;
    const problems = parsed.error.issues.map((issue) => {
      const [, index, field] = issue.path as [string, number | undefined, string | undefined];
      if (typeof index !== 'number') return '适龄人口表格式不对：应为若干行“年份、年龄、人数”';
      const row = `适龄人口第 ${index + 1} 行`;
      if (!field) return `${row}：多了不认识的栏目，只能填年份、年龄、人数、类别`;
      const given = (entries?.[index] as Record<string, unknown> | undefined)?.[field];
      return `${row}「${FIELD[field] ?? field}」${RULE[field] ?? '填写有误'}（填的是${show(given)}）`;
    });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const seen = new Map<string, number>();
  const problems: string[] = [];
  parsed.data.entries.forEach((e, i) => {
    const key = `${e.year}|${e.age}|${e.group ?? 'all'}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(`适龄人口第 ${i + 1} 行与第 ${first + 1} 行重复：${e.year} 年 ${e.age} 周岁（${POPULATION_GROUPS[e.group ?? 'all']}）只能填一次`);
    else seen.set(key, i);
  });
  return problems.length ? { ok: false, problems } : { ok: true, table: parsed.data };
}

/**
 * Rows as a spreadsheet or a form gives them (年份 / 年龄 / 人数 / 类别 headers, numbers possibly as
 * text, 类别 in Chinese) → the table's entries, then parsePopulation. A cell that is not a whole
 * number stays as typed so the message quotes it.
 */
export function populationFromRows(rows: readonly Record<string, unknown>[]): PopulationParse {
  const num = (v: unknown) => {
    if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
    return v === '' ? undefined : v;
  };
  const group = (v: unknown) => {
    if (v === undefined || v === null || v === '' || v === POPULATION_GROUPS.all) return undefined;
    return v === POPULATION_GROUPS.disabled ? 'disabled' : v;
  };
  const entries = rows.map((r) => {
    const e: Record<string, unknown> = { year: num(r['年份']), age: num(r['年龄']), count: num(r['人数']) };
    const g = group(r['类别']);
    if (g !== undefined) e.group = g;
    return e;
  });
  return parsePopulation({ entries });
}

/** Σ of the ages `from`…`to` in `year`; the ages with no figure when any is missing. */
export function populationOf(
  table: PopulationTable, year: number, from: number, to: number, group: PopulationGroup = 'all',
): { count: number; missingAges: number[] } {
  let count = 0;
  const missingAges: number[] = [];
  for (let age = from; age <= to; age++) {
    const e = table.entries.find((x) => x.year === year && x.age === age && (x.group ?? 'all') === group);
    if (e) count += e.count;
    else missingAges.push(age);
  }
  return { count, missingAges };
}
