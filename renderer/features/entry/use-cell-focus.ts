// Carries out a jump-to-cell request (ui.focus) once the sheet it targets has rendered its
// rows: scrolls the cell into view (rendering a far row of a virtualised list first), focuses
// it and flashes it so the eye finds it.
import { useEffect } from 'react';
import { useStore } from '../../state/store';
import type { CellFocus } from '../../state/ui-slice';
import { byTestId, focusControl } from './grid-keys';

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
export function useCellFocus(
  sheetId: string,
  ready: boolean,
  testIdOf: (f: CellFocus) => string | undefined,
  /** a virtualised list renders a far row only once scrolled to it: this scrolls there first */
  reveal?: (f: CellFocus) => void,
): void {
  const focus = useStore((s) => s.focus);
  const clearFocus = useStore((s) => s.clearFocus);
  useEffect(() => {
    // a list inside a worksheet of several lists answers to its own id (partId)
    if (!focus || (focus.partId ?? focus.sheetId) !== sheetId || !ready) return;
    const id = testIdOf(focus);
    const land = (el: HTMLElement) => {
      el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      if (!focusControl(el)) el.focus({ preventScroll: true });
      flashElement(el.closest('td') ?? el);
    };
    const now = id ? byTestId(id) : null;
    clearFocus();
    if (now) return land(now);
    if (!id || !reveal) return;
    reveal(focus);
    // the scrolled-to rows render on the next frames
    let tries = 15;
    const retry = () => {
      const el = byTestId(id);
      if (el) land(el);
      else if (--tries > 0) setTimeout(retry, 20);
    };
    setTimeout(retry, 0);
  }, [focus, sheetId, ready, testIdOf, reveal, clearFocus]);
}
