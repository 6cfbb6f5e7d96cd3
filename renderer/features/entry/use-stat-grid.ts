// Keys, paste and undo of a statistics sheet's entered (white) cells, as in the ledger grids:
// arrows, Enter/Shift+Enter and Tab/Shift+Tab move to the next entered cell in that direction
// (skipping computed 计 and blocked - cells); ←/→ move the caret only while a cell is being
// edited. A block pasted from Excel is checked whole first — every value a non-negative integer,
// nothing landing on a computed or blocked cell or off the table — and written in one
// transaction as one undo step; Ctrl+Z / Ctrl+Y undo and redo.
import { useCallback, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { App } from 'antd';
import type { StatTable } from '../../../shared/compute/stat-table';
import type { StatSheet } from '../../../shared/pack/schema';
import { applyStatOp } from './grid-ops-repo';
import { writeKeystroke } from '../../db/data-worker-client';
import { afterKeystrokes } from '../../db/write-order';
import type { SheetRef } from '../../db/records';
import type { CellChange, GridOp } from './grid-history';
import { byTestId, focusControl } from './grid-keys';
import { editSession } from './edit-session';
import { isBlockPaste, parseClipboard } from './paste';
import { parseCount } from './stat-count';
import { trackSave } from '../../state/store';
import { historyKey, useGridHistory, type ApplyStep } from './use-grid-history';

type Pos = { row: number; col: number };
const MOVES: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };

/** Checks a pasted block against the table; returns the changes, or the Chinese reason it is refused. */
export function statPasteChanges(table: StatTable, sheet: StatSheet, at: Pos, cells: string[][]): CellChange[] | string {
  const out: CellChange[] = [];
  const colLabel = (key: string) => sheet.columns.find((c) => c.key === key)?.label ?? key;
  for (let i = 0; i < cells.length; i++)
    for (let j = 0; j < cells[i]!.length; j++) {
      const text = cells[i]![j]!;
      const row = table.rows[at.row + i];
      const cell = row?.cells[at.col + j];
      const where = `粘贴内容第 ${i + 1} 行第 ${j + 1} 列`;
      if (!row || !cell) {
        if (text.trim() === '') continue;
        return `${where}“${text}”超出了表格的范围，没有粘贴任何数据。`;
      }
      const target = `${row.label.trim()}（${row.code}）× ${colLabel(cell.key)}`;
      if (cell.kind !== 'entered') {
        if (text.trim() === '') continue;
        return `${where}“${text}”落在${cell.kind === 'computed' ? '自动计算的' : '不填的'}格子 ${target} 上，没有粘贴任何数据。`;
      }
      const value = parseCount(text);
      if (value === undefined) return `${where}“${text}”（${target}）不是 0 或正整数，没有粘贴任何数据。`;
      if (value !== cell.value) out.push({ target: row.code, col: cell.key, before: cell.value, after: value });
    }
  return out;
}

export function useStatGrid(ref: SheetRef, sheet: StatSheet, table: StatTable | undefined, locked: boolean | undefined) {
  const { message } = App.useApp();
  const tableRef = useRef(table);
  tableRef.current = table;
  const apply = useCallback<ApplyStep>(
    (op, reason, word) => {
      const cellName = (code: string, col: string) => {
        const row = tableRef.current?.rows.find((r) => r.code === code);
        return `「${row ? `${row.label.trim()}（${code}）` : code} × ${sheet.columns.find((c) => c.key === col)?.label ?? col}」`;
      };
      return afterKeystrokes(() => applyStatOp(ref, op, reason, { word, cellName }));
    },
    [ref, sheet.columns],
  );
  const history = useGridHistory(historyKey(ref.submission, ref.period, ref.sheetId), locked, apply);
  const last = useRef('');
  // one edit of one cell = one undo step = one 修改记录 entry (edit-session.ts)
  const session = useRef(editSession()).current;

  const onCommit = useCallback(
    (code: string, colKey: string, value: number | null) => {
      const before = tableRef.current?.rows.find((r) => r.code === code)?.cells.find((c) => c.key === colKey)?.value ?? null;
      const op: GridOp = { label: '输入', cells: [{ target: code, col: colKey, before, after: value }], added: [], removed: [], coalesce: `${code}|${colKey}` };
      // recorded once written: a refused write is no step
      const edit = session.idFor(`${code}|${colKey}`);
      history.record(op, trackSave(writeKeystroke({ kind: 'statCells', ref, op: { ...op, label: '' }, edit }).then(() => true)));
    },
    [ref, history, session],
  );

  const posOf = (el: HTMLElement): Pos | undefined => {
    const t = tableRef.current;
    const row = t?.rows.findIndex((r) => r.code === el.dataset.code) ?? -1;
    const col = row < 0 ? -1 : t!.rows[row]!.cells.findIndex((c) => c.key === el.dataset.col);
    return col < 0 ? undefined : { row, col };
  };
  const focusAt = (p: Pos) => {
    const row = tableRef.current?.rows[p.row];
    const cell = row?.cells[p.col];
    return !!row && !!cell && cell.kind === 'entered' && focusControl(byTestId(`stat-${sheet.id}-${row.code}-${cell.key}`));
  };
  /** The next entered cell from `p` in direction (dr, dc); Tab wraps to the next row. */
  const step = (p: Pos, dr: number, dc: number, wrap: boolean): boolean => {
    const t = tableRef.current;
    if (!t) return false;
    const width = t.rows[0]?.cells.length ?? 0;
    let { row, col } = p;
    for (let n = 0; n < t.rows.length * width; n++) {
      row += dr;
      col += dc;
      if (wrap && col >= width) (row++, (col = 0));
      if (wrap && col < 0) (row--, (col = width - 1));
      if (row < 0 || row >= t.rows.length || col < 0 || col >= width) return false;
      if (focusAt({ row, col })) return true;
    }
    return false;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const el = e.target as HTMLInputElement;
    const p = el.dataset?.kind === 'entered' ? posOf(el) : undefined;
    if (!p || e.nativeEvent.isComposing || e.altKey) return;
    if (e.ctrlKey || e.metaKey) {
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      e.preventDefault();
      el.blur(); // a held keystroke is written first
      focusControl(el);
      session.end();
      void (k === 'y' || e.shiftKey ? history.redo() : history.undo());
      return;
    }
    let move: [number, number] | undefined = MOVES[e.key];
    if (move && move[1] !== 0 && el.dataset.editing) return;
    if (e.key === 'Enter') move = [e.shiftKey ? -1 : 1, 0];
    if (e.key === 'Tab') move = [0, e.shiftKey ? -1 : 1];
    if (!move) return;
    if (step(p, move[0], move[1], e.key === 'Tab') || e.key !== 'Tab') e.preventDefault();
  };

  const onFocus = (e: React.FocusEvent<HTMLElement>) => {
    const el = e.target as HTMLElement;
    const id = `${el.dataset.code}|${el.dataset.col}`;
    if (id !== last.current) {
      session.end();
      history.seal();
    }
    last.current = id;
  };
  const onMouseDown = (e: React.MouseEvent<HTMLElement>) => {
    const el = e.target as HTMLInputElement;
    if (el.dataset?.kind === 'entered' && !el.readOnly) el.dataset.editing = '1';
  };

  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    const el = e.target as HTMLElement;
    const text = e.clipboardData.getData('text/plain');
    const p = el.dataset?.kind === 'entered' ? posOf(el) : undefined;
    if (!p || !isBlockPaste(text) || !tableRef.current) return;
    e.preventDefault();
    if (locked) {
      message.warning('本期已审核通过，数据已锁定，不能粘贴。如需修改，请先在“审核”中取消审核。');
      return;
    }
    const changes = statPasteChanges(tableRef.current, sheet, p, parseClipboard(text));
    if (typeof changes === 'string') {
      message.error(`${sheet.title}：${changes}`, 6);
      return;
    }
    const op: GridOp = { label: '粘贴', cells: changes, added: [], removed: [] };
    void trackSave(afterKeystrokes(() => applyStatOp(ref, op)).then(() => true)).then((ok) => {
      if (!ok) return;
      history.record(op);
      message.success(`已粘贴 ${changes.length} 格`);
    });
  };

  return { onCommit, handlers: { onKeyDown, onFocus, onMouseDown, onPaste } };
}
