// The sheet-level `groupsMatch` check: each group of this list (rows sharing the `by` values, e.g.
// one meal = 日期 + 餐次) needs a row of another list with the same values. One finding per group
// without a partner, on the group's first row at its first `by` column (the 日期 cell).
import type { LedgerSheet } from '../pack/schema';
import type { GroupsMatchCheck } from '../pack/schema-groups-match';
import type { LedgerRow, PeriodData } from '../model/data';
import { hasColumnType, formatValue } from '../model/values';
import { matches } from '../compute/conditions';
import { ledgerRows } from '../pack/ledger-rows';
import { ledgerCellAddress } from '../xlsx/addresses';
import type { LedgerContext } from './ledger-context';
import type { Finding } from './types';

const keyOf = (row: LedgerRow, by: readonly string[]) => JSON.stringify(by.map((f) => row[f]));

/**
 * A row forms a group only when its `by` cells are filled and well typed, and a date among them
 * falls in the period: a row that is wrong there already has its own 逻辑校验 error, and a meal
 * of another month is not one of this month's meals.
 */
function groupable(sheet: LedgerSheet, row: LedgerRow, by: readonly string[], range: LedgerContext['range']): boolean {
  return by.every((f) => {
    const col = sheet.columns.find((c) => c.key === f);
    const v = row[f];
    if (!col || v === null || v === undefined || v === '' || !hasColumnType(col, v)) return false;
    if (col.type === 'enum' && col.values && !col.values.includes(String(v))) return false;
    return col.type !== 'date' || (String(v) >= range.start && String(v) <= range.end);
  });
}

export function checkGroupsMatch(
  sheet: LedgerSheet, k: GroupsMatchCheck, rows: readonly LedgerRow[], data: PeriodData, ctx: LedgerContext,
): Finding[] {
  const other = ctx.pack.sheets[k.other.sheet];
  if (!other || other.kind !== 'ledger') return [];
  const partners = new Set(
    ledgerRows(other, data).filter((r) => (k.other.where ?? []).every((c) => matches(r, c))).map((r) => keyOf(r, k.other.by)),
  );
  const seen = new Set<string>();
  const out: Finding[] = [];
  const at = ctx.placement;
  const colKey = k.by[0]!;
  const label = sheet.columns.find((c) => c.key === colKey)?.label ?? colKey;
  rows.forEach((row, index) => {
    if (!groupable(sheet, row, k.by, ctx.range) || !(k.where ?? []).every((c) => matches(row, c))) return;
    const key = keyOf(row, k.by);
    if (seen.has(key)) return;
    seen.add(key);
    if (partners.has(key)) return;
    const cell = ledgerCellAddress(sheet, index, colKey, at?.firstDataRow);
    const group = k.by.map((f) => formatValue(row[f])).join(' ');
    out.push({
      key: `${k.id}|${sheet.id}|${row.id}|${colKey}`,
      ruleId: k.id, severity: k.severity, sheetId: at?.sheetId ?? sheet.id, sheetTitle: at?.sheetTitle ?? sheet.title,
      ...(at ? { partId: sheet.id } : {}),
      row: { kind: 'ledger', index, id: row.id }, colKey, cell,
      message: `${at ? `${at.sheetTitle} ${sheet.title}` : sheet.title} 第${index + 1}行「${label}」(${cell})：${k.message}（${group}）`,
    });
  });
  return out;
}
