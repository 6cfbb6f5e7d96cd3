/**
 * Sandboxed preload (built to out/preload/index.cjs). Exposes exactly one
 * object, `window.xiaobiao`, with one method per IPC channel — never
 * ipcRenderer itself, never a generic "invoke any channel" function.
 *
 * Imports only `electron` and the dependency-free channel list: a sandboxed
 * preload cannot require anything else at runtime.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_METHOD_CHANNELS } from '../../shared/ipc/channels';
import type { XiaobiaoBridge } from '../../shared/ipc/contract';

const bridge = {
  saveReport: (payload) => ipcRenderer.invoke(BRIDGE_METHOD_CHANNELS.saveReport, payload),
  appInfo: () => ipcRenderer.invoke(BRIDGE_METHOD_CHANNELS.appInfo),
  writeBackup: (payload) => ipcRenderer.invoke(BRIDGE_METHOD_CHANNELS.writeBackup, payload),
  listBackups: () => ipcRenderer.invoke(BRIDGE_METHOD_CHANNELS.listBackups),
  readBackup: (payload) => ipcRenderer.invoke(BRIDGE_METHOD_CHANNELS.readBackup, payload),
} satisfies XiaobiaoBridge;

contextBridge.exposeInMainWorld('xiaobiao', bridge);
