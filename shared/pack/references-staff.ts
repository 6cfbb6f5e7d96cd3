// Cross-reference checks for the additions of schema-staff.ts: a per-school-type enum list names
// real school types, an age check filters on columns of its own list, and a check across sheets
// names a statistics sheet and rows/columns that sheet has.
import type { LedgerColumn, Pack, StatCheck } from './schema';
import { expandStatSheet } from './expand';

export function checkStaffColumnRefs(c: LedgerColumn, keys: Set<string>, pack: Pack, at: string, out: string[]): void {
  if (c.valuesBySchoolType) {
    if (c.type !== 'enum') out.push(`${at}.valuesBySchoolType: 只有枚举列可以有 values`);
    if (!c.values) out.push(`${at}.valuesBySchoolType: 还需要其他办学类型用的 values`);
    const types = new Set(pack.schoolTypes.map((t) => t.id));
    for (const t of Object.keys(c.valuesBySchoolType)) if (!types.has(t)) out.push(`${at}.valuesBySchoolType: 没有办学类型 "${t}"`);
  }
  (c.checks ?? []).forEach((k, j) => {
    if (k.kind !== 'age') return;
    (k.when ?? []).forEach((w, i) => {
      if (!keys.has(w.field)) out.push(`${at}.checks[${j}].when[${i}].field: 本表没有列 "${w.field}"`);
    });
  });
}

export function checkStaffStatRefs(k: StatCheck, codes: Set<string>, cols: Set<string>, pack: Pack, at: string, out: string[]): void {
  if (k.kind === 'colSumLte') {
    for (const c of [...k.cols, k.than]) if (!cols.has(c)) out.push(`${at}: 没有列 "${c}"`);
  }
  if (k.kind !== 'crossSum') return;
  if (!codes.has(k.row)) out.push(`${at}: 没有代码 "${k.row}"`);
  if (!cols.has(k.col)) out.push(`${at}: 没有列 "${k.col}"`);
  const other = pack.sheets[k.sheet];
  if (other?.kind !== 'stat') {
    out.push(`${at}.sheet: "${k.sheet}" 不是统计表`);
    return;
  }
  // the other sheet as a school with every one of its 学段 would see it
  const full = expandStatSheet(other, other.stageRows?.stages ?? []);
  const otherCodes = new Set(full.rows.map((r) => r.code));
  const keys = new Set((other.stageRows?.rows ?? []).map((r) => r.key));
  for (const r of k.rows)
    if (r.startsWith('*') ? !keys.has(r.slice(1)) : !otherCodes.has(r)) out.push(`${at}.rows: 表 "${k.sheet}" 没有行 "${r}"`);
  for (const c of k.cols) if (!full.columns.some((x) => x.key === c)) out.push(`${at}.cols: 表 "${k.sheet}" 没有列 "${c}"`);
}
