// Audit findings → what each ledger cell shows (red or orange border, message on hover).
import type { Finding } from '../../../shared/audit/types';
import type { CellValue } from '../../../shared/model/data';
import type { CellProblem } from './ledger-cell';
import { mergeProblem } from './cell-problems';

function isBlank(values: Record<string, CellValue>): boolean {
  return Object.values(values).every((v) => v === null || v === undefined || v === '');
}

/**
 * Problems per row id and column. A row still completely blank (just added) is not flagged
 * for its empty required cells: the user is about to fill it, and a row of red boxes would
 * only alarm. The audit panel still lists those findings.
 */
export function ledgerProblems(
  findings: readonly Finding[],
  sheetId: string,
  rows: readonly { id: string; values: Record<string, CellValue> }[],
): Map<string, Record<string, CellProblem>> {
  const blank = new Set(rows.filter((r) => isBlank(r.values)).map((r) => r.id));
  const out = new Map<string, Record<string, CellProblem>>();
  for (const f of findings) {
    if (f.sheetId !== sheetId || f.row?.kind !== 'ledger' || !f.colKey) continue;
    if (blank.has(f.row.id) && f.ruleId.endsWith('-REQ')) continue;
    const cells = out.get(f.row.id) ?? {};
    const prev = cells[f.colKey];
    cells[f.colKey] = mergeProblem(prev, f);
    out.set(f.row.id, cells);
  }
  return out;
}
