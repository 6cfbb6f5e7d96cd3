// Spreadsheet keys and selection of a ledger grid (see docs/grid.md for the model):
//   - a cell reached by keyboard is SELECTED: its text is all selected, so typing replaces it
//     (through the native input, so Chinese IMEs work), ←/→/Home/End move between cells;
//   - typing, a click, a double-click or F2 EDITS it (data-editing on the input): ←/→/Home/End
//     move the caret; Esc puts back what the cell held and returns to selected;
//   - ↑/↓, Enter/Shift+Enter, Tab/Shift+Tab, PageUp/PageDown, Ctrl+Home/End always move;
//     Enter or ↓ on a last row that holds something adds a row below;
//   - Shift+arrows, Shift+click or a mouse drag select a range: Ctrl+C copies it as Excel does,
//     Delete clears it, Ctrl+D fills its top row down; Ctrl+Z/Ctrl+Y undo and redo;
//     Ctrl+Shift+= inserts a row above, Ctrl+- deletes the selected rows.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { App } from 'antd';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { RowRecord } from '../../db/records';
import { byTestId, focusControl } from './grid-keys';
import { clamp, clearChanges, fillDownChanges, isMultiCell, rangeTexts, rectOf, toTsv, type CellPos, type Selection } from './grid-range';
import type { useLedgerEdits } from './use-ledger-edits';
import { ROW_PX } from './use-row-virtualizer';

const LOCKED = '本期已审核通过，数据已锁定，不能修改。如需修改，请先在“审核”中取消审核。';
/** the longest a row added by Enter/↓, or a row scrolled to, may take to show before held keys are let go */
const APPEND_WAIT_MS = 3000;

export interface LedgerGridInput {
  sheetId: string;
  columns: LedgerColumn[];
  fixedKeys?: ReadonlySet<string>;
  rows: RowRecord[];
  locked?: boolean;
  virtualizer: Virtualizer<HTMLElement, Element>;
  edits: ReturnType<typeof useLedgerEdits>;
  /** a row was inserted: the view puts the cursor in it */
  onInserted: (rowId: string) => void;
  tableRef: React.RefObject<HTMLTableElement | null>;
}

function posOf(el: HTMLElement, keys: string[]): CellPos | undefined {
  const cell = el.closest<HTMLElement>('[data-col]');
  if (!cell || cell.dataset.row === undefined) return undefined;
  const col = keys.indexOf(cell.dataset.col!);
  return col < 0 ? undefined : { row: Number(cell.dataset.row), col };
}

export function useLedgerGrid({ sheetId, columns, fixedKeys, rows, locked, virtualizer, edits, onInserted, tableRef }: LedgerGridInput) {
  const { message } = App.useApp();
  const [sel, setSel] = useState<Selection>();
  const keys = columns.map((c) => c.key);
  const editable = keys.flatMap((k, i) => (fixedKeys?.has(k) ? [] : [i]));
  const extending = useRef(false);
  /** a row being added by Enter/↓ on the last row; printable keys typed meanwhile */
  const appending = useRef<{ keys: string; timer: ReturnType<typeof setTimeout> }>(undefined);
  const endAppend = (): string => {
    const a = appending.current;
    if (!a) return '';
    clearTimeout(a.timer);
    appending.current = undefined;
    return a.keys;
  };
  // while a row is being added no key reaches a cell (nor adds another row): printable ones are
  // kept for the new row
  useEffect(() => {
    const hold = (ev: globalThis.KeyboardEvent) => {
      const a = appending.current;
      if (!a) return;
      ev.preventDefault();
      ev.stopPropagation();
      if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) a.keys += ev.key;
    };
    window.addEventListener('keydown', hold, true);
    return () => window.removeEventListener('keydown', hold, true);
  }, []);
  const dragFrom = useRef<CellPos>(undefined);
  const lastCell = useRef('');
  /** a cell moved to whose row is not rendered yet: keys pressed until it shows move on from it */
  const pending = useRef<CellPos>(undefined);

  /** Focuses a cell, scrolling a row that is not rendered yet into view first. */
  const focusCell = useCallback(
    (row: number, col: number, extend?: CellPos) => {
      const id = `cell-${sheetId}-${row}-${keys[col]}`;
      extending.current = !!extend;
      setSel(extend ? { anchor: extend, end: { row, col } } : { anchor: { row, col }, end: { row, col } });
      const el = byTestId(id);
      if (el && el === document.activeElement) extending.current = false;
      if (focusControl(el)) {
        pending.current = undefined;
        return;
      }
      // held or quickly repeated ↓/PageDown outrun the rendering of the rows scrolled to: the
      // next key must go on from here, not from the cell that still has the focus
      const to = { row, col };
      pending.current = to;
      // the cell left behind may scroll out of the DOM before the next key: the grid holds the
      // focus meanwhile, so that key still reaches it
      if (tableRef.current?.contains(document.activeElement) && document.activeElement !== tableRef.current) tableRef.current.focus({ preventScroll: true });
      virtualizer.scrollToIndex(row, { align: 'center' });
      // patient: on a busy machine the rows scrolled to may take a while to render
      let tries = APPEND_WAIT_MS / 20;
      const retry = () => {
        if (pending.current !== to) return; // moved on meanwhile
        if (focusControl(byTestId(id)) || --tries <= 0) {
          pending.current = undefined;
          return;
        }
        setTimeout(retry, 20);
      };
      setTimeout(retry, 0);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sheetId, keys.join('|'), virtualizer],
  );

  const stepCol = (c: number, d: number) => (d > 0 ? editable.find((i) => i > c) : [...editable].reverse().find((i) => i < c));

  /** Writes of the focused cell go first (a held keystroke), so an undo or fill sees them. */
  const flushActive = () => {
    const el = document.activeElement;
    if (el instanceof HTMLElement && tableRef.current?.contains(el)) {
      el.blur();
      extending.current = true; // the refocus keeps the range
      focusControl(el);
    }
  };
  const refuseLocked = () => {
    if (locked) message.warning(LOCKED);
    return !!locked;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.nativeEvent.isComposing) return;
    const t = e.target as HTMLElement;
    const pos = pending.current ?? posOf(t, keys);
    if (!pos || !rows.length) return;
    // while a move waits for its row, the cell that has the focus is not the one keys act on
    const waiting = !!pending.current;
    const editing = !waiting && !!t.dataset.editing;
    const isSelect = waiting ? columns[pos.col]?.type === 'enum' : t instanceof HTMLSelectElement;
    // the range the cursor is in: at its moving end after Shift+arrows, at its anchor (the cell
    // first clicked, which keeps the focus) after a Shift+click
    const around = sel && rectOf(sel);
    const inSel = around && pos.row >= around.top && pos.row <= around.bottom && pos.col >= around.left && pos.col <= around.right;
    const range = inSel ? around : rectOf({ anchor: pos, end: pos });
    const last = rows.length - 1;
    const go = (row: number, col: number, extend = false) => {
      e.preventDefault();
      focusCell(clamp(row, 0, last), col, extend ? (sel?.anchor ?? pos) : undefined);
    };
    if (e.ctrlKey || e.metaKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) void (e.preventDefault(), flushActive(), edits.history.undo());
      else if (k === 'y' || (k === 'z' && e.shiftKey)) void (e.preventDefault(), flushActive(), edits.history.redo());
      else if (k === 'd') {
        e.preventDefault();
        if (refuseLocked()) return;
        flushActive();
        const r = range.top === range.bottom ? { ...range, top: range.top - 1 } : range;
        if (r.top >= 0) void edits.changeCells('向下填充', fillDownChanges(rows, keys, r, fixedKeys));
      } else if ((e.shiftKey && (k === '+' || k === '=')) || e.code === 'NumpadAdd') {
        e.preventDefault();
        if (fixedKeys || refuseLocked()) return;
        void edits.addOrInsert(rows[range.top]!.id).then((id) => id && onInserted(id));
      } else if (k === '-' || e.code === 'NumpadSubtract') {
        e.preventDefault();
        if (fixedKeys || refuseLocked()) return;
        const ids = rows.slice(range.top, range.bottom + 1).map((r) => r.id);
        void edits.deleteRows(ids).then((ok) => {
          if (!ok) return; // the failure is shown by the save status, nothing was deleted
          message.success(`已删除 ${ids.length} 行（Ctrl+Z 可撤销）`, 2);
          if (rows.length > ids.length) focusCell(Math.min(range.top, rows.length - ids.length - 1), pos.col);
        });
      } else if (e.key === 'Home') go(0, editable[0]!);
      else if (e.key === 'End') go(last, editable[editable.length - 1]!);
      return;
    }
    if (e.altKey) return;
    // Enter or ↓ on the last row, once it holds something, opens a new row below: a day of
    // ledgers is typed without the mouse (an empty last row stays the last — no runaway blanks;
    // a held key's repeats add nothing)
    const appendBelow = () => {
      if (pos.row !== last || fixedKeys || locked || e.repeat) return false;
      // what is being typed counts before it is stored; a new row's defaults (学段 of a 小学) do not
      const typing = editing && t instanceof HTMLInputElement && t.value.trim() !== '';
      if (!typing && edits.isBlank(rows[last]!.values)) return false;
      e.preventDefault();
      // the finished cell is written (its blur flushes a held keystroke) and gives up the focus:
      // what is typed before the new row shows must not land in it (kept for the new row instead)
      t.blur();
      tableRef.current?.focus({ preventScroll: true });
      appending.current = { keys: '', timer: setTimeout(() => (appending.current = undefined), APPEND_WAIT_MS) };
      void edits.addOrInsert().then((id) => {
        if (id) return onInserted(id);
        endAppend();
        focusControl(t);
      });
      return true;
    };
    const page = Math.max(1, Math.floor((virtualizer.scrollRect?.height ?? 600) / ROW_PX) - 2);
    const ext = e.shiftKey;
    const from = ext && sel ? sel.end : pos;
    switch (e.key) {
      case 'Enter':
        if (!e.shiftKey && appendBelow()) return;
        return go(pos.row + (e.shiftKey ? -1 : 1), pos.col);
      case 'Tab': {
        const next = stepCol(pos.col, e.shiftKey ? -1 : 1);
        if (next !== undefined) return go(pos.row, next);
        const row = pos.row + (e.shiftKey ? -1 : 1);
        if (row < 0 || row > last) return; // off the grid: the browser's own Tab order
        return go(row, e.shiftKey ? editable[editable.length - 1]! : editable[0]!);
      }
      case 'ArrowDown':
      case 'ArrowUp':
        if (isSelect && !ext) return void (waiting && e.preventDefault()); // ↑/↓ choose the value of a dropdown
        if (e.key === 'ArrowDown' && !ext && appendBelow()) return;
        return go(from.row + (e.key === 'ArrowDown' ? 1 : -1), from.col, ext);
      case 'ArrowLeft':
      case 'ArrowRight':
        if (editing) return;
        return go(from.row, stepCol(from.col, e.key === 'ArrowRight' ? 1 : -1) ?? from.col, ext);
      case 'Home':
      case 'End':
        if (editing) return;
        return go(from.row, e.key === 'Home' ? editable[0]! : editable[editable.length - 1]!, ext);
      case 'PageDown':
      case 'PageUp':
        return go(from.row + (e.key === 'PageDown' ? page : -page), from.col, ext);
      case 'Delete':
      case 'Backspace':
        if (editing || (!isMultiCell(sel) && (e.key === 'Backspace' || !isSelect))) return; // the input's own delete
        e.preventDefault();
        if (refuseLocked()) return;
        void edits.changeCells('清除', clearChanges(rows, keys, range, fixedKeys));
        return;
      case 'Escape':
        if (isMultiCell(sel)) setSel({ anchor: pos, end: pos });
        return;
    }
  };

  const onFocus = (e: React.FocusEvent<HTMLElement>) => {
    const pos = posOf(e.target as HTMLElement, keys);
    if (!pos) return;
    // a cell has the focus (the one waited for, or one clicked meanwhile): keys go from it again
    pending.current = undefined;
    // the row added by Enter/↓ has the cursor: what was typed meanwhile goes into it, as typed —
    // after focusCell has selected the cell's (empty) text, before any next key
    const held = endAppend();
    const el = e.target;
    if (held && el instanceof HTMLInputElement && !el.readOnly)
      queueMicrotask(() => document.activeElement === el && document.execCommand?.('insertText', false, held));
    const id = `${pos.row}|${pos.col}`;
    if (id !== lastCell.current) edits.history.seal();
    lastCell.current = id;
    if (extending.current) extending.current = false;
    else if (!dragFrom.current || dragFrom.current.row !== pos.row || dragFrom.current.col !== pos.col) setSel({ anchor: pos, end: pos });
  };

  const onMouseDown = (e: MouseEvent<HTMLElement>) => {
    const pos = posOf(e.target as HTMLElement, keys);
    if (!pos || e.button !== 0) return;
    if (e.shiftKey && sel) {
      // the focus stays in the anchor cell, which now stands for the range (Ctrl+D, Delete,
      // Ctrl+C act on it), so it is no longer being edited
      e.preventDefault();
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && tableRef.current?.contains(focused)) delete focused.dataset.editing;
      setSel({ anchor: sel.anchor, end: pos });
      return;
    }
    dragFrom.current = pos;
    setSel({ anchor: pos, end: pos });
    const cell = (e.target as HTMLElement).closest<HTMLInputElement>('input[data-col]');
    if (cell && !cell.readOnly) cell.dataset.editing = '1';
  };
  const onMouseOver = (e: MouseEvent<HTMLElement>) => {
    const from = dragFrom.current;
    if (!from || !(e.buttons & 1)) return;
    const pos = posOf(e.target as HTMLElement, keys);
    if (pos && (pos.row !== from.row || pos.col !== from.col)) setSel({ anchor: from, end: pos });
  };
  useEffect(() => {
    const up = () => (dragFrom.current = undefined);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // a range copies as Excel does; one cell copies natively (its selected text)
  useEffect(() => {
    if (!isMultiCell(sel)) return;
    const onCopy = (ev: ClipboardEvent) => {
      if (!tableRef.current?.contains(document.activeElement) || !ev.clipboardData) return;
      ev.preventDefault();
      ev.clipboardData.setData('text/plain', toTsv(rangeTexts(rows, keys, rectOf(sel!))));
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  });

  return { sel, focusCell, handlers: { onKeyDown, onFocus, onMouseDown, onMouseOver } };
}
