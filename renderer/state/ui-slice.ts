// Where the user is: which submission, period and sheet, and which cell to jump to.
import type { StateCreator } from 'zustand';

/** A cell to scroll to and focus, set by the audit panel; the sheet view clears it once done. */
export interface CellFocus {
  sheetId: string;
  /** a worksheet of several lists: the list (its ledger sheet id) the row is in */
  partId?: string;
  /** ledger sheets: 0-based row position */
  rowIndex?: number;
  /** statistics sheets: the row's 代码 */
  code?: string;
  colKey?: string;
}

export interface UiSlice {
  submission?: string;
  period?: string;
  sheetId?: string;
  focus?: CellFocus;
  /** statistics sheets show last period's approved figure under each cell (显示上期数); off by default */
  showPrevious: boolean;
  /** a new submission opens at its first sheet (封面) */
  selectSubmission: (submission: string, period: string) => void;
  selectPeriod: (period: string) => void;
  selectSheet: (sheetId: string) => void;
  /** opens the cell's sheet and asks its view to focus the cell */
  focusCell: (focus: CellFocus) => void;
  clearFocus: () => void;
  setShowPrevious: (on: boolean) => void;
}

export const createUiSlice: StateCreator<UiSlice & object, [], [], UiSlice> = (set) => ({
  submission: undefined,
  period: undefined,
  sheetId: undefined,
  focus: undefined,
  showPrevious: false,
  selectSubmission: (submission, period) => set({ submission, period, sheetId: undefined, focus: undefined }),
  selectPeriod: (period) => set({ period, focus: undefined }),
  selectSheet: (sheetId) => set({ sheetId, focus: undefined }),
  focusCell: (focus) => set({ sheetId: focus.sheetId, focus }),
  clearFocus: () => set({ focus: undefined }),
  setShowPrevious: (showPrevious) => set({ showPrevious }),
});
