import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../electron/main/atomic-write';
import {
  assertTrustedSender,
  createIpcHandlers,
  registerIpcHandlers,
  type InvokeEvent,
  type IpcDeps,
} from '../../electron/main/ipc';
import { IPC_CHANNELS } from '../../shared/ipc/contract';

const APP_URL = 'app://xiaobiao/index.html';

function eventFrom(url: string | null): InvokeEvent {
  return { senderFrame: url === null ? null : { url }, sender: {} } as unknown as InvokeEvent;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xiaobiao-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(overrides: Partial<IpcDeps> = {}) {
  const chosen = path.join(dir, 'chosen.xlsx');
  const showSaveDialog = vi.fn<IpcDeps['showSaveDialog']>(
    overrides.showSaveDialog ?? (async () => ({ canceled: false, filePath: chosen })),
  );
  const write = vi.fn<IpcDeps['writeFile']>(overrides.writeFile ?? ((p, b) => writeFileAtomic(p, b)));
  const deps = {
    origin: { devOrigin: null },
    documentsDir: () => '/home/teacher/Documents',
    appVersion: () => '0.1.0',
    platform: 'win32',
    ...overrides,
    showSaveDialog,
    writeFile: write,
  } satisfies IpcDeps;
  return { deps, chosen, handlers: createIpcHandlers(deps) };
}

const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);

describe('report:save', () => {
  it('shows the dialog in Documents and writes the bytes atomically', async () => {
    const { deps, chosen, handlers } = setup();
    const result = await handlers['report:save'](eventFrom(APP_URL), { fileName: '罗江区_3112表.xlsx', bytes: XLSX });

    expect(result).toEqual({ saved: true, path: chosen });
    const options = deps.showSaveDialog.mock.calls[0]![1];
    expect(options.defaultPath).toBe(path.join('/home/teacher/Documents', '罗江区_3112表.xlsx'));
    expect(options.filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(new Uint8Array(await readFile(chosen))).toEqual(XLSX);
    expect(await readdir(dir)).toEqual(['chosen.xlsx']); // no temp file left behind
  });

  it('offers a JSON filter for .json reports', async () => {
    const { deps, handlers } = setup();
    await handlers['report:save'](eventFrom(APP_URL), { fileName: 'backup.json', bytes: new Uint8Array([123, 125]) });
    expect(deps.showSaveDialog.mock.calls[0]![1].filters).toEqual([{ name: 'JSON 文件', extensions: ['json'] }]);
  });

  it('accepts a Buffer (what structured clone may deliver in main)', async () => {
    const { handlers } = setup();
    await expect(
      handlers['report:save'](eventFrom(APP_URL), { fileName: 'a.xlsx', bytes: Buffer.from(XLSX) }),
    ).resolves.toMatchObject({ saved: true });
  });

  it('dialog cancel → {saved:false} and nothing is written', async () => {
    const { deps, handlers } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
    });
    const result = await handlers['report:save'](eventFrom(APP_URL), { fileName: 'a.xlsx', bytes: XLSX });
    expect(result).toEqual({ saved: false });
    expect(deps.writeFile).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['../x.xlsx'],
    ['a/b.xlsx'],
    ['a\\b.xlsx'],
    ['x.exe'],
    ['x.xlsx.exe'],
    ['x.xls'],
    ['.xlsx'],
    [''],
    ['x\u0000.xlsx'],
    ['x\n.xlsx'],
    ['evil\u202Eslx.xlsx'],
    ['a:b.xlsx'],
    ['CON.xlsx'],
    ['x'.repeat(196) + '.xlsx'],
  ])('rejects bad fileName %j with a Chinese error, before any dialog', async (fileName) => {
    const { deps, handlers } = setup();
    await expect(handlers['report:save'](eventFrom(APP_URL), { fileName, bytes: XLSX })).rejects.toThrow(/^参数无效（report:save）：/);
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'x.xlsx'],
    ['null', null],
    ['bytes as array', { fileName: 'x.xlsx', bytes: [1, 2, 3] }],
    ['bytes as string', { fileName: 'x.xlsx', bytes: 'PK' }],
    ['bytes as ArrayBuffer', { fileName: 'x.xlsx', bytes: new ArrayBuffer(4) }],
    ['missing bytes', { fileName: 'x.xlsx' }],
    ['fileName not a string', { fileName: 42, bytes: XLSX }],
    ['extra field', { fileName: 'x.xlsx', bytes: XLSX, path: '/etc/passwd' }],
  ])('rejects a malformed payload (%s)', async (_label, payload) => {
    const { deps, handlers } = setup();
    await expect(handlers['report:save'](eventFrom(APP_URL), payload)).rejects.toThrow(/参数无效/);
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
  });

  it('rejects more than 100 MB', async () => {
    const { deps, handlers } = setup();
    const tooBig = new Uint8Array(100 * 1024 * 1024 + 1);
    await expect(handlers['report:save'](eventFrom(APP_URL), { fileName: 'x.xlsx', bytes: tooBig })).rejects.toThrow(
      '文件不能超过 100 MB',
    );
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['https://evil.example/index.html'],
    ['file:///work/main/out/renderer/index.html'],
    ['file:///C:/Users/x/index.html'],
    ['app://evil/index.html'],
    ['app://xiaobiao.evil/index.html'],
    ['http://localhost:5173/'],
    ['about:blank'],
    ['garbage'],
  ])('rejects a sender frame at %s with a Chinese error', async (url) => {
    const { deps, handlers } = setup();
    await expect(handlers['report:save'](eventFrom(url), { fileName: 'a.xlsx', bytes: XLSX })).rejects.toThrow(
      '拒绝访问：IPC 调用来自不受信任的页面',
    );
    await expect(handlers['app:info'](eventFrom(url), undefined)).rejects.toThrow('拒绝访问');
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('rejects an event without a sender frame (destroyed/navigated away)', async () => {
    const { handlers } = setup();
    await expect(handlers['report:save'](eventFrom(null), { fileName: 'a.xlsx', bytes: XLSX })).rejects.toThrow('拒绝访问');
  });

  it('a failed write reports a Chinese error and leaves the previous file intact', async () => {
    const chosen = path.join(dir, 'report.xlsx');
    await writeFile(chosen, 'previous version');
    const { handlers } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: chosen })),
      writeFile: (p, b) =>
        writeFileAtomic(p, b, {
          fs: {
            ...fsp,
            rename: async () => {
              throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
            },
          },
        }),
    });
    await expect(handlers['report:save'](eventFrom(APP_URL), { fileName: 'report.xlsx', bytes: XLSX })).rejects.toThrow(
      '保存失败：无法写入文件（EBUSY）',
    );
    expect(await readFile(chosen, 'utf8')).toBe('previous version');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });
});

describe('app:info', () => {
  it('returns only version and platform', async () => {
    const { handlers } = setup();
    const info = await handlers['app:info'](eventFrom(APP_URL), undefined);
    expect(info).toEqual({ version: '0.1.0', platform: 'win32' });
  });

  it('rejects a payload', async () => {
    const { handlers } = setup();
    await expect(handlers['app:info'](eventFrom(APP_URL), { userData: true })).rejects.toThrow('此调用不接受参数');
  });
});

describe('sender check in dev', () => {
  const dev = { devOrigin: 'http://localhost:5173' };
  it('accepts the exact dev-server origin and the app origin only', () => {
    expect(() => assertTrustedSender(eventFrom('http://localhost:5173/'), dev)).not.toThrow();
    expect(() => assertTrustedSender(eventFrom('app://xiaobiao/index.html'), dev)).not.toThrow();
    expect(() => assertTrustedSender(eventFrom('http://localhost:5174/'), dev)).toThrow('拒绝访问');
    expect(() => assertTrustedSender(eventFrom('http://127.0.0.1:5173/'), dev)).toThrow('拒绝访问');
    expect(() => assertTrustedSender(eventFrom('https://evil.example/'), dev)).toThrow('拒绝访问');
  });

  it('treats a frame whose url getter throws as untrusted', () => {
    const event = {
      get senderFrame() {
        throw new Error('Render frame was disposed');
      },
      sender: {},
    } as unknown as InvokeEvent;
    expect(() => assertTrustedSender(event, dev)).toThrow('拒绝访问');
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels and forwards one payload', async () => {
    const { handlers } = setup();
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    registerIpcHandlers({ handle: (ch: string, fn: never) => void registered.set(ch, fn) } as never, handlers);
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    await expect(registered.get('app:info')!(eventFrom(APP_URL))).resolves.toEqual({ version: '0.1.0', platform: 'win32' });
    await expect(registered.get('app:info')!(eventFrom(APP_URL), 1, 2)).rejects.toThrow('参数个数过多');
  });
});
