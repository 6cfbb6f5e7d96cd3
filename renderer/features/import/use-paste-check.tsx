// Paste validated whole: a pasted block is checked with the import's core (the audit's ledger
// checks, on each target row as it would be after the paste). A value the list does not offer
// goes through the school's remembered 对应 first (as an import's does), so 一级教师 pasted from the
// 人事 system lands as the answer given once. All valid → written as is. Some cells bad → a
// dialog with the 对应 step for the values still unknown; the user keeps the good rows only,
// pastes everything (the bad cells are kept as typed text and marked red in the grid by the audit,
// exactly like a bad value typed by hand) or cancels, and the caller writes the result in one
// transaction, so nothing is half-written. Answers given in the dialog are remembered on paste.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { LedgerSheet, Pack } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import type { SchoolProfile } from '../../../shared/model/school';
import { validateRows } from '../../../shared/import/convert';
import { ValueTally, type ValueChoice, type ValueMap } from '../../../shared/import/value-map';
import { useValueMap } from './use-value-map';
import type { RowRecord } from '../../db/records';
import { PasteCheckDialog, type PasteProblem } from './paste-check-dialog';

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

/**
 * The block with the 对应 applied to the values each row's column does not offer (judged on the row
 * as it will be, so 年级 follows the row's 学段), and what the 对应 step should list.
 */
export function mapPastedValues(
  input: Omit<PasteCheckInput, 'defaults'> & { defaults: Record<string, CellValue> },
  start: number,
  block: Block,
  map: ValueMap,
): { block: Block; choices: ValueChoice[] } {
  const tally = new ValueTally(input.sheet, input, map);
  const rows = input.rows ?? [];
  const out = block.map((values, i) => {
    const merged = { ...(rows[start + i]?.values ?? input.defaults), ...values };
    tally.apply(merged);
    return Object.fromEntries(Object.keys(values).map((k) => [k, merged[k]!]));
  });
  return { block: out, choices: tally.choices() };
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
  /** as pasted, before any 对应 */
  block: Block;
  resolve: (block: Block | undefined) => void;
}

export function usePasteCheck(input: PasteCheckInput): { check: (start: number, block: Block) => Promise<Block | undefined>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending>();
  const { pack, school, submission, period, sheet, rows, defaults } = input;
  const values = useValueMap(sheet.id);
  const { map, choose, remember } = values;
  const check = useCallback(
    (start: number, block: Block) => {
      const ctx = { pack, school, submission, period, sheet, rows, defaults: defaults() };
      const mapped = mapPastedValues(ctx, start, block, map).block;
      if (!pasteProblems(ctx, start, mapped).length) return Promise.resolve(mapped);
      return new Promise<Block | undefined>((resolve) => setPending({ start, block, resolve }));
    },
    [pack, school, submission, period, sheet, rows, defaults, map],
  );
  // the dialog's view follows the 对应 answers as they are given
  const view = useMemo(() => {
    if (!pending) return undefined;
    const ctx = { pack, school, submission, period, sheet, rows, defaults: defaults() };
    const { block, choices } = mapPastedValues(ctx, pending.start, pending.block, map);
    return { block, choices, problems: pasteProblems(ctx, pending.start, block) };
  }, [pending, pack, school, submission, period, sheet, rows, defaults, map]);
  const finish = (choice: 'good' | 'all' | 'cancel') => {
    if (!pending || !view) return;
    setPending(undefined);
    if (choice !== 'cancel' && view.choices.length) void remember().catch(() => undefined);
    if (choice === 'all') pending.resolve(view.block);
    else pending.resolve(choice === 'good' ? goodRowsOnly(view.block, view.problems, pending.start, rows?.length ?? 0) : undefined);
  };
  const dialog = pending && view ? (
    <PasteCheckDialog
      columns={sheet.columns}
      firstRow={pending.start + 1}
      block={view.block}
      problems={view.problems}
      choices={view.choices}
      onChoose={choose}
      onAccept={() => finish('good')}
      onAcceptAll={() => finish('all')}
      onCancel={() => finish('cancel')}
    />
  ) : null;
  return { check, dialog };
}
