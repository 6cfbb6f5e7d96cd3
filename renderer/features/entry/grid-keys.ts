// DOM helpers shared by the sheet grids. Keys themselves are handled by each grid's hook
// (use-ledger-grid, use-stat-grid); cells are found by their data-testid, so the grids need no
// ref bookkeeping and rows can be inserted, deleted or virtualised freely.

/** Focuses a grid input (selecting its text, so typing replaces it) or select. */
export function focusControl(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return false;
  el.focus();
  if (el instanceof HTMLInputElement) el.select();
  return true;
}

/** Finds a grid control or cell by its data-testid (used for jump-to-cell from the audit). */
export function byTestId(testId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
}
