// IPC sender check against look-alike origins: the check parses the URL (new URL), so prefix,
// suffix, credential, port, case and encoding tricks on "app://xiaobiao" are all untrusted, and a
// refused call never reaches the save dialog or the disk.
import { describe, expect, it, vi } from 'vitest';
import { assertTrustedSender, createIpcHandlers, type InvokeEvent, type IpcDeps } from '../../electron/main/ipc';
import { isAppUrl } from '../../electron/main/origin';

const LOOKALIKES = [
  'app://xiaobiao.evil.example/index.html', 'app://evil.example/app://xiaobiao/index.html', 'app://xiaobiao@evil.example/',
  'app://evil.example/?x=app://xiaobiao/', 'app://xiaobiao%2eevil/', 'app://XIAOBIAO/index.html', 'app:xiaobiao/index.html',
  'app:///xiaobiao/index.html', 'app://xiaobiao:0/', 'http://xiaobiao/', 'javascript:location="app://xiaobiao/"',
  'data:text/html,app://xiaobiao/', 'blob:app://evil/1', 'file:///C:/xiaobiao/index.html', 'about:blank', '',
];
const event = (url: string) => ({ senderFrame: { url }, sender: {} }) as unknown as InvokeEvent;

describe('IPC sender check', () => {
  it.each(LOOKALIKES)('refuses %j', async (url) => {
    expect(isAppUrl(url, { devOrigin: null })).toBe(false);
    expect(() => assertTrustedSender(event(url), { devOrigin: null })).toThrow('拒绝访问');
    const deps: IpcDeps = {
      origin: { devOrigin: null }, documentsDir: () => '/tmp', appVersion: () => '0.1.0', platform: () => 'linux',
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/tmp/x.xlsx' })), writeFile: vi.fn(async () => {}),
    } as unknown as IpcDeps;
    const handlers = createIpcHandlers(deps);
    await expect(handlers['report:save'](event(url), { fileName: 'a.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) })).rejects.toThrow('拒绝访问');
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });
});
