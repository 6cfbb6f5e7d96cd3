// What the renderer needs from its host. The desktop app (Electron) saves through a native
// dialog in the main process; the web build hands the file to the browser's download.
import type { BackupEntry, SaveResult, XiaobiaoBridge } from '../../shared/ipc/contract';
import type { BackupReason } from '../../shared/backup/names';

export type { BackupEntry, SaveResult, XiaobiaoBridge };

/** The desktop app's automatic backups folder (`<userData>/backups/`), known only by file name. */
export interface BackupFolder {
  write(reason: BackupReason, bytes: Uint8Array): Promise<BackupEntry>;
  /** newest first */
  list(): Promise<BackupEntry[]>;
  read(name: string): Promise<Uint8Array>;
}

export interface Platform {
  kind: 'electron' | 'web';
  /** `mime` types the browser's download (default: an xlsx workbook); the desktop picks its filter from the extension */
  saveFile(fileName: string, bytes: Uint8Array, mime?: string): Promise<SaveResult>;
  /** desktop only: a browser has no folder of its own to keep backups in */
  backups?: BackupFolder;
}

/** The preload bridge (shared/ipc/window.d.ts types it); absent in a browser. */
export function bridge(): XiaobiaoBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.xiaobiao;
}
