/**
 * IPC handlers for every channel of shared/ipc/contract.ts.
 *
 * Each handler (1) checks the sender frame is the app itself and (2)
 * re-validates its payload with the channel's zod schema, before doing
 * anything. Failures throw an Error with a Chinese message (it reaches the
 * renderer as the rejection of `ipcRenderer.invoke`).
 */
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { IPC_CHANNELS, ipcSchemas, type IpcChannel, type IpcRequest, type IpcResponse } from '../../shared/ipc/contract';
import { isAppUrl, type OriginPolicy } from './origin';
import { BackupError, parseBackup } from '../../shared/backup/backup-file';
import type { BackupStore } from './backups';

/** The part of an invoke event the handlers rely on. `IpcMainInvokeEvent` satisfies it. */
export type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface IpcDeps {
  origin: OriginPolicy;
  /** The user's Documents folder (app.getPath('documents')). */
  documentsDir(): string;
  /** Show a native save dialog, parented to the sender's window. */
  showSaveDialog(event: InvokeEvent, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** Atomic write (atomic-write.ts in production). */
  writeFile(filePath: string, bytes: Uint8Array): Promise<void>;
  appVersion(): string;
  platform: string;
  /** `<userData>/backups/` (backups.ts); absent, the backup channels refuse */
  backups?: BackupStore;
}

export type IpcHandler<C extends IpcChannel> = (event: InvokeEvent, payload: unknown) => Promise<IpcResponse<C>>;
export type IpcHandlerMap = { [C in IpcChannel]: IpcHandler<C> };

/** Throws unless the invoking frame is the app's own page. */
export function assertTrustedSender(event: InvokeEvent, policy: OriginPolicy): void {
  let url: string | undefined;
  try {
    url = event.senderFrame?.url;
  } catch {
    url = undefined; // accessing a destroyed frame throws
  }
  if (typeof url !== 'string' || !isAppUrl(url, policy)) {
    throw new Error('拒绝访问：IPC 调用来自不受信任的页面');
  }
}

/** Parse a payload with the channel's request schema; throws a Chinese error on failure. */
export function parseRequest<C extends IpcChannel>(channel: C, payload: unknown): IpcRequest<C> {
  const result = ipcSchemas[channel].request.safeParse(payload);
  if (!result.success) {
    const detail = result.error.issues.map((i) => i.message).join('；');
    throw new Error(`参数无效（${channel}）：${detail}`);
  }
  return result.data as IpcRequest<C>;
}

function dialogFilters(fileName: string): SaveDialogOptions['filters'] {
  return fileName.toLowerCase().endsWith('.json')
    ? [{ name: 'JSON 文件', extensions: ['json'] }]
    : [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
}

function backupStore(deps: IpcDeps): BackupStore {
  if (!deps.backups) throw new Error('自动备份不可用');
  return deps.backups;
}

export function createIpcHandlers(deps: IpcDeps) {
  return {
    'report:save': async (event, payload) => {
      assertTrustedSender(event, deps.origin);
      const { fileName, bytes } = parseRequest('report:save', payload);
      const choice = await deps.showSaveDialog(event, {
        title: '保存报表',
        defaultPath: path.join(deps.documentsDir(), fileName),
        filters: dialogFilters(fileName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      try {
        await deps.writeFile(choice.filePath, bytes);
      } catch (err) {
        const code = (err as { code?: unknown } | null)?.code;
        throw new Error(`保存失败：无法写入文件${typeof code === 'string' ? `（${code}）` : ''}`);
      }
      return { saved: true, path: choice.filePath };
    },
    'app:info': async (event, payload) => {
      assertTrustedSender(event, deps.origin);
      parseRequest('app:info', payload);
      return { version: deps.appVersion(), platform: deps.platform };
    },
    'backup:write': async (event, payload) => {
      assertTrustedSender(event, deps.origin);
      const { reason, bytes } = parseRequest('backup:write', payload);
      // only a whole, valid school data file may take a place among the 30 kept backups
      try {
        parseBackup('备份', bytes);
      } catch (err) {
        throw new Error(err instanceof BackupError ? `备份内容无效：${err.message}` : '备份内容无效');
      }
      return backupStore(deps).write(reason, bytes).catch((err: unknown) => {
        const code = (err as { code?: unknown } | null)?.code;
        throw new Error(`自动备份失败：无法写入备份文件夹${typeof code === 'string' ? `（${code}）` : ''}`);
      });
    },
    'backup:list': async (event, payload) => {
      assertTrustedSender(event, deps.origin);
      parseRequest('backup:list', payload);
      return backupStore(deps).list();
    },
    'backup:read': async (event, payload) => {
      assertTrustedSender(event, deps.origin);
      const { name } = parseRequest('backup:read', payload);
      return { name, bytes: await backupStore(deps).read(name) };
    },
  } satisfies IpcHandlerMap;
}

/** Register every handler with `ipcMain.handle`. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlerMap): void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as IpcHandler<IpcChannel>;
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      // Every channel takes at most one argument; extra arguments are a malformed call.
      if (args.length > 1) throw new Error(`参数无效（${channel}）：参数个数过多`);
      return handler(event, args[0]);
    });
  }
}
