// Whether the user's typing has reached the database. Shown in the header at all times:
// on an old PC an administrator must be able to trust that closing the window loses nothing.
import type { StateCreator } from 'zustand';

export interface SaveSlice {
  /** writes started and not yet finished */
  pending: number;
  /** when the last write finished, ms since epoch */
  lastSavedAt?: number;
  /** message of the last failed write; cleared by the next successful one */
  lastError?: string;
  saveStarted: () => void;
  saveSucceeded: (at: number) => void;
  saveFailed: (message: string) => void;
  /** ends a pending count without a result: a held-back edit that was handed over to a real write */
  saveReleased: () => void;
}

export const createSaveSlice: StateCreator<SaveSlice & object, [], [], SaveSlice> = (set) => ({
  pending: 0,
  lastSavedAt: undefined,
  lastError: undefined,
  saveStarted: () => set((s) => ({ pending: s.pending + 1 })),
  saveSucceeded: (at) => set((s) => ({ pending: Math.max(0, s.pending - 1), lastSavedAt: at, lastError: undefined })),
  saveFailed: (message) => set((s) => ({ pending: Math.max(0, s.pending - 1), lastError: message })),
  saveReleased: () => set((s) => ({ pending: Math.max(0, s.pending - 1) })),
});
