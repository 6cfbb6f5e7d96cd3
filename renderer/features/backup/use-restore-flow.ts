// What every restore dialog shares (数据与备份 replaces everything, 打开校表通导出的报表 one period):
// a file input, busy/error state, reset and close, reading a chosen file into a preview, and 恢复
// that first backs up the data on this computer (README: 自动备份“每次恢复前”) and replaces nothing
// when that backup fails — unless the user, told so, ticks “go on without a backup” (for data that
// is itself too damaged to back up).
import { type RefObject, useRef, useState } from 'react';
import { saveBackup } from './backup-service';
import type { Platform } from '../../platform';
import { saveErrorMessage } from '../../state/save-error';

export interface RestoreFlow {
  input: RefObject<HTMLInputElement | null>;
  busy: boolean;
  error?: string;
  /** the backup before 恢复 failed: the dialog shows the “go on without a backup” checkbox */
  safetyFailed: boolean;
  skipSafety: boolean;
  setSkipSafety: (skip: boolean) => void;
  /** clears the error, the fallback and the chosen file, and the dialog's own preview (onReset) */
  reset: () => void;
  close: () => void;
  /** reset, then read a file into the dialog's preview; a problem becomes the error message */
  load: (read: () => Promise<void>) => Promise<void>;
  /** backs up the current data (unless skipped), then `replace`; true when both happened */
  restore: (replace: () => Promise<unknown>) => Promise<boolean>;
}

export function useRestoreFlow({ platform, onClose, onReset }: { platform: Platform; onClose: () => void; onReset: () => void }): RestoreFlow {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [safetyFailed, setSafetyFailed] = useState(false);
  const [skipSafety, setSkipSafety] = useState(false);

  const reset = () => {
    onReset();
    setError(undefined);
    setSafetyFailed(false);
    setSkipSafety(false);
    if (input.current) input.current.value = '';
  };
  const close = () => {
    reset();
    onClose();
  };
  const load = async (read: () => Promise<void>) => {
    reset();
    setBusy(true);
    try {
      await read();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const restore = async (replace: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      if (!skipSafety) {
        try {
          await saveBackup('restore', platform);
        } catch (e) {
          setSafetyFailed(true);
          throw new Error(`未能先备份本机现有数据，所以没有恢复：${saveErrorMessage(e)}`);
        }
      }
      await replace();
      return true;
    } catch (e) {
      setError(`恢复失败，本机数据没有改动：${saveErrorMessage(e)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { input, busy, error, safetyFailed, skipSafety, setSkipSafety, reset, close, load, restore };
}
