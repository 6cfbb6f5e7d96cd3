// Paste validated whole: a pasted block is checked with the import's core (the audit's ledger
// checks, on each target row as it would be after the paste). All valid → written as is. Some
// cells bad → a dialog; the user keeps the good rows only, pastes everything (the bad cells are
// kept as typed text and marked red in the grid by the audit, exactly like a bad value typed by
// hand) or cancels, and the caller writes the result in one transaction, so nothing is half-written.
import { useCallback, useState, type ReactNode } from 'react';
import type { LedgerSheet, Pack } from '../../shared/pack/schema';
import type { CellValue } from '../../shared/model/data';
import type { SchoolProfile } from '../../shared/model/school';
import { validateRows } from '../../shared/import/convert';
import type { RowRecord } from '../db/records';
import { PasteCheckDialog, type PasteProblem } from '../components/paste-check-dialog';

type Block = Record<string, CellValue>[];

export interface PasteCheckInput {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
  sheet: LedgerSheet;
  rows: readonly RowRecord[] | undefined;
  defaults: () => Record<string, CellValue>;
}

/**
 * Errors in the cells a paste writes. A cleared cell is not an error here (clearing by hand is
 * allowed too; the 审核 reports a missing required value), nor is a column the paste left alone.
 */
export function pasteProblems(input: Omit<PasteCheckInput, 'defaults'> & { defaults: Record<string, CellValue> }, start: number, block: Block): PasteProblem[] {
  const { sheet, rows = [] } = input;
  const merged = block.map((values, i) => ({ ...(rows[start + i]?.values ?? input.defaults), ...values }));
  const wrote = (i: number, key: string) => {
    const v = block[i]?.[key];
    return v !== undefined && v !== null && v !== '';
  };
  return validateRows(sheet, merged, input, wrote)
    .filter((p) => p.severity === 'error')
    .map(({ index, colKey, message }) => ({ index, colKey, message }));
}

/** The block to write: bad rows over existing rows stay as they were, bad new rows are dropped. */
export function goodRowsOnly(block: Block, problems: readonly PasteProblem[], start: number, existing: number): Block {
  const bad = new Set(problems.map((p) => p.index));
  const out: Block = [];
  block.forEach((values, i) => {
    if (!bad.has(i)) out.push(values);
    else if (start + i < existing) out.push({});
  });
  return out;
}

interface Pending {
  start: number;
  block: Block;
  problems: PasteProblem[];
  resolve: (block: Block | undefined) => void;
}

export function usePasteCheck(input: PasteCheckInput): { check: (start: number, block: Block) => Promise<Block | undefined>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending>();
  const { pack, school, submission, period, sheet, rows, defaults } = input;
  const check = useCallback(
    (start: number, block: Block) => {
      const problems = pasteProblems({ pack, school, submission, period, sheet, rows, defaults: defaults() }, start, block);
      if (!problems.length) return Promise.resolve(block);
      return new Promise<Block | undefined>((resolve) => setPending({ start, block, problems, resolve }));
    },
    [pack, school, submission, period, sheet, rows, defaults],
  );
  const finish = (choice: 'good' | 'all' | 'cancel') => {
    if (!pending) return;
    setPending(undefined);
    if (choice === 'all') pending.resolve(pending.block);
    else pending.resolve(choice === 'good' ? goodRowsOnly(pending.block, pending.problems, pending.start, rows?.length ?? 0) : undefined);
  };
  const dialog = pending ? (
    <PasteCheckDialog
      columns={sheet.columns}
      firstRow={pending.start + 1}
      block={pending.block}
      problems={pending.problems}
      onAccept={() => finish('good')}
      onAcceptAll={() => finish('all')}
      onCancel={() => finish('cancel')}
    />
  ) : null;
  return { check, dialog };
}
