// Carries out a jump-to-cell request (ui.focus) once the sheet it targets has rendered its
// rows: scrolls the cell into view, focuses it and flashes it so the eye finds it.
import { useEffect } from 'react';
import { useStore } from '../state/store';
import type { CellFocus } from '../state/ui-slice';
import { byTestId, focusControl } from '../lib/grid-keys';

const FLASH_MS = 1600;

export function flashElement(el: HTMLElement): void {
  el.classList.remove('cell-flash');
  // restart the animation when the same cell is targeted twice in a row
  void el.offsetWidth;
  el.classList.add('cell-flash');
  setTimeout(() => el.classList.remove('cell-flash'), FLASH_MS);
}

/**
 * @param sheetId the sheet this view shows
 * @param ready   true once the view's rows are on screen
 * @param testIdOf maps a focus request to the data-testid of the element to focus
 */
export function useCellFocus(sheetId: string, ready: boolean, testIdOf: (f: CellFocus) => string | undefined): void {
  const focus = useStore((s) => s.focus);
  const clearFocus = useStore((s) => s.clearFocus);
  useEffect(() => {
    // a list inside a worksheet of several lists answers to its own id (partId)
    if (!focus || (focus.partId ?? focus.sheetId) !== sheetId || !ready) return;
    const id = testIdOf(focus);
    const el = id ? byTestId(id) : null;
    if (el) {
      el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      if (!focusControl(el)) el.focus({ preventScroll: true });
      flashElement(el.closest('td') ?? el);
    }
    clearFocus();
  }, [focus, sheetId, ready, testIdOf, clearFocus]);
}
