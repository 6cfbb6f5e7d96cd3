// The rows of a ledger as the audit, the export and the app see them. A list with fixed rows
// (食品安全自查表) always has exactly the pack's rows, in the pack's order, with the pack's text in
// its fixed columns — whatever is stored, so a period that was never opened still exports every
// row, and a pack that rewords an item shows the new wording everywhere at once.
import type { CellValue, LedgerRow, PeriodData } from '../model/data';
import type { LedgerGroupSheet, LedgerSheet, Pack } from './schema';

/** Keys of the columns the pack fills (read-only in the app); empty for an ordinary list. */
export function fixedColumnKeys(sheet: LedgerSheet): Set<string> {
  return new Set(Object.keys(sheet.fixedRows?.[0] ?? {}));
}

/**
 * Stored rows → the rows the pack fixes: row i keeps its stored id and the school's values, and
 * takes the pack's values in the fixed columns; a missing row is added (id `{prefix}fixed-{n}`). Stored
 * rows beyond the pack's count cannot be made in the app (no 新增 on such a list) and are dropped.
 */
export function withFixedRows(sheet: LedgerSheet, rows: readonly LedgerRow[], idPrefix = ''): LedgerRow[] {
  if (!sheet.fixedRows) return [...rows];
  return sheet.fixedRows.map((fixed, i) => {
    const row = rows[i];
    return { ...(row ?? { id: `${idPrefix}fixed-${i + 1}` }), ...(fixed as Record<string, CellValue>) } as LedgerRow;
  });
}

/** A ledger's rows in one period, fixed rows made whole. */
export function ledgerRows(sheet: LedgerSheet, data: PeriodData): LedgerRow[] {
  // the app stores a missing fixed row under this same id when the sheet is first shown
  // (renderer/features/entry/fixed-rows-repo.ts), so a 说明 written before then keeps its row
  return withFixedRows(sheet, (data.sheets[sheet.id]?.rows ?? []) as LedgerRow[], `${data.submission}:${data.period}:${sheet.id}:`);
}

/** The ledger sheets a worksheet of several lists is made of, in block order. */
export function groupParts(pack: Pack, group: LedgerGroupSheet): LedgerSheet[] {
  return group.parts.map((p) => {
    const sheet = pack.sheets[p.id];
    // the loader refuses a pack whose part is not a ledger; this guards a pack built by hand
    if (sheet?.kind !== 'ledger') throw new Error(`表 ${group.id} 的分块 ${p.id} 不是名册表`);
    return sheet;
  });
}

/** The group a ledger sheet is a part of, if any (for jumping from a finding to its worksheet). */
export function groupOf(pack: Pack, sheetId: string): LedgerGroupSheet | undefined {
  for (const s of Object.values(pack.sheets)) if (s.kind === 'ledgerGroup' && s.parts.some((p) => p.id === sheetId)) return s;
  return undefined;
}
