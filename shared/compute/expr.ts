// The indicator expression language: a fixed set of JSON operations over list rows, statistics
// cells and other rows of the same sheet. A value that cannot be computed (no students to
// divide by, a figure not entered) is null, never 0, so nobody reads a made-up rate.
import type { Expr } from '../pack/indicator-schema';
import type { Condition } from '../pack/schema';
import type { LedgerRow } from '../model/data';
import { matches, toNumber, type CondContext } from './conditions';

export interface ExprEnv {
  ctx: CondContext;
  rows(sheet: string, from?: { submission: string }): LedgerRow[];
  cell(sheet: string, row: string, col: string): number | null;
  row(code: string): number | null;
  /** a row of another indicator sheet (number, or its text such as 是/否) */
  ind(sheet: string, code: string): number | string | null;
  /** results of rows with a target, for metCount and balanced */
  met(codes?: string[]): { value: number | string | null; target: number | string | null; met: boolean | undefined; direction?: string }[];
}

const keep = (rows: LedgerRow[], where: Condition[] | undefined, ctx: CondContext) =>
  where?.length ? rows.filter((r) => where.every((c) => matches(r, c, ctx))) : rows;

const groupKey = (r: LedgerRow, by: string[]) => {
  const parts = by.map((f) => r[f]);
  return parts.some((p) => p === null || p === undefined || p === '') ? undefined : parts.map(String).join('\u0000');
};

function groups(rows: LedgerRow[], by: string[]): Map<string, LedgerRow[]> {
  const out = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    const k = groupKey(r, by);
    if (k === undefined) continue;
    const g = out.get(k);
    if (g) g.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Evaluates an expression; with `ratio`, a division is shown as "a/b" instead of divided. */
export function evalExpr(e: Expr, env: ExprEnv, ratio = false): number | string | null {
  const num = (x: Expr) => {
    const v = evalExpr(x, env);
    return typeof v === 'number' ? v : null;
  };
  const scaled = (v: number | null, scale?: number) => (v === null || scale === undefined ? v : v * scale);
  switch (e.op) {
    case 'const':
      return e.value;
    case 'count':
      return keep(env.rows(e.sheet, e.from), e.where, env.ctx).length;
    case 'sum':
    case 'max': {
      const values = keep(env.rows(e.sheet, e.from), e.where, env.ctx).flatMap((r) =>
        e.fields.map((f) => toNumber(r[f])).filter((n): n is number => n !== undefined),
      );
      if (e.op === 'sum') return values.reduce((s, n) => s + n, 0);
      return values.length ? Math.max(...values) : null;
    }
    case 'distinct':
      return groups(keep(env.rows(e.sheet), e.where, env.ctx), e.by).size;
    case 'groups': {
      const own = groups(keep(env.rows(e.sheet), e.where, env.ctx), e.by);
      const other = e.has ? groups(keep(env.rows(e.has.sheet), e.has.where, env.ctx), e.by) : undefined;
      let n = 0;
      for (const [k, rows] of own) {
        if (e.all && !rows.every((r) => e.all!.every((c) => matches(r, c, env.ctx)))) continue;
        if (e.any && !rows.some((r) => e.any!.every((c) => matches(r, c, env.ctx)))) continue;
        if (e.anyOf && !rows.some((r) => e.anyOf!.some((c) => matches(r, c, env.ctx)))) continue;
        if (other && !other.has(k)) continue;
        n++;
      }
      return n;
    }
    case 'cell':
      return env.cell(e.sheet, e.row, e.col);
    case 'row':
      return env.row(e.code);
    case 'ind':
      return env.ind(e.sheet, e.code);
    case 'add':
    case 'sub':
    case 'mul':
    case 'min':
    case 'maxOf': {
      const vs = e.args.map(num);
      if (vs.some((v) => v === null)) return null;
      const ns = vs as number[];
      const v =
        e.op === 'add' ? ns.reduce((a, b) => a + b, 0)
        : e.op === 'sub' ? ns.slice(1).reduce((a, b) => a - b, ns[0]!)
        : e.op === 'mul' ? ns.reduce((a, b) => a * b, 1)
        : e.op === 'min' ? Math.min(...ns)
        : Math.max(...ns);
      return scaled(v, e.scale);
    }
    case 'div': {
      const [a, b] = [num(e.args[0]!), e.args[1] ? num(e.args[1]) : null];
      if (ratio) return a === null || b === null ? null : `${a}/${b}`;
      if (a === null || b === null || b === 0) return null;
      return scaled(a / b, e.scale);
    }
    case 'eq': {
      if (e.text !== undefined) return String(evalExpr(e.args[0], env) ?? '') === e.text ? 1 : 0;
      const [a, b] = [num(e.args[0]), e.args[1] ? num(e.args[1]) : null];
      return a === null || b === null ? null : a === b ? 1 : 0;
    }
    case 'gte': {
      const [a, b] = [num(e.args[0]), num(e.args[1])];
      return a === null || b === null ? null : a >= b ? 1 : 0;
    }
    case 'tiers': {
      const n = num(e.arg);
      if (n === null) return null;
      const tier = e.tiers.find((t) => n < t.below);
      if (tier) return tier.value;
      return e.then.base + Math.floor((n - e.then.from) / e.then.every);
    }
    case 'metCount':
      return env.met(e.rows).filter((r) => r.met).length;
    case 'balanced': {
      const rs = env.met(e.rows);
      // not judged until every figure is there (办学条件 not yet entered, no students)
      if (rs.some((r) => r.value === null)) return null;
      const met = rs.filter((r) => r.met).length;
      // every standard not met must still reach nearPercent of it (优质均衡校级要求)
      const near = rs.every((r) => r.met || (typeof r.value === 'number' && typeof r.target === 'number' && r.value >= (r.target * e.nearPercent) / 100));
      return met >= e.minMet && near ? 1 : 0;
    }
  }
}
