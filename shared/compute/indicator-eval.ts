// Evaluates an indicator sheet for one school and period through the period's memo: each row's
// value (entered, or computed from the period's lists and tables), its target and whether it is
// met. period-context.ts calls this for its memo; indicator.ts is the entry point for callers
// that hold no memo. (Split from indicator.ts so the two no longer import each other.)
import type { IndicatorRow, IndicatorSheet, RowTarget } from '../pack/indicator-schema';
import type { Pack } from '../pack/schema';
import { stagesOf } from '../pack/applicability';
import { cellKey } from '../pack/stat-cells';
import { listRows, tableValue } from './stat-table';
import { evalExpr, type ExprEnv } from './expr';
import type { IndicatorResult, IndicatorTable, IndicatorValue, PeriodContext } from './indicator-types';

export function rowApplies(row: IndicatorRow, pack: Pack, schoolType: string): boolean {
  if (row.schoolTypes && !row.schoolTypes.includes(schoolType)) return false;
  if (row.stages && !row.stages.some((s) => stagesOf(pack, schoolType).includes(s))) return false;
  return true;
}

function resolveTarget(t: RowTarget | undefined, pack: Pack, schoolType: string): IndicatorValue {
  if (!t) return null;
  if (t.text !== undefined) return t.text;
  const byType = t.bySchoolType?.[schoolType];
  if (byType !== undefined) return byType;
  for (const ref of t.refs ?? []) {
    const found = pack.targets.find((x) => x.id === ref);
    if (found) return found.value;
  }
  return t.value ?? null;
}

function round(v: number, format: IndicatorRow['format']): number {
  const digits = format === 'int' ? 0 : format === 'dec2' ? 2 : format === 'dec1' || format === 'pct1' ? 1 : 2;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function isMet(value: IndicatorValue, target: IndicatorValue, direction: RowTarget['direction'] = 'atLeast'): boolean | undefined {
  if (value === null || target === null) return undefined;
  if (typeof target === 'string' || typeof value === 'string') return String(value) === String(target);
  if (direction === 'atMost') return value <= target;
  if (direction === 'equal') return value === target;
  return value >= target;
}

/**
 * What an expression reads in a period apart from its own sheet's rows: the period's lists (or
 * another submission's, via the lookup), 基表 cells and other indicator sheets, all through the
 * period's memo. The district indicators evaluate their per-school expressions with it too.
 */
export function periodExprEnv(pc: PeriodContext): Pick<ExprEnv, 'ctx' | 'rows' | 'cell' | 'ind'> {
  const { pack, data } = pc;
  const ctx = pc.cond;
  return {
    ctx,
    rows: (sheetId, from) => {
      if (!from) return listRows(data, sheetId);
      const kind = pack.submissions.find((s) => s.code === from.submission)?.periodKind;
      const period = kind === 'schoolYear' ? schoolYearOf(ctx.periodStart) : data.period;
      return listRows(pc.lookup?.(from.submission, period) ?? { ...data, sheets: {} }, sheetId);
    },
    cell: (sheetId, row, col) => {
      const t = pc.stat(sheetId);
      return t ? (tableValue(t, row, col) ?? null) : null;
    },
    ind: (sheetId, code) => {
      const t = pc.indicator(sheetId);
      if (!t) return null;
      return t.sections.flatMap((x) => x.results).find((r) => r.row.code === code)?.value ?? null;
    },
  };
}

/** One indicator sheet of the period whose memo `pc` is (the memo's own `indicator()` calls this). */
export function evaluateIndicatorTable(sheet: IndicatorSheet, pc: PeriodContext): IndicatorTable {
  const { pack, school, data } = pc;
  const entered = data.sheets[sheet.id]?.cells ?? {};
  const rows = sheet.sections.flatMap((s) => s.rows).filter((r) => rowApplies(r, pack, school.type));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const results = new Map<string, IndicatorResult>();
  const env: ExprEnv = {
    ...periodExprEnv(pc),
    row: (code) => {
      const r = result(code);
      return typeof r?.value === 'number' ? r.value : null;
    },
    met: (codes) => {
      const list = codes ?? rows.filter((r) => r.target).map((r) => r.code);
      return list.map((c) => result(c)).filter((r): r is IndicatorResult => !!r && r.target !== null);
    },
  };

  const visiting = new Set<string>();
  function result(code: string): IndicatorResult | undefined {
    const row = byCode.get(code);
    if (!row) return undefined;
    const done = results.get(code);
    if (done) return done;
    if (visiting.has(code)) throw new Error(`${sheet.title}：第 ${code} 行的计算引用了自己`);
    visiting.add(code);
    let value: IndicatorValue;
    let raw: number | undefined;
    if (row.value.op === 'entered') {
      const v = entered[cellKey(code, 'value')];
      value = v === undefined ? null : v;
    } else {
      const n = evalExpr(row.value, env, row.format === 'ratio');
      if (typeof n === 'number' && row.format !== 'yesno') raw = n;
      value = typeof n === 'string' || n === null ? n : row.format === 'yesno' ? (n ? '是' : '否') : round(n, row.format);
    }
    const target = resolveTarget(row.target, pack, school.type);
    const r: IndicatorResult = {
      row, kind: row.value.op === 'entered' ? 'entered' : 'computed', value, ...(raw === undefined ? {} : { raw }), target,
      direction: row.target?.direction, met: isMet(value, target, row.target?.direction),
    };
    if (row.notBlank) {
      const w = row.notBlank.when ? evalExpr(row.notBlank.when, env) : 1;
      r.needed = typeof w === 'number' && w > 0;
    }
    visiting.delete(code);
    results.set(code, r);
    return r;
  }

  return {
    sheet,
    sections: sheet.sections
      .map((s) => ({ section: s, title: s.title, results: s.rows.filter((r) => rowApplies(r, pack, school.type)).map((r) => result(r.code)!) }))
      .filter((s) => s.results.length > 0),
  };
}

/** The 学年 ("2025-2026") a day belongs to. */
function schoolYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
