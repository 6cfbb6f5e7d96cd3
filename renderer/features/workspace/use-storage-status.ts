// The storage state (persist() answer, usage, quota), read on mount and every few minutes: how
// full the disk is changes while a month of ledgers is typed in.
import { useEffect, useState } from 'react';
import { readStorageState, type StorageApi, type StorageState } from '../../lib/storage-status';

export const STORAGE_POLL_MS = 5 * 60 * 1000;

export function useStorageStatus(storage?: StorageApi, pollMs: number = STORAGE_POLL_MS): StorageState | undefined {
  const [state, setState] = useState<StorageState>();
  useEffect(() => {
    let live = true;
    const read = () => void readStorageState(storage ?? (typeof navigator === 'undefined' ? undefined : navigator.storage)).then((s) => live && setState(s));
    read();
    const timer = setInterval(read, pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [storage, pollMs]);
  return state;
}
