// The renderer's UI state (zustand). Data itself lives in IndexedDB and is read through
// useLiveQuery; this store holds only navigation and save status.
// Components select one value per selector, e.g. useStore((s) => s.sheetId).
import { create } from 'zustand';
import { createSaveSlice, type SaveSlice } from './save-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { saveErrorMessage } from './save-error';

export type AppState = UiSlice & SaveSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createUiSlice(...a),
  ...createSaveSlice(...a),
}));

/** The state a fresh app starts with (tests reset to it between cases). */
export const initialState: Partial<AppState> = {
  submission: undefined,
  period: undefined,
  sheetId: undefined,
  focus: undefined,
  showPrevious: false,
  pending: 0,
  lastSavedAt: undefined,
  lastError: undefined,
};

export function resetStore(): void {
  useStore.setState(initialState);
}


/**
 * Tracks one database write for the save indicator. Never rejects: a failure is recorded
 * (shown in red as 保存失败：…) and logged, and the promise resolves to undefined, so event
 * handlers can fire writes without awaiting them.
 */
export async function trackSave<T>(write: Promise<T>): Promise<T | undefined> {
  const { saveStarted, saveSucceeded, saveFailed } = useStore.getState();
  saveStarted();
  try {
    const value = await write;
    saveSucceeded(Date.now());
    return value;
  } catch (e) {
    console.error('保存失败', e);
    saveFailed(saveErrorMessage(e));
    return undefined;
  }
}
