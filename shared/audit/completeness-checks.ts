// List checks of schema-completeness.ts: a list the school must report left empty (its 空数据说明
// is the warning's 说明), and a 自查表 answer against the list it speaks of (每日晨检：是 with no
// 晨检 row, 每餐留样：是 while meal days have no 留样). Called from ledger-checks.ts.
import type { LedgerSheet } from '../pack/schema';
import type { AnswerMatchesLedgerCheck, NonEmptyCheck } from '../pack/schema-completeness';
import type { LedgerRow, PeriodData } from '../model/data';
import { formatValue } from '../model/values';
import { matches } from '../compute/conditions';
import { groupOf, ledgerRows } from '../pack/ledger-rows';
import { ledgerCellAddress } from '../xlsx/addresses';
import type { LedgerContext } from './ledger-context';
import type { Finding } from './types';

export function checkNonEmpty(sheet: LedgerSheet, k: NonEmptyCheck, rows: readonly LedgerRow[]): Finding[] {
  if (rows.length) return [];
  return [{
    key: `${k.id}|${sheet.id}||`, ruleId: k.id, severity: k.severity, sheetId: sheet.id, sheetTitle: sheet.title,
    message: `${sheet.title}：${k.message}（本期 0 条${k.severity === 'warning' ? '。确无数据的，请在说明中写明原因（空数据说明）' : ''}）`,
  }];
}

/** The distinct days (YYYY-MM-DD) of a list's date column that fall in the period. */
function daysOf(rows: readonly LedgerRow[], date: string, range: LedgerContext['range']): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    const v = r[date];
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) continue;
    const day = v.slice(0, 10);
    if (day >= range.start && day <= range.end) out.add(day);
  }
  return out;
}

function titleOf(ctx: LedgerContext, sheetId: string): string {
  const s = ctx.pack.sheets[sheetId];
  const group = groupOf(ctx.pack, sheetId);
  return group ? `${group.title} ${s?.title ?? sheetId}` : (s?.title ?? sheetId);
}

export function checkAnswerMatchesLedger(
  sheet: LedgerSheet, k: AnswerMatchesLedgerCheck, rows: readonly LedgerRow[], data: PeriodData, ctx: LedgerContext,
): Finding[] {
  const index = rows.findIndex((r) => Object.entries(k.row).every(([f, v]) => String(r[f] ?? '') === String(v)));
  const row = rows[index];
  if (!row || String(row[k.field] ?? '') !== String(k.answer)) return [];
  const list = ctx.pack.sheets[k.ledger.sheet];
  if (list?.kind !== 'ledger') return []; // a pack without that list leaves the check inert
  const own = daysOf(ledgerRows(list, data).filter((r) => (k.ledger.where ?? []).every((c) => matches(r, c))), k.ledger.date, ctx.range);
  const listTitle = titleOf(ctx, list.id);
  let detail: string;
  if (!k.days) {
    if (own.size) return [];
    detail = `本期${listTitle} 0 条`;
  } else {
    // an empty list is the finding of the rule without `days`: one mistake, one finding
    if (!own.size) return [];
    const ref = new Set<string>();
    for (const d of k.days.sheets) {
      const s = ctx.pack.sheets[d.sheet];
      if (s?.kind === 'ledger') for (const day of daysOf(ledgerRows(s, data), d.date, ctx.range)) ref.add(day);
    }
    const missing = [...ref].filter((d) => !own.has(d)).sort();
    if (missing.length <= (k.days.maxMissing ?? 0)) return [];
    const shown = missing.slice(0, 5).map((d) => d.slice(5)).join('、');
    detail = `${ref.size} 个有${k.days.sheets.map((d) => titleOf(ctx, d.sheet)).join('或')}的日子中 ${missing.length} 天没有${listTitle}：${shown}${missing.length > 5 ? ' 等' : ''}`;
  }
  const at = ctx.placement;
  const cell = ledgerCellAddress(sheet, index, k.field, at?.firstDataRow);
  const col = sheet.columns.find((c) => c.key === k.field);
  const what = Object.values(k.row).map((v) => formatValue(v)).join(' ');
  return [{
    key: `${k.id}|${sheet.id}|${row.id}|${k.field}`, ruleId: k.id, severity: k.severity,
    sheetId: at?.sheetId ?? sheet.id, sheetTitle: at?.sheetTitle ?? sheet.title, ...(at ? { partId: sheet.id } : {}),
    row: { kind: 'ledger', index, id: row.id }, colKey: k.field, cell,
    message: `${at ? `${at.sheetTitle} ${sheet.title}` : sheet.title} 第${index + 1}行「${col?.label ?? k.field}」(${cell})：${k.message}（“${what}”答“${formatValue(row[k.field])}”；${detail}）`,
  }];
}
