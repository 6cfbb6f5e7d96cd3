// What the renderer needs from its host. The desktop app (Electron) saves through a native
// dialog in the main process; the web build hands the file to the browser's download.
import type { SaveResult, XiaobiaoBridge } from '../../shared/ipc/contract';

export type { SaveResult, XiaobiaoBridge };

export interface Platform {
  kind: 'electron' | 'web';
  saveFile(fileName: string, bytes: Uint8Array): Promise<SaveResult>;
}

/** The preload bridge (shared/ipc/window.d.ts types it); absent in a browser. */
export function bridge(): XiaobiaoBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.xiaobiao;
}
