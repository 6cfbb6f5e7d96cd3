// One audit finding: which rule, how severe, where (sheet, row, column, cell address), why.
export type Severity = 'error' | 'warning';

export type FindingRow =
  | { kind: 'ledger'; index: number; id: string } // index: 0-based position in the list
  | { kind: 'stat'; code: string };

export interface Finding {
  /** stable across runs for the same rule and place; keys a warning's written 说明 */
  key: string;
  ruleId: string;
  severity: Severity;
  sheetId: string;
  sheetTitle: string;
  /** the list of a worksheet made of several lists (ledgerGroup) the row belongs to; sheetId is the worksheet */
  partId?: string;
  row?: FindingRow;
  colKey?: string;
  /** the cell's address in the exported sheet, e.g. "E5" */
  cell?: string;
  /** full Chinese message naming sheet and cell */
  message: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '逻辑校验', warning: '经验校验' };
