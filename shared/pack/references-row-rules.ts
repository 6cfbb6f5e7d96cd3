// Cross-reference checks for the row rules and copy-forward flags of schema-row-rules.ts: every
// column they name must be a column of the same list, and a sheet copied forward per month must
// sit in a monthly submission (per 学年 in a 学年 one).
import type { ColumnCheck, LedgerSheet, Pack } from './schema';

/** The columns of its own row a column check reads, by the JSON key that names each. */
export function rowRuleFields(k: ColumnCheck): [string, string][] {
  switch (k.kind) {
    case 'requiredIf':
    case 'dateNotBefore':
    case 'equalsIf':
    case 'equalsIfMin':
      return [['field', k.field]];
    case 'difference':
      return [['minuend', k.minuend], ['subtrahend', k.subtrahend]];
    case 'shareMax':
      return [['of', k.of]];
    case 'overdue':
      return [['unless.field', k.unless.field]];
    case 'inPeriod':
      return k.earlierIfOpen ? [['earlierIfOpen', k.earlierIfOpen]] : [];
    default:
      return [];
  }
}

export function checkRowRuleRefs(k: ColumnCheck, keys: Set<string>, at: string, out: string[]): void {
  for (const [name, field] of rowRuleFields(k)) if (!keys.has(field)) out.push(`${at}.${name}: 本表没有列 "${field}"`);
}

/** advance / carryOver name columns of the list; advance only means something when copied forward. */
export function checkCopyRefs(sheet: LedgerSheet, at: string, out: string[]): void {
  const keys = new Set(sheet.columns.map((c) => c.key));
  const need = (path: string, field: string) => {
    if (!keys.has(field)) out.push(`${at}.${path}: 本表没有列 "${field}"`);
  };
  if (sheet.advance) {
    if (!sheet.copyForward) out.push(`${at}.advance: 只有 copyForward 的表才能升级年级`);
    need('advance.field', sheet.advance.field);
    if (sheet.advance.stageField) need('advance.stageField', sheet.advance.stageField);
    if (!sheet.advance.stageField && !sheet.advance.map) out.push(`${at}.advance: 需要 stageField 或 map`);
    (sheet.advance.rename ?? []).forEach((f, i) => need(`advance.rename[${i}]`, f));
  }
  if (sheet.carryOver) need('carryOver.untilField', sheet.carryOver.untilField);
}

/** A sheet copied forward per month must be in monthly submissions only, and so on. */
export function checkCopyPeriods(pack: Pack): string[] {
  const out: string[] = [];
  pack.submissions.forEach((sub, i) => {
    sub.sheets.forEach((id, j) => {
      const sheet = pack.sheets[id] as { copyForward?: string; carryOver?: unknown } | undefined;
      if (sheet?.copyForward && sheet.copyForward !== sub.periodKind)
        out.push(`submissions[${i}].sheets[${j}]: 表 "${id}" 按 ${sheet.copyForward} 结转，但报表 ${sub.code} 的期间是 ${sub.periodKind}`);
    });
  });
  return out;
}
