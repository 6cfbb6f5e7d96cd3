import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_METHOD_CHANNELS, IPC_CHANNELS, type XiaobiaoBridge } from '../../shared/ipc/contract';
import { fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

describe('preload', () => {
  it('exposes exactly window.xiaobiao with one method per contract channel, each invoking its channel', async () => {
    const electron = fakeElectron(await import('electron'));
    await import('../../electron/preload/index');

    const expose = electron.contextBridge.exposeInMainWorld;
    expect(expose).toHaveBeenCalledOnce();
    const [key, api] = expose.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('xiaobiao');

    // Exactly the contract's methods: nothing else (no ipcRenderer, no generic invoke).
    expect(Object.keys(api).sort()).toEqual(Object.keys(BRIDGE_METHOD_CHANNELS).sort());
    expect(Object.values(BRIDGE_METHOD_CHANNELS).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');

    const bridge = api as unknown as XiaobiaoBridge;
    const invoke = electron.ipcRenderer.invoke;

    invoke.mockResolvedValueOnce({ saved: true, path: '/home/teacher/Documents/a.xlsx' });
    const payload = { fileName: 'a.xlsx', bytes: new Uint8Array([1, 2]) };
    await expect(bridge.saveReport(payload)).resolves.toEqual({ saved: true, path: '/home/teacher/Documents/a.xlsx' });
    expect(invoke).toHaveBeenLastCalledWith('report:save', payload);

    invoke.mockResolvedValueOnce({ version: '0.1.0', platform: 'linux' });
    await expect(bridge.appInfo()).resolves.toEqual({ version: '0.1.0', platform: 'linux' });
    expect(invoke).toHaveBeenLastCalledWith('app:info');

    expect(invoke).toHaveBeenCalledTimes(2);

    // backups: a reason and bytes, nothing, or a bare name — each to its own channel
    const bytes = new Uint8Array([123, 125]);
    await bridge.writeBackup({ reason: 'daily', bytes });
    expect(invoke).toHaveBeenLastCalledWith('backup:write', { reason: 'daily', bytes });
    await bridge.listBackups();
    expect(invoke).toHaveBeenLastCalledWith('backup:list');
    await bridge.readBackup({ name: 'xiaobiao-backup-20261101-080100-000-daily.json' });
    expect(invoke).toHaveBeenLastCalledWith('backup:read', { name: 'xiaobiao-backup-20261101-080100-000-daily.json' });
  });
});
