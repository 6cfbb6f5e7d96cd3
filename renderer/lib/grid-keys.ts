// Keyboard movement inside the sheet grids, spreadsheet style: Enter and ↓ go to the same
// column one row down, ↑ one row up; Tab stays native (next cell to the right).
// Cells are found through the DOM (data-col on each input/select), so the grids need no
// ref bookkeeping and rows can be inserted or deleted freely.
import type { KeyboardEvent } from 'react';

type Control = HTMLInputElement | HTMLSelectElement;

function columnControls(from: Control): Control[] {
  const table = from.closest('table');
  const col = from.dataset.col;
  if (!table || !col) return [];
  return [...table.querySelectorAll<Control>('input[data-col], select[data-col]')].filter((el) => el.dataset.col === col);
}

export function focusControl(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return false;
  el.focus();
  if (el instanceof HTMLInputElement) el.select();
  return true;
}

/** Moves focus `delta` rows within the column; returns false at the edge of the table. */
export function moveVertical(from: Control, delta: number): boolean {
  const controls = columnControls(from);
  const at = controls.indexOf(from);
  return at >= 0 && focusControl(controls[at + delta]);
}

/**
 * onKeyDown for a grid cell. Selects keep ↑/↓ for choosing a value (as every native select
 * does); inputs use them to change rows. IME composition (typing Chinese) is left alone:
 * its Enter confirms the characters, it must not jump to the next row.
 */
export function gridKeyDown(e: KeyboardEvent<Control>): void {
  if (e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
  const el = e.currentTarget;
  const isSelect = el instanceof HTMLSelectElement;
  let delta = 0;
  if (e.key === 'Enter') delta = e.shiftKey ? -1 : 1;
  else if (!isSelect && e.key === 'ArrowDown') delta = 1;
  else if (!isSelect && e.key === 'ArrowUp') delta = -1;
  if (!delta) return;
  e.preventDefault();
  moveVertical(el, delta);
}

/** Finds a grid control or cell by its data-testid (used for jump-to-cell from the audit). */
export function byTestId(testId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
}
