// When the app backs up by itself (desktop) or reminds the user to download a backup (web).
// Pure: the caller supplies the clock and the times, so tests pin every case.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days without a downloaded backup after which the web version reminds the user. */
export const REMIND_AFTER_DAYS = 7;

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export interface BackupTimes {
  now: number;
  /** the newest backup's time (ms), undefined when there is none */
  lastBackupAt?: number;
  /** when the data last changed (ms), undefined when the database is empty */
  lastChangeAt?: number;
}

/** Desktop: the first start of a day makes a backup when the data changed since the last one. */
export function dailyBackupDue({ now, lastBackupAt, lastChangeAt }: BackupTimes): boolean {
  if (lastChangeAt === undefined) return false;
  if (lastBackupAt === undefined) return true;
  return localDay(lastBackupAt) !== localDay(now) && lastChangeAt > lastBackupAt;
}

/** Web: remind when there is data changed since the last download and that download is old (or never happened). */
export function backupReminderDue({ now, lastBackupAt, lastChangeAt }: BackupTimes): boolean {
  if (lastChangeAt === undefined) return false;
  if (lastBackupAt === undefined) return true;
  return lastChangeAt > lastBackupAt && now - lastBackupAt > REMIND_AFTER_DAYS * DAY_MS;
}

/** 「3 天前」-style age of a backup for the reminder, in whole days (0 = today). */
export function daysSince(now: number, at: number): number {
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}
