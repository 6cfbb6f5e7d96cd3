/**
 * The automatic backups folder `<userData>/backups/`. The renderer never names a path: the main
 * process names each new file itself (clock + reason word) and reads or lists only files whose bare
 * name matches BACKUP_NAME_RE, resolved inside this one folder. Writes are atomic (temp file +
 * fsync + rename); after each write the newest KEEP_BACKUPS remain (newest by mtime, so a clock
 * set back cannot make a new backup look old), plus the one just written and the newest
 * `migration` and `restore` backups (backupsToPrune).
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { backupName, backupsToPrune, compareNewestFirst, isBackupName, KEEP_BACKUPS, type BackupReason } from '../../shared/backup/names';
import { BACKUP_LIMITS } from '../../shared/backup/backup-file';
import type { BackupEntry } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';

export interface BackupStoreDeps {
  /** `<userData>/backups` (absolute) */
  dir: () => string;
  now?: () => Date;
  writeFile?: (target: string, bytes: Uint8Array) => Promise<void>;
  keep?: number;
}

export interface BackupStore {
  write(reason: BackupReason, bytes: Uint8Array): Promise<BackupEntry>;
  list(): Promise<BackupEntry[]>;
  read(name: string): Promise<Uint8Array>;
}

/** The file a backup name stands for, or an error when the name is not one of ours or would leave the folder. */
export function backupPath(dir: string, name: unknown): string {
  if (!isBackupName(name)) throw new Error('备份名无效（只接受校表通自动备份的文件名）');
  const root = path.resolve(dir);
  const full = path.resolve(root, name);
  if (path.dirname(full) !== root) throw new Error('备份名无效（不在备份文件夹中）');
  return full;
}

async function entry(dir: string, name: string): Promise<BackupEntry | undefined> {
  try {
    const st = await fsp.lstat(path.join(dir, name));
    // a symlink or folder under a backup's name is not a backup: never follow it
    return st.isFile() ? { name, size: st.size, savedAt: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await fsp.readdir(dir)).filter(isBackupName);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return [];
    throw e;
  }
}

/** The backups in the folder with size and mtime; symlinks and folders under a backup's name are left out. */
async function files(dir: string): Promise<BackupEntry[]> {
  const found = await Promise.all((await names(dir)).map((n) => entry(dir, n)));
  return found.filter((e): e is BackupEntry => e !== undefined);
}

export function createBackupStore({ dir, now = () => new Date(), writeFile = writeFileAtomic, keep = KEEP_BACKUPS }: BackupStoreDeps): BackupStore {
  return {
    async write(reason, bytes) {
      const root = path.resolve(dir());
      await fsp.mkdir(root, { recursive: true });
      const existing = new Set(await names(root));
      // two backups in the same millisecond would share a name: step the clock instead of overwriting
      let at = now();
      while (existing.has(backupName(at, reason))) at = new Date(at.getTime() + 1);
      const name = backupName(at, reason);
      await writeFile(backupPath(root, name), bytes);
      const written = await entry(root, name);
      if (!written) throw new Error(`备份「${name}」写入后找不到`);
      for (const old of backupsToPrune(await files(root), { keep, justWritten: name })) {
        await fsp.rm(backupPath(root, old), { force: true }).catch(() => undefined);
      }
      return written;
    },
    async list() {
      return (await files(path.resolve(dir()))).sort(compareNewestFirst);
    },
    async read(name) {
      const full = backupPath(dir(), name);
      const st = await fsp.lstat(full).catch(() => undefined);
      if (!st?.isFile()) throw new Error(`找不到备份「${name}」`);
      if (st.size > BACKUP_LIMITS.maxBytes) throw new Error(`备份「${name}」超过上限 ${BACKUP_LIMITS.maxBytes / 1024 / 1024} MB`);
      return new Uint8Array(await fsp.readFile(full));
    },
  };
}
