// The desktop's daily backup: once a day when the data changed since the newest backup — also for
// a window left open for days (DurabilityNotices checks every DAILY_CHECK_MS) — and one check at
// a time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry } from '../../shared/ipc/contract';
import type { Platform } from '../../renderer/platform';
import { resetDailyBackup, runDailyBackup } from '../../renderer/features/backup/backup-service';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
let saved: BackupEntry[];
let platform: Platform;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 9, 20, 9, 0));
  await resetAll();
  await saveSchool(SCHOOL);
  resetDailyBackup();
  saved = [];
  platform = {
    kind: 'electron',
    saveFile: vi.fn(async () => ({ saved: false })),
    backups: {
      write: vi.fn(async (reason, bytes) => {
        const entry = { name: `b${saved.length}-${reason}.json`, reason, savedAt: Date.now(), size: bytes.length } as unknown as BackupEntry;
        saved.unshift(entry);
        return entry;
      }),
      list: vi.fn(async () => saved),
      read: vi.fn(async () => new Uint8Array()),
    },
  } as unknown as Platform;
});
afterEach(() => vi.useRealTimers());

describe('daily backup', () => {
  it('runs once a day while the app stays open, each time the data changed', async () => {
    await addRow(CLASSES, { className: '1班' });
    vi.setSystemTime(new Date(2025, 9, 20, 10, 0));
    expect(await runDailyBackup(platform)).toMatchObject({ saved: true });
    vi.setSystemTime(new Date(2025, 9, 20, 11, 0)); // the hourly check, same day
    expect(await runDailyBackup(platform)).toBeUndefined();
    vi.setSystemTime(new Date(2025, 9, 21, 8, 0)); // next morning, nothing typed since
    expect(await runDailyBackup(platform)).toBeUndefined();
    await addRow(CLASSES, { className: '2班' });
    vi.setSystemTime(new Date(2025, 9, 21, 9, 0));
    expect(await runDailyBackup(platform)).toMatchObject({ saved: true });
    expect(saved.map((b) => b.name)).toEqual(['b1-daily.json', 'b0-daily.json']);
  });

  it('two checks at once make one backup', async () => {
    await addRow(CLASSES, { className: '1班' });
    vi.setSystemTime(new Date(2025, 9, 20, 10, 0));
    const [a, b] = await Promise.all([runDailyBackup(platform), runDailyBackup(platform)]);
    expect(a).toEqual(b);
    expect(saved).toHaveLength(1);
  });
});
