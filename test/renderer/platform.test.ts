// Host adapters: the browser download and the Electron bridge.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webPlatform } from '../../renderer/platform/web';
import { electronPlatform } from '../../renderer/platform/electron';
import { detectPlatform } from '../../renderer/platform';

afterEach(() => {
  delete (window as { xiaobiao?: unknown }).xiaobiao;
  vi.restoreAllMocks();
});

describe('web platform', () => {
  it('downloads through a temporary <a download> holding the bytes as an xlsx Blob', async () => {
    let blob: Blob | undefined;
    const createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:xiaobiao/1'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const result = await webPlatform.saveFile('5106260001_罗江区实验小学_XNC_2025-2026.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(result).toEqual({ saved: true });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('5106260001_罗江区实验小学_XNC_2025-2026.xlsx');
    expect(clicked[0]!.href).toBe('blob:xiaobiao/1');
    expect(clicked[0]!.isConnected).toBe(false); // removed again
    expect(blob!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const buffer = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no arrayBuffer()
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blob!);
    });
    expect([...new Uint8Array(buffer)]).toEqual([0x50, 0x4b, 3, 4]);
  });
});

const noBackups = {
  writeBackup: vi.fn(async () => ({ name: 'x', size: 0, savedAt: 0 })),
  listBackups: vi.fn(async () => []),
  readBackup: vi.fn(async () => ({ name: 'x', bytes: new Uint8Array() })),
};

describe('web platform: mime', () => {
  it('types a backup download as JSON when asked, and has no backups folder', async () => {
    let blob: Blob | undefined;
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => ((blob = b), 'blob:xiaobiao/2')), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await webPlatform.saveFile('备份.json', new Uint8Array([123, 125]), 'application/json');
    expect(blob!.type).toBe('application/json');
    expect(webPlatform.backups).toBeUndefined();
  });
});

describe('electron platform: backups folder', () => {
  it('writes, lists and reads backups through the bridge, by name only', async () => {
    const name = 'xiaobiao-backup-20261125-083000-000-daily.json';
    const bytes = new Uint8Array([123, 125]);
    const bridge = {
      saveReport: vi.fn(),
      appInfo: vi.fn(),
      writeBackup: vi.fn(async () => ({ name, size: 2, savedAt: 1 })),
      listBackups: vi.fn(async () => [{ name, size: 2, savedAt: 1 }]),
      readBackup: vi.fn(async () => ({ name, bytes })),
    };
    const folder = electronPlatform(bridge).backups!;
    expect(await folder.write('restore', bytes)).toEqual({ name, size: 2, savedAt: 1 });
    expect(bridge.writeBackup).toHaveBeenCalledWith({ reason: 'restore', bytes });
    expect(await folder.list()).toEqual([{ name, size: 2, savedAt: 1 }]);
    expect(await folder.read(name)).toBe(bytes);
    expect(bridge.readBackup).toHaveBeenCalledWith({ name });
  });
});

describe('electron platform', () => {
  it('saves through window.xiaobiao.saveReport and reports the chosen path', async () => {
    const saveReport = vi.fn(async () => ({ saved: true, path: 'C:\\Users\\教务处\\Documents\\a.xlsx' }));
    const bridge = { ...noBackups, saveReport, appInfo: async () => ({ version: '0.1.0', platform: 'win32' }) };
    const bytes = new Uint8Array([1, 2]);
    expect(await electronPlatform(bridge).saveFile('a.xlsx', bytes)).toEqual({ saved: true, path: 'C:\\Users\\教务处\\Documents\\a.xlsx' });
    expect(saveReport).toHaveBeenCalledWith({ fileName: 'a.xlsx', bytes });
  });

  it('a cancelled dialog is not an error', async () => {
    const bridge = { ...noBackups, saveReport: async () => ({ saved: false }), appInfo: async () => ({ version: '', platform: '' }) };
    expect(await electronPlatform(bridge).saveFile('a.xlsx', new Uint8Array())).toEqual({ saved: false, path: undefined });
  });
});

describe('detectPlatform', () => {
  it('is web without the preload bridge and electron with it', () => {
    expect(detectPlatform().kind).toBe('web');
    (window as { xiaobiao?: unknown }).xiaobiao = { saveReport: vi.fn(), appInfo: vi.fn() };
    expect(detectPlatform().kind).toBe('electron');
  });
});
