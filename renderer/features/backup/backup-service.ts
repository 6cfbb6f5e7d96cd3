// Making backups from the renderer: the desktop app writes into its own backups folder through the
// main process; the web version can only hand the user a download. Both use the same file.
import { BACKUP_MIME, backupBytes, backupDownloadName } from '../../../shared/backup/backup-file';
import type { BackupReason } from '../../../shared/backup/names';
import { dailyBackupDue } from '../../../shared/backup/schedule';
import { currentBackup, lastChangeAt } from './backup-repo';
import type { Platform } from '../../platform';

/** localStorage: when the web version last downloaded a backup (ms). */
export const LAST_DOWNLOAD_KEY = 'xiaobiao.lastBackupDownload';

export function lastDownloadAt(): number | undefined {
  const v = Number(globalThis.localStorage?.getItem(LAST_DOWNLOAD_KEY));
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

const downloadListeners = new Set<() => void>();

/** For useSyncExternalStore: the reminder hears of a download made anywhere (header or dialog). */
export function subscribeDownloads(listener: () => void): () => void {
  downloadListeners.add(listener);
  return () => downloadListeners.delete(listener);
}

function markDownloaded(at: number): void {
  try {
    globalThis.localStorage?.setItem(LAST_DOWNLOAD_KEY, String(at));
  } catch {
    // a full localStorage only means the reminder comes again; the backup itself was made
  }
  downloadListeners.forEach((l) => l());
}

export interface BackupMade {
  /** the automatic backup's name, or the saved / downloaded file's path or name */
  where: string;
  /** false: the user cancelled the desktop save dialog */
  saved: boolean;
}

/**
 * Backs up the whole database now. `manual` asks where to save (desktop) or downloads (web); other
 * reasons go into the desktop backups folder, or download on the web. Undefined when there is no
 * school yet (nothing to keep). Rejects when the backup could not be made.
 */
export async function saveBackup(reason: BackupReason, platform: Platform, now: Date = new Date()): Promise<BackupMade | undefined> {
  const data = await currentBackup(now);
  if (!data) return undefined;
  const bytes = backupBytes(data);
  if (platform.backups && reason !== 'manual') return { where: (await platform.backups.write(reason, bytes)).name, saved: true };
  const fileName = backupDownloadName(data.school, now);
  const result = await platform.saveFile(fileName, bytes, BACKUP_MIME);
  if (result.saved) markDownloaded(now.getTime());
  return { where: result.path ?? fileName, saved: result.saved };
}

let daily: Promise<BackupMade | undefined> | undefined;

/** How often an open window checks whether the day's backup is due: a school PC may stay on for days. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;

/**
 * Desktop: backs up once a day when the data changed since the newest backup — at the start and
 * then at each DAILY_CHECK_MS while the app stays open. One check at a time.
 */
export function runDailyBackup(platform: Platform, now: () => Date = () => new Date()): Promise<BackupMade | undefined> {
  daily ??= (async () => {
    if (!platform.backups) return undefined;
    const list = await platform.backups.list();
    const lastBackupAt = list.length ? Math.max(...list.map((b) => b.savedAt)) : undefined;
    const at = now();
    if (!dailyBackupDue({ now: at.getTime(), lastBackupAt, lastChangeAt: await lastChangeAt() })) return undefined;
    return saveBackup('daily', platform, at);
  })().finally(() => {
    daily = undefined;
  });
  return daily;
}

/** For tests: forget a check still running. */
export function resetDailyBackup(): void {
  daily = undefined;
}
