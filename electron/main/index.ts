/**
 * Electron main entry: app lifecycle only. Everything security-relevant lives
 * in small, separately tested modules (window, protocol, security, ipc).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { writeFileAtomic } from './atomic-write';
import { createBackupStore } from './backups';
import { createIpcHandlers, registerIpcHandlers } from './ipc';
import { resolveRendererTarget } from './origin';
import { createAppProtocolHandler, registerAppProtocol, registerAppScheme } from './protocol';
import { contentSecurityPolicy, hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));

// Both must happen before `ready`.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const target = resolveRendererTarget({ isPackaged: app.isPackaged, env: process.env });
  if (process.env['ELECTRON_RENDERER_URL'] && target.devOrigin === null) {
    console.warn('[xiaobiao] 已忽略 ELECTRON_RENDERER_URL（仅开发模式下的本机 http(s) 地址有效），改为加载 app://');
  }
  const csp = contentSecurityPolicy({ dev: target.devOrigin !== null });
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = (): void => {
    const win = createMainWindow({ BrowserWindow, preloadPath, url: target.url });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };

  // Every webContents ever created (window, devtools excepted by Electron) gets the guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, target));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, { csp });
      registerAppProtocol(protocol, createAppProtocolHandler({ root: rendererRoot, csp }));
      registerIpcHandlers(
        ipcMain,
        createIpcHandlers({
          origin: target,
          documentsDir: () => app.getPath('documents'),
          showSaveDialog: (event, options) => {
            const parent = BrowserWindow.fromWebContents(event.sender);
            return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
          },
          writeFile: (filePath, bytes) => writeFileAtomic(filePath, bytes),
          appVersion: () => app.getVersion(),
          platform: process.platform,
          backups: createBackupStore({ dir: () => path.join(app.getPath('userData'), 'backups') }),
        }),
      );
      openMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((err: unknown) => {
      console.error('[xiaobiao] 启动失败', err);
      app.quit();
    });
}
