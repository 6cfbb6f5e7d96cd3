// Next to 已保存 in the header: a warning when storage is nearly full (before saves start failing),
// and on the web a reminder to download a backup when the last one is over 7 days old (or never
// made) and the data has changed since. On the desktop it also makes the day's automatic backup.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button, Tag, message } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { backupReminderDue, daysSince } from '../../../shared/backup/schedule';
import { lastChangeAt } from '../backup/backup-repo';
import { onTablesChanged } from '../../db/data-changes';
import { useStorageStatus } from './use-storage-status';
import { DAILY_CHECK_MS, lastDownloadAt, runDailyBackup, saveBackup, subscribeDownloads } from '../backup/backup-service';
import { storageWarning, type StorageApi } from '../../lib/storage-status';
import { platform as hostPlatform, type Platform } from '../../platform';

export interface DurabilityNoticesProps {
  platform?: Platform;
  storage?: StorageApi;
  now?: () => number;
}

/**
 * When the data last changed: read once, then "now" after each write, to the minute — the
 * reminder counts days. Not a live query: that re-read three tables after every keystroke.
 */
function useLastChangeAt(): number | undefined {
  const [at, setAt] = useState<number>();
  useEffect(() => {
    let live = true;
    void lastChangeAt().then((t) => live && setAt((cur) => Math.max(cur ?? 0, t ?? 0) || undefined));
    const unwatch = onTablesChanged(['school', 'periods', 'changes'], () => setAt(Math.ceil(Date.now() / 60_000) * 60_000));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return at;
}

export function DurabilityNotices({ platform = hostPlatform, storage, now = Date.now }: DurabilityNoticesProps) {
  const state = useStorageStatus(storage);
  const warning = state && storageWarning(state);
  const changedAt = useLastChangeAt();
  const downloadedAt = useSyncExternalStore(subscribeDownloads, lastDownloadAt);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!platform.backups) return;
    const check = () => void runDailyBackup(platform).catch((e: unknown) => message.warning(`今天的自动备份没有完成：${(e as Error).message}`));
    check();
    const timer = setInterval(check, DAILY_CHECK_MS);
    return () => clearInterval(timer);
  }, [platform]);

  const remind = !platform.backups && backupReminderDue({ now: now(), lastBackupAt: downloadedAt, lastChangeAt: changedAt });
  const download = async () => {
    setBusy(true);
    try {
      await saveBackup('manual', platform);
    } catch (e) {
      message.error(`备份失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {warning && (
        <Tag color="error" icon={<WarningOutlined />} title={warning} data-testid="storage-warning">
          存储空间快满了
        </Tag>
      )}
      {remind && (
        <Button size="small" loading={busy} onClick={() => void download()} data-testid="backup-reminder"
          title="网页版的数据只在这个浏览器里：定期下载一份备份，电脑或浏览器出问题时可以恢复">
          {downloadedAt ? `${daysSince(now(), downloadedAt)} 天未备份 · 下载备份` : '还没有备份 · 下载备份'}
        </Button>
      )}
    </>
  );
}
