// Names of automatic backups, which to prune, and when to back up (desktop) or remind (web).
import { describe, expect, it } from 'vitest';
import { backupName, backupsToPrune, isBackupName, KEEP_BACKUPS, parseBackupName } from '../../shared/backup/names';
import { backupReminderDue, dailyBackupDue, daysSince } from '../../shared/backup/schedule';

const at = (d: number, h = 8, m = 0) => new Date(2026, 10, d, h, m).getTime();

describe('backup names', () => {
  it('round-trips time and reason', () => {
    const when = new Date(2026, 10, 25, 8, 30, 5, 42);
    const name = backupName(when, 'daily');
    expect(name).toBe('xiaobiao-backup-20261125-083005-042-daily.json');
    expect(parseBackupName(name)).toEqual({ at: when, reason: 'daily' });
  });

  it.each([
    '../xiaobiao-backup-20261125-083005-042-daily.json',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'xiaobiao-backup-20261125-083005-042-daily.json/..',
    'xiaobiao-backup-20261125-083005-042-evil.json',
    'xiaobiao-backup-20261125-083005-042-daily.json\u0000.png',
    'xiaobiao-backup-2026112-083005-042-daily.json',
    'XIAOBIAO-BACKUP-20261125-083005-042-DAILY.JSON',
    '',
  ])('refuses %j', (name) => {
    expect(isBackupName(name)).toBe(false);
    expect(parseBackupName(name)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['xiaobiao-backup-20261125-083005-042-daily.json']]) expect(isBackupName(v)).toBe(false);
  });
});

describe('backupsToPrune', () => {
  const names = Array.from({ length: 35 }, (_, i) => backupName(new Date(2026, 0, 1 + i), i % 2 ? 'daily' : 'manual'));
  const files = (list: string[]) => list.map((name) => ({ name }));
  it('keeps the newest 30, deleting the oldest, whatever order they are listed in', () => {
    const shuffled = files([...names].reverse());
    expect(backupsToPrune(shuffled)).toEqual(names.slice(0, 5));
    expect(KEEP_BACKUPS).toBe(30);
  });
  it('never touches other files and deletes nothing at or under the limit', () => {
    expect(backupsToPrune(files([...names.slice(0, 30), 'notes.txt', '报表.xlsx']))).toEqual([]);
    expect(backupsToPrune(files([...names, 'notes.txt']), { keep: 34 })).toEqual([names[0]]);
  });
  it('orders by when the file was written: a backup made with the clock set back is the newest', () => {
    // 30 backups written on 1–30 Jan; then the clock falls back to 2025 and a restore backup is made
    const old = names.slice(0, 30).map((name, i) => ({ name, savedAt: new Date(2026, 0, 1 + i).getTime() }));
    const behind = { name: backupName(new Date(2025, 0, 1), 'daily'), savedAt: new Date(2026, 0, 31).getTime() };
    expect(backupsToPrune([...old, behind])).toEqual([names[0]]);
  });
  it('never prunes the file just written, even when everything says it is the oldest', () => {
    const written = backupName(new Date(2020, 0, 1), 'daily');
    const all = files([...names.slice(0, 30), written]);
    expect(backupsToPrune(all)).toEqual([written]);
    expect(backupsToPrune(all, { justWritten: written })).toEqual([]);
    expect(backupsToPrune(all, { justWritten: written, keep: 29 })).toEqual([names[0]]);
  });
  it('keeps the newest migration and the newest restore backup past the last 30', () => {
    const migration = [backupName(new Date(2025, 5, 1), 'migration'), backupName(new Date(2025, 6, 1), 'migration')];
    const restore = [backupName(new Date(2025, 7, 1), 'restore'), backupName(new Date(2025, 8, 1), 'restore')];
    const pruned = backupsToPrune(files([...migration, ...restore, ...names]));
    expect(pruned).toEqual([migration[0], restore[0], ...names.slice(0, 5)]);
  });
});

describe('dailyBackupDue', () => {
  it('backs up on the first start of a day when the data changed since the last backup', () => {
    expect(dailyBackupDue({ now: at(25), lastBackupAt: at(24, 9), lastChangeAt: at(24, 17) })).toBe(true);
  });
  it('not twice a day, not without a change, not with an empty database', () => {
    expect(dailyBackupDue({ now: at(25, 15), lastBackupAt: at(25, 8), lastChangeAt: at(25, 14) })).toBe(false);
    expect(dailyBackupDue({ now: at(25), lastBackupAt: at(24, 18), lastChangeAt: at(24, 17) })).toBe(false);
    expect(dailyBackupDue({ now: at(25), lastBackupAt: undefined, lastChangeAt: undefined })).toBe(false);
  });
  it('the first backup ever is due as soon as there is data', () => {
    expect(dailyBackupDue({ now: at(25), lastBackupAt: undefined, lastChangeAt: at(25, 7) })).toBe(true);
  });
});

describe('backupReminderDue (web)', () => {
  it('reminds when never downloaded and there is data', () => {
    expect(backupReminderDue({ now: at(25), lastBackupAt: undefined, lastChangeAt: at(20) })).toBe(true);
    expect(backupReminderDue({ now: at(25), lastBackupAt: undefined, lastChangeAt: undefined })).toBe(false);
  });
  it('reminds after more than 7 days, only when the data changed since', () => {
    expect(backupReminderDue({ now: at(25), lastBackupAt: at(17), lastChangeAt: at(24) })).toBe(true);
    expect(backupReminderDue({ now: at(25), lastBackupAt: at(18, 9), lastChangeAt: at(24) })).toBe(false);
    expect(backupReminderDue({ now: at(25), lastBackupAt: at(10), lastChangeAt: at(9) })).toBe(false);
    expect(daysSince(at(25), at(17))).toBe(8);
  });
});
