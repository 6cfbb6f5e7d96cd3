/**
 * IPC channel names and the bridge-method → channel map.
 *
 * Dependency-free on purpose: the sandboxed preload imports this file, and a
 * sandboxed preload can only `require('electron')` — anything else it imports
 * must be bundled in. Keeping zod out of here keeps the preload tiny.
 */

/** Every IPC channel of the app. */
export const IPC_CHANNELS = ['report:save', 'app:info', 'backup:write', 'backup:list', 'backup:read'] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** `window.xiaobiao` method name → the channel it invokes (one method per channel). */
export const BRIDGE_METHOD_CHANNELS = {
  saveReport: 'report:save',
  appInfo: 'app:info',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
} as const satisfies Record<string, IpcChannel>;

export type BridgeMethodName = keyof typeof BRIDGE_METHOD_CHANNELS;
