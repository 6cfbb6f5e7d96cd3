// Cross-references of an indicator sheet: every list, table and row an expression names exists.
import type { Expr, IndicatorSheet } from './indicator-schema';
import type { Pack } from './schema';

function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  if ('args' in e) e.args.forEach((a) => walk(a, visit));
  if (e.op === 'tiers') walk(e.arg, visit);
}

export function checkIndicator(sheet: IndicatorSheet, at: string, pack: Pack, out: string[]): void {
  const rows = sheet.sections.flatMap((s) => s.rows);
  const codes = new Set<string>();
  for (const r of rows) {
    if (codes.has(r.code)) out.push(`${at}: 代码 "${r.code}" 重复`);
    codes.add(r.code);
  }
  const ledger = (id: string, where: string) => {
    if (pack.sheets[id]?.kind !== 'ledger') out.push(`${where}: "${id}" 不是名册表`);
  };
  sheet.sections.forEach((sec, si) =>
    sec.rows.forEach((r, ri) => {
      const where = `${at}.sections[${si}].rows[${ri}]`;
      // target refs are not checked here: a shared form names targets some bureaus don't set
      // (the row then shows no target); a test checks every ref exists in some seed pack
      if (r.value.op === 'entered') return;
      walk(r.value, (e) => {
        if (e.op === 'count' || e.op === 'sum' || e.op === 'max' || e.op === 'distinct') ledger(e.sheet, where);
        if (e.op === 'groups') {
          ledger(e.sheet, where);
          if (e.has) ledger(e.has.sheet, where);
        }
        if (e.op === 'cell') {
          const s = pack.sheets[e.sheet];
          if (s?.kind !== 'stat') out.push(`${where}: "${e.sheet}" 不是统计表`);
          else if (!s.columns.some((c) => c.key === e.col)) out.push(`${where}: 统计表 ${e.sheet} 没有列 "${e.col}"`);
        }
        if (e.op === 'ind' && pack.sheets[e.sheet]?.kind !== 'indicator') out.push(`${where}: "${e.sheet}" 不是指标表`);
        if (e.op === 'row' && !codes.has(e.code) && !rows.some((x) => x.code === e.code)) out.push(`${where}: 没有代码 "${e.code}" 的行`);
        if ((e.op === 'metCount' || e.op === 'balanced') && e.rows)
          for (const c of e.rows) if (!rows.some((x) => x.code === c)) out.push(`${where}: 没有代码 "${c}" 的行`);
      });
    }),
  );
}
