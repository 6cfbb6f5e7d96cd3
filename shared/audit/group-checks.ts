// A worksheet of several lists (ledgerGroup, e.g. 从业人员健康管理) is audited list by list, each as
// an ordinary ledger, with every finding placed on the worksheet the user and the bureau see:
// the worksheet's id and title, the list as `partId`, and the cell where the row lands in it.
import type { LedgerGroupSheet } from '../pack/schema';
import type { PeriodData } from '../model/data';
import { groupParts, ledgerRows } from '../pack/ledger-rows';
import { groupLayout } from '../xlsx/addresses';
import { checkLedger, type LedgerContext } from './ledger-checks';
import type { Finding } from './types';

export function checkLedgerGroup(group: LedgerGroupSheet, data: PeriodData, ctx: LedgerContext): Finding[] {
  const parts = groupParts(ctx.pack, group);
  const rows = parts.map((p) => ledgerRows(p, data));
  const blocks = groupLayout(rows.map((r) => r.length));
  return parts.flatMap((part, i) => {
    const placement = { sheetId: group.id, sheetTitle: group.title, firstDataRow: blocks[i]!.firstDataRow };
    return checkLedger(part, rows[i]!, { ...ctx, placement }).map((f) =>
      // findings about the whole list (not one cell) are made without the placement: move them too
      f.partId
        ? f
        : { ...f, sheetId: group.id, sheetTitle: group.title, partId: part.id, message: `${group.title} ${f.message}` },
    );
  });
}
