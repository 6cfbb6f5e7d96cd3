// Cells of a statistics sheet: entered (a number input), computed (read-only, grey, marked
// 计) and blocked ("-"). Only non-negative integers can be entered: these are head counts.
import { memo, useEffect, useRef, useState } from 'react';
import type { StatCell } from '../../../shared/compute/stat-table';
import { parseCount } from './stat-count';
import { useCellCommit } from './use-cell-commit';
import type { CellProblem } from './ledger-cell';

export { parseCount };

const INVALID = '只能填写 0 或正整数，这个值没有保存';

export interface StatCellProps {
  sheetId: string;
  code: string;
  cell: StatCell;
  /** 指标名称 × 列名, for screen readers and tooltips */
  label: string;
  /** title of the list computed cells come from, e.g. 班级名册 */
  sourceTitle?: string;
  problem?: CellProblem;
  /** the period is 已审核: the entered value can be copied, not changed */
  locked?: boolean;
  onCommit: (code: string, colKey: string, value: number | null) => void;
  /** last period's approved figure, shown under the cell (显示上期数); undefined shows nothing */
  previous?: number | null;
}

function PreviousLine({ value }: { value: number | null | undefined }) {
  if (value === undefined) return null;
  return <div className="stat-prev">上期 {value ?? '空'}</div>;
}

function StatCellImpl({ sheetId, code, cell, label, sourceTitle, problem, locked, onCommit, previous }: StatCellProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const focused = useRef(false);
  const testId = `stat-${sheetId}-${code}-${cell.key}`;
  const problemClass = problem ? (problem.severity === 'error' ? 'cell-error' : 'cell-warning') : '';

  const { change, flush } = useCellCommit((text) => {
    const n = parseCount(text);
    if (n !== undefined) onCommit(code, cell.key, n);
  });

  // a focused cell not being edited shows the stored value too (after an undo or a paste)
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focused.current || !input.current?.dataset.editing) setDraft(undefined);
  }, [cell.value]);

  if (cell.kind === 'blocked') {
    return (
      <td className="blocked" data-testid={testId} data-kind="blocked" title="此格不填" tabIndex={-1}>
        -
      </td>
    );
  }
  if (cell.kind === 'computed') {
    const how = `由${sourceTitle ?? '名册'}自动计算`;
    return (
      <td
        className={`computed ${problemClass}`}
        data-testid={testId}
        data-kind="computed"
        title={problem ? `${problem.message}\n（${how}，请修改${sourceTitle ?? '名册'}）` : how}
        tabIndex={-1}
      >
        <span className="calc-mark" aria-hidden>
          计
        </span>
        {cell.value ?? ''}
        <PreviousLine value={previous} />
      </td>
    );
  }
  const shown = draft ?? (cell.value === null ? '' : String(cell.value));
  const invalid = draft !== undefined && parseCount(draft) === undefined;
  return (
    <td className={problemClass} title={invalid ? INVALID : problem?.message}>
      <input
        ref={input}
        data-testid={testId}
        data-kind="entered"
        data-code={code}
        data-col={cell.key}
        aria-label={label}
        aria-invalid={invalid || undefined}
        className={invalid ? 'num invalid' : 'num'}
        inputMode="numeric"
        autoComplete="off"
        readOnly={locked}
        value={shown}
        onFocus={() => (focused.current = true)}
        onChange={(e) => {
          e.target.dataset.editing = '1';
          setDraft(e.target.value);
          if (parseCount(e.target.value) !== undefined) change(e.target.value);
        }}
        onBlur={(e) => {
          flush();
          focused.current = false;
          delete e.currentTarget.dataset.editing;
          // a refused value stays on screen, marked red, until corrected
          if (draft !== undefined && parseCount(draft) === cell.value) setDraft(undefined);
        }}
      />
      <PreviousLine value={previous} />
    </td>
  );
}

export const StatCellView = memo(StatCellImpl);
