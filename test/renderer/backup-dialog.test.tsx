// 数据与备份…: the persist() answer and a nearly full disk shown; a backup file previewed before
// anything is written; 取消 and a bad file write nothing; 恢复 backs the current data up first,
// and nothing is replaced when that backup fails. Header notices: quota, web reminder, daily backup.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { backupBytes, makeBackup, parseBackup } from '../../shared/backup/backup-file';
import { demoSchool } from '../../shared/demo/demo-school';
import { BackupDialog } from '../../renderer/features/backup/backup-dialog';
import { DurabilityNotices } from '../../renderer/features/workspace/durability-notices';
import { SaveStatus } from '../../renderer/features/workspace/save-status';
import { readDump } from '../../renderer/features/backup/backup-repo';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { LAST_DOWNLOAD_KEY, resetDailyBackup } from '../../renderer/features/backup/backup-service';
import type { StorageApi } from '../../renderer/lib/storage-status';
import type { BackupFolder, Platform } from '../../renderer/platform/types';
import { QUOTA_MESSAGE } from '../../renderer/state/save-error';
import { trackSave } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll } from './helpers';

const MB = 1024 * 1024;
const storage = (persisted: boolean, usage = 10 * MB, quota = 1000 * MB): StorageApi => ({
  persist: async () => persisted,
  persisted: async () => persisted,
  estimate: async () => ({ usage, quota }),
});

const here = demoSchool({ pack: luojiang(), type: '小学', today: '2026-11-25' });
const other = demoSchool({ pack: luojiang(), type: '初级中学', today: '2026-11-25' });
const otherFile = backupBytes(makeBackup({ school: { ...other.school, code: '5106260099', name: '罗江区第二中学' }, periods: other.periods, appVersion: '0.1.0', now: new Date(2026, 10, 20, 9, 0) }));

function desktop(write: BackupFolder['write'] = vi.fn(async () => ({ name: 'xiaobiao-backup-20261125-080000-000-restore.json', size: 1, savedAt: 1 }))) {
  const backups = { write: vi.fn(write), list: vi.fn(async () => []), read: vi.fn(async () => new Uint8Array()) };
  const platform: Platform = { kind: 'electron', saveFile: vi.fn(async () => ({ saved: false })), backups };
  return { platform, backups };
}

function choose(bytes: Uint8Array, name: string) {
  fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [new File([bytes as BlobPart], name)] } });
}

beforeEach(async () => {
  await resetAll();
  await replaceSchoolData(here);
  localStorage.clear();
  resetDailyBackup();
});

describe('数据与备份 dialog', () => {
  it('shows the browser’s persist() answer and how much storage is used', async () => {
    const { platform } = desktop();
    renderApp(<BackupDialog open onClose={() => undefined} school={here.school} platform={{ ...platform, kind: 'web', backups: undefined }} storage={storage(true)} />);
    await waitFor(() => expect(screen.getByTestId('storage-persist').textContent).toContain('浏览器已同意长期保存'));
    expect(screen.getByTestId('storage-persist').textContent).toContain('已用 10.0 MB');
  });

  it('a refused persist() asks for regular backups; a nearly full disk is warned about', async () => {
    const { platform } = desktop();
    renderApp(<BackupDialog open onClose={() => undefined} school={here.school} platform={{ ...platform, kind: 'web', backups: undefined }} storage={storage(false, 970 * MB)} />);
    await waitFor(() => expect(screen.getByTestId('storage-persist').textContent).toContain('未获长期保存许可：浏览器在磁盘空间不足时可能清除本机数据，请定期下载备份'));
    // the usage estimate may answer after persist(): wait for it too
    await waitFor(() => expect(screen.getByTestId('storage-warning-dialog').textContent).toMatch(/存储空间快用完了：已用 970\.0 MB，只剩 30\.0 MB/));
  });

  it('previews a backup; 取消 writes nothing and makes no backup', async () => {
    const { platform, backups } = desktop();
    const before = await readDump();
    const onClose = vi.fn();
    renderApp(<BackupDialog open onClose={onClose} school={here.school} platform={platform} storage={storage(true)} />);
    choose(otherFile, '二中备份.json');
    await waitFor(() => expect(screen.getByTestId('backup-summary').textContent).toContain('罗江区第二中学（5106260099）'));
    expect(screen.getByTestId('backup-summary').textContent).toContain(`${other.periods.length} 期`);
    expect(screen.getByTestId('backup-other-school').textContent).toContain('不是本机现在的学校');
    expect(screen.getByTestId('backup-periods').textContent).toMatch(/SPAQ 食品安全月报.*草稿/);
    fireEvent.click(screen.getByTestId('backup-cancel'));
    expect(onClose).toHaveBeenCalled();
    expect(backups.write).not.toHaveBeenCalled();
    expect(await readDump()).toEqual(before);
  });

  it('a bad file: a Chinese message naming file and path, nothing written', async () => {
    const { platform, backups } = desktop();
    const before = await readDump();
    renderApp(<BackupDialog open onClose={() => undefined} school={here.school} platform={platform} storage={storage(true)} />);
    const bad = JSON.parse(new TextDecoder().decode(otherFile));
    bad.periods[1].status = '已上报';
    choose(new TextEncoder().encode(JSON.stringify(bad)), '坏备份.json');
    await waitFor(() => expect(screen.getByTestId('backup-error').textContent).toMatch(/文件「坏备份\.json」不是有效的校表通备份：\s*periods\[1\]\.status/));
    expect(screen.getByTestId('backup-restore-confirm')).toHaveProperty('disabled', true);
    choose(new Uint8Array([0x50, 0x4b, 3, 4]), '报表.json');
    await waitFor(() => expect(screen.getByTestId('backup-error').textContent).toContain('文件「报表.json」'));
    expect(backups.write).not.toHaveBeenCalled();
    expect(await readDump()).toEqual(before);
  });

  it('恢复 backs up the current data first, then replaces everything with the file', async () => {
    let atBackup: string | undefined;
    const { platform, backups } = desktop(async (reason, bytes) => {
      atBackup = `${reason}:${parseBackup('x', bytes).school.name}`;
      return { name: 'xiaobiao-backup-20261125-080000-000-restore.json', size: bytes.length, savedAt: 1 };
    });
    const onClose = vi.fn();
    renderApp(<BackupDialog open onClose={onClose} school={here.school} platform={platform} storage={storage(true)} />);
    choose(otherFile, '二中备份.json');
    await waitFor(() => expect(screen.getByTestId('backup-restore-confirm')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backups.write).toHaveBeenCalledOnce();
    expect(atBackup).toBe(`restore:${here.school.name}`); // the data as it was, before the replace
    const now = await readDump();
    expect((now.school[0] as { profile: { name: string } }).profile.name).toBe('罗江区第二中学');
    expect(now.periods.length).toBe(other.periods.length);
  });

  it('when the backup before restoring fails, nothing is replaced', async () => {
    const { platform } = desktop(async () => {
      throw new Error('自动备份失败：无法写入备份文件夹（ENOSPC）');
    });
    const before = await readDump();
    renderApp(<BackupDialog open onClose={() => undefined} school={here.school} platform={platform} storage={storage(true)} />);
    choose(otherFile, '二中备份.json');
    await waitFor(() => expect(screen.getByTestId('backup-restore-confirm')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(screen.getByTestId('backup-error').textContent).toContain('恢复失败，本机数据没有改动：未能先备份本机现有数据'));
    expect(await readDump()).toEqual(before);
  });

  it('…and only when the user then chooses to go on without it, replaces anyway', async () => {
    const { platform, backups } = desktop(async () => {
      throw new Error('备份内容无效');
    });
    const onClose = vi.fn();
    renderApp(<BackupDialog open onClose={onClose} school={here.school} platform={platform} storage={storage(true)} />);
    choose(otherFile, '二中备份.json');
    await waitFor(() => expect(screen.getByTestId('backup-restore-confirm')).toHaveProperty('disabled', false));
    expect(screen.queryByTestId('backup-skip-safety')).toBeNull();
    fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(screen.getByTestId('backup-skip-safety')).toBeTruthy());
    fireEvent.click(screen.getByTestId('backup-skip-safety'));
    fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backups.write).toHaveBeenCalledOnce(); // the failed attempt only
    expect((await readDump()).periods.length).toBe(other.periods.length);
  });
});

describe('header notices', () => {
  it('warns before storage runs out', async () => {
    const { platform } = desktop();
    renderApp(<DurabilityNotices platform={platform} storage={storage(true, 100 * MB, 130 * MB)} />);
    await waitFor(() => expect(screen.getByTestId('storage-warning').getAttribute('title')).toContain('只剩 30.0 MB'));
  });

  it('web: reminds to download a backup, downloads JSON, and stops reminding', async () => {
    const saveFile = vi.fn(async () => ({ saved: true }));
    renderApp(<DurabilityNotices platform={{ kind: 'web', saveFile }} storage={storage(false)} />);
    await waitFor(() => expect(screen.getByTestId('backup-reminder').textContent).toContain('还没有备份 · 下载备份'));
    fireEvent.click(screen.getByTestId('backup-reminder'));
    await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull());
    expect(saveFile).toHaveBeenCalledOnce();
    const [name, bytes, mime] = saveFile.mock.calls[0] as unknown as [string, Uint8Array, string];
    expect(name).toMatch(new RegExp(`^${here.school.code}_${here.school.name}_备份_\\d{4}-\\d{2}-\\d{2}_\\d{4}\\.json$`));
    expect(mime).toBe('application/json');
    expect(parseBackup(name, bytes).periods.length).toBe(here.periods.length);
    expect(Number(localStorage.getItem(LAST_DOWNLOAD_KEY))).toBeGreaterThan(0);
  });

  it('desktop: the first start of the day writes the daily backup', async () => {
    const { platform, backups } = desktop();
    renderApp(<DurabilityNotices platform={platform} storage={storage(true)} />);
    await waitFor(() => expect(backups.write).toHaveBeenCalledOnce());
    expect(backups.write.mock.calls[0]![0]).toBe('daily');
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
  });
});

describe('a full disk while saving', () => {
  it('shows 保存失败 with the storage message, never 已保存', async () => {
    renderApp(<SaveStatus />);
    const quota = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    await trackSave(Promise.reject(quota));
    await waitFor(() => expect(screen.getByTestId('save-status').getAttribute('data-state')).toBe('error'));
    expect(screen.getByTestId('save-status').textContent).toContain(QUOTA_MESSAGE);
  });
});
