/**
 * The typed IPC contract between the renderer (through the preload bridge
 * `window.xiaobiao`) and the Electron main process.
 *
 * Pure TypeScript + zod: no electron import, safe to use from the renderer,
 * the main process and tests. The main process re-validates every payload
 * with `ipcSchemas[channel].request` — the renderer is never trusted.
 */
import { z } from 'zod';
import { IPC_CHANNELS, BRIDGE_METHOD_CHANNELS, type IpcChannel, type BridgeMethodName } from './channels';
import { BACKUP_REASONS, isBackupName, type BackupReason } from '../backup/names';
import { BACKUP_LIMITS } from '../backup/backup-file';

export { IPC_CHANNELS, BRIDGE_METHOD_CHANNELS, type IpcChannel, type BridgeMethodName };

/** Largest report accepted by `report:save` (100 MB). */
export const MAX_REPORT_BYTES = 100 * 1024 * 1024;
/** Longest accepted `fileName`, in characters. */
export const MAX_FILE_NAME_LENGTH = 200;
/** Accepted report extensions (lower-case, compared case-insensitively). */
export const REPORT_EXTENSIONS = ['.xlsx', '.json'] as const;

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** Payload of `report:save`. `fileName` is a bare suggested name, e.g. `罗江区_3112表_2025.xlsx`. */
export interface SaveReportRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** Result of `report:save`: `saved:false` when the user cancelled the dialog. */
export interface SaveResult {
  saved: boolean;
  /** Absolute path the user chose; present only when `saved` is true. */
  path?: string;
}

/** Result of `app:info`. Deliberately never carries filesystem paths. */
export interface AppInfo {
  version: string;
  platform: string;
  userData?: never;
}

/** Payload of `backup:write`: the main process names the file itself (time + reason). */
export interface WriteBackupRequest {
  reason: BackupReason;
  bytes: Uint8Array;
}

/** One automatic backup in `<userData>/backups/`: only its bare name ever crosses IPC, never a path. */
export interface BackupEntry {
  name: string;
  size: number;
  /** modification time, ms since epoch */
  savedAt: number;
}

export interface ReadBackupResult {
  name: string;
  bytes: Uint8Array;
}

/** Channel → request/response type map. */
export interface IpcContract {
  'report:save': { request: SaveReportRequest; response: SaveResult };
  'app:info': { request: undefined; response: AppInfo };
  'backup:write': { request: WriteBackupRequest; response: BackupEntry };
  'backup:list': { request: undefined; response: BackupEntry[] };
  'backup:read': { request: { name: string }; response: ReadBackupResult };
}

export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['response'];

/** What the preload exposes on `window.xiaobiao` — one method per channel. */
export interface XiaobiaoBridge {
  /** Shows a save dialog (default: Documents/fileName) and writes `bytes` atomically. */
  saveReport(payload: SaveReportRequest): Promise<SaveResult>;
  /** App version and `process.platform`. */
  appInfo(): Promise<AppInfo>;
  /** Writes a whole-database backup into `<userData>/backups/` atomically; keeps the newest 30. */
  writeBackup(payload: WriteBackupRequest): Promise<BackupEntry>;
  /** The automatic backups, newest first. */
  listBackups(): Promise<BackupEntry[]>;
  /** One automatic backup's bytes, by its bare name. */
  readBackup(payload: { name: string }): Promise<ReadBackupResult>;
}

// Compile-time check: the bridge has exactly one method per channel, and the
// method/channel map agrees with the contract's request/response types.
type BridgeMatchesContract = {
  [M in BridgeMethodName]: (typeof BRIDGE_METHOD_CHANNELS)[M] extends infer C extends IpcChannel
    ? IpcRequest<C> extends undefined
      ? () => Promise<IpcResponse<C>>
      : (payload: IpcRequest<C>) => Promise<IpcResponse<C>>
    : never;
};
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _bridgeCheck: Exact<BridgeMatchesContract, XiaobiaoBridge> = true;
void _bridgeCheck;

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

// C0/C1 control characters and invisible format characters (bidi overrides such
// as U+202E can disguise an extension; zero-width characters hide content).
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
// Characters Windows forbids in file names (besides `/` and `\`, checked separately).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// Reserved DOS device names: `CON.xlsx` cannot be created on Windows.
const WINDOWS_RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Why `name` is not an acceptable bare report file name, in Chinese, or `null`
 * when it is acceptable. Rules: 1–200 characters; no `/`, `\`, `..`, NUL,
 * control or invisible format characters, nor the Windows-forbidden `<>:"|?*`;
 * not a reserved Windows device name; ends with `.xlsx` or `.json`
 * (case-insensitive) with a non-empty name before it.
 */
export function reportFileNameProblem(name: string): string | null {
  if (name.length === 0) return '文件名不能为空';
  if (name.length > MAX_FILE_NAME_LENGTH) return `文件名不能超过 ${MAX_FILE_NAME_LENGTH} 个字符`;
  if (name.includes('/') || name.includes('\\')) return '文件名不能包含路径分隔符（/ 或 \\）';
  if (name.includes('..')) return '文件名不能包含“..”';
  if (CONTROL_OR_FORMAT.test(name)) return '文件名不能包含控制字符或不可见字符';
  if (WINDOWS_FORBIDDEN.test(name)) return '文件名不能包含 < > : " | ? * 等字符';
  const lower = name.toLowerCase();
  const ext = REPORT_EXTENSIONS.find((e) => lower.endsWith(e));
  if (!ext) return '文件扩展名必须是 .xlsx 或 .json';
  const stem = name.slice(0, -ext.length);
  if (stem.trim().length === 0) return '文件名不能只有扩展名';
  if (WINDOWS_RESERVED_STEM.test(stem.split('.')[0] ?? '')) return '文件名是系统保留名称';
  return null;
}

export function isValidReportFileName(name: string): boolean {
  return reportFileNameProblem(name) === null;
}

export const reportFileNameSchema = z
  .string({ error: '文件名必须是字符串' })
  .superRefine((name, ctx) => {
    const problem = reportFileNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const reportBytesSchema = z
  .instanceof(Uint8Array, { error: '文件内容必须是 Uint8Array' })
  .refine((b) => b.byteLength <= MAX_REPORT_BYTES, { error: '文件不能超过 100 MB' });

const objectError = (iss: { code?: string }) =>
  iss.code === 'unrecognized_keys' ? '参数包含不允许的字段' : '参数必须是对象';

export const saveReportRequestSchema = z.strictObject(
  { fileName: reportFileNameSchema, bytes: reportBytesSchema },
  { error: objectError },
);

export const saveResultSchema = z.strictObject(
  { saved: z.boolean(), path: z.string().optional() },
  { error: objectError },
);

export const appInfoRequestSchema = z.undefined({ error: '此调用不接受参数' });

export const appInfoSchema = z.strictObject(
  { version: z.string(), platform: z.string() },
  { error: objectError },
);

export const backupNameSchema = z
  .string({ error: '备份名必须是字符串' })
  .refine(isBackupName, { error: '备份名无效（只接受校表通自动备份的文件名）' });

export const writeBackupRequestSchema = z.strictObject(
  {
    reason: z.enum(BACKUP_REASONS, { error: '备份原因无效' }),
    bytes: z
      .instanceof(Uint8Array, { error: '备份内容必须是 Uint8Array' })
      .refine((b) => b.byteLength <= BACKUP_LIMITS.maxBytes, { error: `备份不能超过 ${BACKUP_LIMITS.maxBytes / 1024 / 1024} MB` }),
  },
  { error: objectError },
);

export const backupEntrySchema = z.strictObject(
  { name: backupNameSchema, size: z.number().int().min(0), savedAt: z.number() },
  { error: objectError },
);

export const readBackupRequestSchema = z.strictObject({ name: backupNameSchema }, { error: objectError });

export const readBackupResultSchema = z.strictObject(
  { name: backupNameSchema, bytes: z.instanceof(Uint8Array) },
  { error: objectError },
);

/** Request and response schemas per channel. */
export const ipcSchemas = {
  'report:save': { request: saveReportRequestSchema, response: saveResultSchema },
  'app:info': { request: appInfoRequestSchema, response: appInfoSchema },
  'backup:write': { request: writeBackupRequestSchema, response: backupEntrySchema },
  'backup:list': { request: z.undefined({ error: '此调用不接受参数' }), response: z.array(backupEntrySchema) },
  'backup:read': { request: readBackupRequestSchema, response: readBackupResultSchema },
} as const satisfies {
  [C in IpcChannel]: { request: z.ZodType<IpcRequest<C>>; response: z.ZodType<IpcResponse<C>> };
};
