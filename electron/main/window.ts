/**
 * The main BrowserWindow: 1280×800, titled 校表通, locked-down webPreferences,
 * shown only once the first paint is ready.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const WINDOW_TITLE = '校表通';

/** The renderer's webPreferences (besides `preload`). Every value is explicit on purpose. */
export const SECURE_WEB_PREFERENCES = {
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
} as const satisfies WebPreferences;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: WINDOW_TITLE,
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  };
}

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Create the window, show it when ready, and load `url`. */
export function createMainWindow(deps: { BrowserWindow: BrowserWindowCtor; preloadPath: string; url: string }): BrowserWindow {
  const win = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath));
  win.once('ready-to-show', () => win.show());
  win.loadURL(deps.url).catch((err: unknown) => console.error('[xiaobiao] 页面加载失败', err));
  return win;
}
