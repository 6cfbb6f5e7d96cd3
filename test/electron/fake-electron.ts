// A small, stateful fake of the parts of the `electron` module the app uses.
// Use it from a test with:
//   vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
// and get the instance back with `fakeElectron(await import('electron'))`.
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const ls = this.listeners.get(event) ?? [];
    for (const l of ls) l(...args);
    return ls.length > 0;
  }

  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}

/** An Electron-style navigation event (`details` object with url + preventDefault). */
export function navigationEvent(url: string): { url: string; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Simulate a navigation; returns true if a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = navigationEvent(url);
    this.emit(event, e, url, false, true);
    return e.defaultPrevented;
  }
}

export function createFakeElectron() {
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });

  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((name: string) => `/home/teacher/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
  });

  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends FakeEmitter {
    readonly options: Record<string, any>;
    readonly webContents = new FakeWebContents();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly loadURL = vi.fn(async (_url: string) => undefined);

    constructor(options: Record<string, any>) {
      super();
      this.options = options;
      windows.push(this);
      // Like Electron: the new window's webContents is announced to the app.
      app.emit('web-contents-created', {}, this.webContents);
    }

    static getAllWindows(): FakeBrowserWindow[] {
      return [...windows];
    }

    static fromWebContents(wc: unknown): FakeBrowserWindow | null {
      return windows.find((w) => w.webContents === wc) ?? null;
    }
  }

  const defaultSession = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };

  const ipcHandlers = new Map<string, Listener>();

  const mod = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => void ipcHandlers.set(channel, fn)) },
    dialog: { showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) },
    // test controls
    __fake: { resolveReady, ready, windows, ipcHandlers },
  };
  return { ...mod, default: mod };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindowInstance = FakeElectron['__fake']['windows'][number];

/** The mocked `electron` module, typed as the fake. */
export function fakeElectron(mod: unknown): FakeElectron {
  return mod as FakeElectron;
}
