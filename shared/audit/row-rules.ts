// Evaluation of the row rules of schema-row-rules.ts (a column against other columns of its row,
// a deadline against the period) and of `minRows` over a whole list. ledger-checks.ts calls in
// here, so every ledger keeps one place where its findings are made.
import type { ColumnCheck, LedgerSheet } from '../pack/schema';
import type { MinRowsCheck } from '../pack/schema-row-rules';
import type { LedgerRow, PeriodData } from '../model/data';
import { formatValue } from '../model/values';
import { toNumber } from '../compute/conditions';
import type { Finding } from './types';

export interface RowRuleContext {
  range: { start: string; end: string };
}

const empty = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: string | number) => a === b || String(a ?? '') === String(b);
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

function labelOf(sheet: LedgerSheet, key: string): string {
  return sheet.columns.find((c) => c.key === key)?.label ?? key;
}

/**
 * The finding text of a row rule that fails on a filled cell, or undefined when it holds.
 * Rules whose other columns are empty or not numbers stay silent: those cells get their own
 * REQ/TYPE findings, and one mistake should not read as two.
 */
export function rowRuleProblem(sheet: LedgerSheet, k: ColumnCheck, v: unknown, row: LedgerRow, ctx: RowRuleContext): string | undefined {
  switch (k.kind) {
    case 'dateNotBefore': {
      const other = row[k.field];
      if (!isDay(v) || !isDay(other)) return undefined;
      return v.slice(0, 10) < other.slice(0, 10) ? `${k.message}（${v} 早于${labelOf(sheet, k.field)} ${other}）` : undefined;
    }
    case 'difference': {
      const n = toNumber(v as LedgerRow[string]);
      const a = toNumber(row[k.minuend]);
      const b = toNumber(row[k.subtrahend]);
      if (n === undefined || a === undefined || b === undefined || n === a - b) return undefined;
      return `${k.message}（${n} ≠ ${a} − ${b} = ${a - b}）`;
    }
    case 'shareMax': {
      const n = toNumber(v as LedgerRow[string]);
      const of = toNumber(row[k.of]);
      if (n === undefined || !of) return undefined;
      const pct = (n / of) * 100;
      return pct > k.percent ? `${k.message}（${n} / ${of} = ${pct.toFixed(1)}% > ${k.percent}%）` : undefined;
    }
    case 'overdue': {
      if (!isDay(v) || same(row[k.unless.field], k.unless.eq)) return undefined;
      const day = v.slice(0, 10);
      if (day >= ctx.range.end) return undefined;
      return `${k.message}（期限 ${day}，至 ${ctx.range.end} 仍为“${formatValue(row[k.unless.field])}”）`;
    }
    case 'equalsIf':
      if (!same(row[k.field], k.eq) || same(v, k.value)) return undefined;
      return `${k.message}（${labelOf(sheet, k.field)}为“${k.eq}”，现为“${formatValue(v as LedgerRow[string])}”）`;
    case 'equalsIfMin': {
      const n = toNumber(row[k.field]);
      if (n === undefined || n < k.min || same(v, k.value)) return undefined;
      return `${k.message}（${labelOf(sheet, k.field)}为 ${n}，现为“${formatValue(v as LedgerRow[string])}”）`;
    }
    default:
      return undefined;
  }
}

/** `requiredIf` rules an empty cell breaks: the other column holds the value that needs this one. */
export function requiredIfProblems(sheet: LedgerSheet, checks: readonly ColumnCheck[], row: LedgerRow): [ColumnCheck, string][] {
  const out: [ColumnCheck, string][] = [];
  for (const k of checks)
    if (k.kind === 'requiredIf' && same(row[k.field], k.eq)) out.push([k, `${k.message}（${labelOf(sheet, k.field)}为“${k.eq}”）`]);
  return out;
}

/**
 * Whether an `inPeriod` date before the period belongs to a row carried over while open: its
 * closing date (the `earlierIfOpen` column) is empty or falls in this period or later. The rule
 * reads only the row, so the bureau checking one month's workbook sees what the school sees.
 */
export function carriedWhileOpen(k: ColumnCheck, day: string, row: LedgerRow, ctx: RowRuleContext): boolean {
  if (k.kind !== 'inPeriod' || !k.earlierIfOpen || day >= ctx.range.start) return false;
  const closed = row[k.earlierIfOpen];
  return empty(closed) || (isDay(closed) && closed.slice(0, 10) >= ctx.range.start);
}

// ---- minRows ---------------------------------------------------------------------------------

export interface MinRowsContext extends RowRuleContext {
  schoolType: string;
  /** the same submission's other periods, any status; a quarter counts the rows of its months */
  history?: readonly PeriodData[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The months of the calendar quarter ending with `month` (YYYY-MM), or undefined mid-quarter. */
export function quarterMonths(month: string): string[] | undefined {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (!/^\d{4}-\d{2}$/.test(month) || m % 3 !== 0) return undefined;
  return [m - 2, m - 1, m].map((x) => `${y}-${pad(x)}`);
}

export function checkMinRows(sheet: LedgerSheet, k: MinRowsCheck, rows: readonly LedgerRow[], ctx: MinRowsContext): Finding[] {
  const span = k.bySchoolType?.[ctx.schoolType] ?? k.per;
  const month = ctx.range.start.slice(0, 7);
  let count = rows.length;
  let where = ctx.range.start.slice(0, 7) === ctx.range.end.slice(0, 7) ? '本月' : '本期';
  if (span === 'quarter') {
    const months = quarterMonths(month);
    if (!months) return []; // judged once the quarter is over, in its last month
    for (const p of ctx.history ?? [])
      if (p.period !== month && months.includes(p.period)) count += p.sheets[sheet.id]?.rows?.length ?? 0;
    where = `本季度（${months[0]} 至 ${months[2]}）`;
  }
  if (count >= k.min) return [];
  return [
    {
      key: `${k.id}|${sheet.id}||`, ruleId: k.id, severity: k.severity, sheetId: sheet.id, sheetTitle: sheet.title,
      message: `${sheet.title}：${k.message}（${where} ${count} 条，应至少 ${k.min} 条）`,
    },
  ];
}
