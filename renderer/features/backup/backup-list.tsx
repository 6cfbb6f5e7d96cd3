// The desktop app's automatic backups (newest first), each restorable through the same preview.
import { useEffect, useState } from 'react';
import { Alert, Button, Table } from 'antd';
import { parseBackupName, REASON_LABELS } from '../../../shared/backup/names';
import type { BackupEntry, BackupFolder } from '../../platform/types';
import { formatMb } from '../../lib/storage-status';

export interface BackupListProps {
  folder: BackupFolder;
  disabled: boolean;
  onPick: (name: string) => void;
  /** changes after each backup made while the dialog is open, to list it */
  refresh: number;
}

export function BackupList({ folder, disabled, onPick, refresh }: BackupListProps) {
  const [list, setList] = useState<BackupEntry[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    folder.list().then(
      (l) => live && setList(l),
      (e: unknown) => live && setError(`无法列出自动备份：${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [folder, refresh]);
  if (error) return <Alert type="error" showIcon message={error} />;
  return (
    <Table
      size="small"
      loading={!list}
      rowKey="name"
      dataSource={list ?? []}
      pagination={(list?.length ?? 0) > 6 ? { pageSize: 6, size: 'small' } : false}
      locale={{ emptyText: '还没有自动备份' }}
      data-testid="backup-list"
      columns={[
        { title: '时间', key: 'at', render: (_, b) => (parseBackupName(b.name)?.at ?? new Date(b.savedAt)).toLocaleString('zh-CN') },
        { title: '原因', key: 'reason', render: (_, b) => { const r = parseBackupName(b.name)?.reason; return r ? REASON_LABELS[r] : ''; } },
        { title: '大小', key: 'size', align: 'right', render: (_, b) => formatMb(b.size) },
        {
          title: '',
          key: 'pick',
          align: 'right',
          render: (_, b) => (
            <Button size="small" disabled={disabled} onClick={() => onPick(b.name)} data-testid="backup-pick">
              恢复…
            </Button>
          ),
        },
      ]}
    />
  );
}
