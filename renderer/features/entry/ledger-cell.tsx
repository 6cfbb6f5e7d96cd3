// One editable cell of a ledger grid: a native <input>, or a native <select> for an enum
// column. Native controls keep typing fast with hundreds of rows and are easy to drive in e2e.
// Changes are written as they are typed (no "save" button; see use-cell-commit for the pacing):
// what the user typed stays on screen as a draft until the database has the parsed value,
// so nothing flickers or gets lost. Keys between cells are the grid's (use-ledger-grid); the
// cell handles only what concerns its own text: F2 edits, Esc puts back the value it had.
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import { formatValue, parseInput } from '../../../shared/model/values';
import { removedChars } from '../../../shared/model/clean-text';
import { useCellCommit } from './use-cell-commit';
import { whenIdle } from './idle-queue';

export interface CellProblem {
  severity: 'error' | 'warning';
  message: string;
}

export interface LedgerCellProps {
  sheetId: string;
  rowIndex: number;
  rowId: string;
  column: LedgerColumn;
  value: CellValue | undefined;
  /** allowed values of an enum column for this row */
  options?: string[];
  problem?: CellProblem;
  /** a value the pack fixes (食品安全自查表's 检查项目): shown, not editable, skipped by Tab and paste */
  readOnly?: boolean;
  /** the period is 已审核: the value can be selected and copied, not changed; arrows still move */
  locked?: boolean;
  /** inside a selected range of several cells */
  inRange?: boolean;
  /** mounted while the list scrolls: a dropdown shows only its value until it is pointed at,
   * focused, or the browser is idle (read at mount only) */
  compact?: boolean;
  /** `removed`: what parseInput cleaned out of the typed text (clean-text.ts), for a short notice */
  onCommit: (rowId: string, colKey: string, value: CellValue, removed?: string) => void;
}

const NUMERIC = new Set<LedgerColumn['type']>(['integer', 'decimal']);

const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const OPTIONS = new Map<string, { __html: string }>();
/** A dropdown's full option list (blank first, then a value not in the list, then the list) as
 * one HTML string. Scrolling mounts the rows that come into view: 教职工名册 has 13 dropdowns a
 * row, 民族 alone 56 options, and hundreds of React <option> elements per row were most of the
 * cost of a scroll frame; the browser parses the string in one go. One object per distinct
 * list, so React does not set the same HTML again when the cell re-renders. */
function optionsHtml(list: string[], stray?: string): { __html: string } {
  const key = `${stray ?? ''}\u0000${list.join('\u0000')}`;
  let html = OPTIONS.get(key);
  if (!html) {
    const strayOption = stray === undefined ? '' : `<option value="${esc(stray)}">${esc(stray)}（不在可选值中）</option>`;
    html = { __html: `<option value=""></option>${strayOption}${list.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('')}` };
    // stray values are whatever was typed or imported: keep the cache bounded
    if (OPTIONS.size > 1000) OPTIONS.clear();
    OPTIONS.set(key, html);
  }
  return html;
}

function LedgerCellImpl({ sheetId, rowIndex, rowId, column, value, options, problem, readOnly, locked, inRange, compact, onCommit }: LedgerCellProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  // a dropdown mounted during a scroll holds only its value; its whole list follows when the
  // browser is idle, or at once when the cell is pointed at, pressed or focused
  const [complete, setComplete] = useState(!(compact && column.type === 'enum'));
  useEffect(() => (complete ? undefined : whenIdle(() => flushSync(() => setComplete(true)))), [complete]);
  const focused = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  // what the cell held before the first keystroke of this edit: Esc puts it back
  const start = useRef<CellValue | undefined>(undefined);
  const testId = `cell-${sheetId}-${rowIndex}-${column.key}`;
  const className = [problem ? (problem.severity === 'error' ? 'cell-error' : 'cell-warning') : '', inRange ? 'in-range' : ''].join(' ').trim() || undefined;
  const shown = draft ?? formatValue(value);
  const { change, flush, cancel } = useCellCommit((text) => onCommit(rowId, column.key, parseInput(column, text), removedChars(text)));

  // after Esc the old text is shown until the database holds it again: the first keystroke may
  // be stored already and must not flash back up while the old value is being written back
  const reverting = useRef<{ to: CellValue } | undefined>(undefined);

  // once the write has come back from the database, the stored value is shown again — also in
  // the focused cell when it is not being edited (an undo, a fill down, a paste over it)
  useEffect(() => {
    if (column.type === 'enum') {
      // a dropdown shows the option last chosen until the database holds it: with ↓ pressed
      // quickly the writes of earlier presses come back meanwhile, and showing one of them
      // would make the next ↓ start from an older option (a dropped key)
      if (!focused.current || draft === formatValue(value)) setDraft(undefined);
      return;
    }
    if (reverting.current) {
      if ((value ?? null) !== reverting.current.to) return;
      reverting.current = undefined;
    }
    if (!focused.current || !input.current?.dataset.editing) setDraft(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    if (e.key === 'F2' && !locked) {
      e.preventDefault();
      el.dataset.editing = '1';
      el.setSelectionRange(el.value.length, el.value.length);
    } else if (e.key === 'Escape' && el.dataset.editing) {
      e.preventDefault();
      cancel();
      delete el.dataset.editing;
      // something was typed (the first keystroke may already be on its way to the database):
      // write the old value back, and show it meanwhile
      if (start.current !== undefined) {
        reverting.current = { to: start.current };
        setDraft(formatValue(start.current));
        onCommit(rowId, column.key, start.current);
      } else setDraft(undefined);
      start.current = undefined;
      setTimeout(() => el.select(), 0);
    }
  };

  if (readOnly) {
    // no data-col: keyboard moves, paste targets and jump-to-cell only ever land on editable cells
    return (
      <td className="cell-fixed" title={formatValue(value)}>
        <input data-testid={testId} aria-label={`第${rowIndex + 1}行 ${column.label}`} value={formatValue(value)} readOnly tabIndex={-1} />
      </td>
    );
  }

  if (column.type === 'enum') {
    const list = options ?? [];
    const stray = shown !== '' && !list.includes(shown);
    return (
      <td className={className} title={problem?.message}>
        <select
          data-testid={testId}
          data-col={column.key}
          data-row={rowIndex}
          aria-label={`第${rowIndex + 1}行 ${column.label}`}
          value={shown}
          disabled={locked}
          onFocus={() => {
            focused.current = true;
            setComplete(true);
          }}
          onPointerEnter={() => setComplete(true)}
          // before the native list opens (on mousedown): one click opens the whole list
          onPointerDown={() => complete || flushSync(() => setComplete(true))}
          onBlur={() => {
            focused.current = false;
            setDraft(undefined);
          }}
          onChange={(e) => {
            setDraft(e.target.value);
            onCommit(rowId, column.key, e.target.value === '' ? null : e.target.value);
          }}
          dangerouslySetInnerHTML={optionsHtml(complete ? list : list.filter((v) => v === shown), stray ? shown : undefined)}
        />
      </td>
    );
  }

  return (
    <td className={className} title={problem?.message}>
      <input
        ref={input}
        data-testid={testId}
        data-col={column.key}
        data-row={rowIndex}
        aria-label={`第${rowIndex + 1}行 ${column.label}`}
        className={NUMERIC.has(column.type) ? 'num' : undefined}
        inputMode={NUMERIC.has(column.type) ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={false}
        readOnly={locked}
        value={shown}
        onFocus={() => (focused.current = true)}
        onChange={(e) => {
          e.target.dataset.editing = '1';
          reverting.current = undefined;
          start.current ??= value ?? null;
          setDraft(e.target.value);
          // pinyin still being composed is not text yet
          if (!(e.nativeEvent as InputEvent).isComposing) change(e.target.value);
        }}
        onCompositionEnd={(e) => change(e.currentTarget.value)}
        onBlur={(e) => {
          flush();
          focused.current = false;
          delete e.currentTarget.dataset.editing;
          start.current = undefined;
          // already stored as typed (or equivalent): show the stored form, e.g. 2025/9/1 → 2025-09-01
          if (draft !== undefined && parseInput(column, draft) === (value ?? null)) setDraft(undefined);
        }}
        onKeyDown={onKeyDown}
      />
    </td>
  );
}

export const LedgerCell = memo(LedgerCellImpl);
