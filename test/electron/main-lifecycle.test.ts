import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { createFakeElectron, type FakeElectron } from './fake-electron';

const EXPECTED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  preload: path.resolve('electron/preload/index.cjs'), // out/preload/index.cjs next to out/main/index.js once built
};

/** A fresh fake `electron` module, then a fresh import (= fresh start) of electron/main/index.ts. */
async function start(configure?: (e: FakeElectron) => void): Promise<FakeElectron> {
  vi.resetModules();
  const electron = createFakeElectron();
  vi.doMock('electron', () => electron);
  configure?.(electron);
  await import('../../electron/main/index');
  return electron;
}

async function ready(e: FakeElectron): Promise<void> {
  e.__fake.resolveReady();
  await e.__fake.ready;
  await new Promise((r) => setTimeout(r, 0));
}

const realPlatform = process.platform;
function setPlatform(p: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: p, configurable: true });
}

beforeEach(() => {
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  setPlatform(realPlatform);
});

describe('before ready', () => {
  it('registers app:// as privileged and enables the sandbox, but installs nothing else yet', async () => {
    const e = await start();
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(e.app.enableSandbox).toHaveBeenCalledOnce();
    expect(e.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(e.protocol.handle).not.toHaveBeenCalled();
    expect(e.ipcMain.handle).not.toHaveBeenCalled();
    expect(e.__fake.windows).toHaveLength(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    const e = await start((e) => e.app.requestSingleInstanceLock.mockReturnValue(false));
    expect(e.app.quit).toHaveBeenCalledOnce();
    expect(e.app.whenReady).not.toHaveBeenCalled();
  });
});

describe('on ready', () => {
  it('creates one 1280×800 校表通 window with the exact secure webPreferences, shown when ready', async () => {
    const e = await start();
    await ready(e);
    expect(e.__fake.windows).toHaveLength(1);
    const win = e.__fake.windows[0]!;
    expect(win.options).toMatchObject({ width: 1280, height: 800, title: '校表通', show: false });
    expect(win.options['webPreferences']).toStrictEqual(EXPECTED_WEB_PREFERENCES);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('loads app://xiaobiao/index.html in production', async () => {
    const e = await start();
    await ready(e);
    expect(e.__fake.windows[0]!.loadURL).toHaveBeenCalledWith('app://xiaobiao/index.html');
  });

  it('loads ELECTRON_RENDERER_URL in an unpackaged dev run', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const e = await start();
    await ready(e);
    expect(e.__fake.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('ignores ELECTRON_RENDERER_URL when packaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const e = await start((e) => (e.app.isPackaged = true));
    await ready(e);
    expect(e.__fake.windows[0]!.loadURL).toHaveBeenCalledWith('app://xiaobiao/index.html');
  });

  it('guards the window webContents: foreign navigation prevented, same-origin allowed, popups denied', async () => {
    const e = await start();
    await ready(e);
    const wc = e.__fake.windows[0]!.webContents;
    expect(wc.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-navigate', 'app://xiaobiao/index.html')).toBe(false);
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('hardens the default session (CSP header, permissions denied) and serves app://', async () => {
    const e = await start();
    await ready(e);
    const ses = e.session.defaultSession;
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    const cb = vi.fn();
    (ses.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: object, cb: unknown) => void)({ responseHeaders: {} }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (w: unknown, p: string, cb: (g: boolean) => void) => void;
    const granted = vi.fn();
    request({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((ses.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    expect(e.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('registers the IPC channels, wired to the real app/dialog', async () => {
    const e = await start();
    await ready(e);
    expect([...e.__fake.ipcHandlers.keys()].sort()).toEqual(['app:info', 'backup:list', 'backup:read', 'backup:write', 'report:save']);
    const wc = e.__fake.windows[0]!.webContents;
    const appInfo = e.__fake.ipcHandlers.get('app:info')!;
    await expect(appInfo({ senderFrame: { url: 'app://xiaobiao/index.html' }, sender: wc })).resolves.toEqual({
      version: '0.1.0',
      platform: process.platform,
    });
    await expect(appInfo({ senderFrame: { url: 'https://evil.example/' }, sender: wc })).rejects.toThrow('拒绝访问');

    // Cancelled dialog, parented to the sender's window, defaulting to Documents.
    const save = e.__fake.ipcHandlers.get('report:save')!;
    await expect(
      save({ senderFrame: { url: 'app://xiaobiao/index.html' }, sender: wc }, { fileName: 'a.xlsx', bytes: new Uint8Array([1]) }),
    ).resolves.toEqual({ saved: false });
    const [parent, options] = e.dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string }];
    expect(parent).toBe(e.__fake.windows[0]);
    expect(options.defaultPath).toBe(path.join('/home/teacher/documents', 'a.xlsx'));
    expect(e.app.getPath).toHaveBeenCalledWith('documents');

    // Backups live in <userData>/backups (absent here: an empty list, not an error).
    const list = e.__fake.ipcHandlers.get('backup:list')!;
    await expect(list({ senderFrame: { url: 'app://xiaobiao/index.html' }, sender: wc })).resolves.toEqual([]);
    expect(e.app.getPath).toHaveBeenCalledWith('userData');
  });
});

describe('lifecycle', () => {
  it('quits when all windows are closed, except on macOS', async () => {
    setPlatform('win32');
    const e = await start();
    await ready(e);
    e.app.emit('window-all-closed');
    expect(e.app.quit).toHaveBeenCalledOnce();

    setPlatform('darwin');
    const mac = await start();
    await ready(mac);
    mac.app.emit('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();
  });

  it('a second instance focuses (and restores) the existing window instead of opening another', async () => {
    const e = await start();
    await ready(e);
    const win = e.__fake.windows[0]!;
    win.isMinimized.mockReturnValue(true);
    e.app.emit('second-instance', {}, ['xiaobiao'], '/');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
    expect(e.__fake.windows).toHaveLength(1);
  });

  it('re-creates the window on activate when none is open (macOS dock)', async () => {
    const e = await start();
    await ready(e);
    e.__fake.windows.splice(0); // all windows closed
    e.app.emit('activate');
    expect(e.__fake.windows).toHaveLength(1);
  });
});
