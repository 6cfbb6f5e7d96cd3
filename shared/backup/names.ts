// Names of the automatic backups the desktop app keeps in `<userData>/backups/`. The main process
// makes every name itself (from its clock and a fixed reason word) and accepts from the renderer
// only a name matching BACKUP_NAME_RE exactly, so a name can never become a path elsewhere.

/** Why an automatic backup was made; the word is part of the file name. */
export const BACKUP_REASONS = ['daily', 'migration', 'restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动备份',
  migration: '升级数据库前',
  restore: '恢复或替换全部数据前',
  manual: '手动备份',
};

/** How many automatic backups are kept (besides the newest migration and restore ones, see
 * backupsToPrune); older ones are removed after each new one. */
export const KEEP_BACKUPS = 30;

/** `xiaobiao-backup-20261125-083000-123-daily.json`: local time to the millisecond, then the reason. */
export const BACKUP_NAME_RE = /^xiaobiao-backup-(\d{8})-(\d{6})-(\d{3})-(daily|migration|restore|manual)\.json$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupName(at: Date, reason: BackupReason): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `xiaobiao-backup-${day}-${time}-${pad(at.getMilliseconds(), 3)}-${reason}.json`;
}

export function isBackupName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 64 && BACKUP_NAME_RE.test(name);
}

/** When and why a backup was made, read back from its name; undefined for any other name. */
export function parseBackupName(name: string): { at: Date; reason: BackupReason } | undefined {
  const m = BACKUP_NAME_RE.exec(name);
  if (!m) return undefined;
  const [d, t, ms] = [m[1]!, m[2]!, m[3]!];
  const at = new Date(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6), +ms);
  return Number.isNaN(at.getTime()) ? undefined : { at, reason: m[4] as BackupReason };
}

/** A backup file as the folder shows it: its name and, where known, when it was last written (mtime). */
export interface BackupFileInfo {
  name: string;
  savedAt?: number;
}

/** Newest first: by when the file was written, then by the time in its name. The name alone is
 * not enough — with the PC clock set back, a new backup's name sorts before older ones. */
export function compareNewestFirst(a: BackupFileInfo, b: BackupFileInfo): number {
  const t = (f: BackupFileInfo) => f.savedAt ?? parseBackupName(f.name)?.at.getTime() ?? 0;
  return t(b) - t(a) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);
}

/**
 * Which backups to delete so that the newest `keep` remain (newest by compareNewestFirst), plus,
 * whatever their age, the file just written, the newest `migration` backup (the only copy from
 * before a database upgrade) and the newest `restore` backup (the data as it was before the last
 * restore). Names that are not backups are never touched nor counted. Oldest first.
 */
export function backupsToPrune(files: readonly BackupFileInfo[], opts: { keep?: number; justWritten?: string } = {}): string[] {
  const keep = opts.keep ?? KEEP_BACKUPS;
  const ours = files.filter((f) => isBackupName(f.name)).sort(compareNewestFirst);
  const kept = new Set(ours.slice(0, Math.max(0, keep)).map((f) => f.name));
  if (opts.justWritten) kept.add(opts.justWritten);
  for (const reason of ['migration', 'restore'] as const) {
    const newest = ours.find((f) => parseBackupName(f.name)?.reason === reason);
    if (newest) kept.add(newest.name);
  }
  return ours.filter((f) => !kept.has(f.name)).map((f) => f.name).reverse();
}
