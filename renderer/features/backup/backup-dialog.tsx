// 更多 → 数据与备份…: where the data lives and whether the browser may evict it, a backup made
// now, the desktop app's automatic backups, and 从文件恢复…. A backup is checked whole and shown
// (whose, when, what) before anything is written; 恢复 first backs up the data on this computer,
// then replaces everything in ONE transaction. A bad file only ever produces a message.
import { getPack } from '../../lib/packs';
import { useState } from 'react';
import { Alert, Button, Checkbox, Divider, Modal, Space, Typography, message } from 'antd';
import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { parseBackup } from '../../../shared/backup/backup-file';
import { previewBackup, type BackupPreview } from '../../../shared/backup/preview';
import type { SchoolData } from '../../../shared/model/data';
import type { SchoolProfile } from '../../../shared/model/school';
import { replaceSchoolData } from '../../db/replace-all';
import { clearGridHistories } from '../entry/use-grid-history';
import { useRestoreFlow } from './use-restore-flow';
import { useStorageStatus } from '../workspace/use-storage-status';
import { saveBackup } from './backup-service';
import { readChosenFile } from './restore-preview';
import { formatMb, persistText, storageWarning, type StorageApi } from '../../lib/storage-status';
import { platform as hostPlatform, type Platform } from '../../platform';
import { BackupList } from './backup-list';
import { BackupPreviewView } from './backup-preview-view';

export interface BackupDialogProps {
  open: boolean;
  onClose: () => void;
  school?: SchoolProfile;
  platform?: Platform;
  storage?: StorageApi;
}

interface Candidate {
  fileName: string;
  data: SchoolData;
  preview: BackupPreview;
}

export function BackupDialog({ open, onClose, school, platform = hostPlatform, storage }: BackupDialogProps) {
  const state = useStorageStatus(storage);
  const [candidate, setCandidate] = useState<Candidate>();
  const flow = useRestoreFlow({ platform, onClose, onReset: () => setCandidate(undefined) });
  const { input, error, close } = flow;
  const [saving, setSaving] = useState(false);
  const busy = flow.busy || saving;
  const [made, setMade] = useState(0);
  const warning = state && storageWarning(state);

  const check = (fileName: string, read: () => Promise<Uint8Array>) =>
    flow.load(async () => {
      const data = parseBackup(fileName, await read());
      setCandidate({ fileName, data, preview: previewBackup(data, getPack(data.school.packId)) });
    });
  const backupNow = async () => {
    setSaving(true);
    try {
      const r = await saveBackup('manual', platform);
      if (r?.saved) message.success(`已保存备份：${r.where}`);
      setMade((n) => n + 1);
    } catch (e) {
      message.error(`备份失败：${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  };
  const restore = async () => {
    if (!candidate || !(await flow.restore(() => replaceSchoolData(candidate.data)))) return;
    clearGridHistories(); // undo steps refer to the data just replaced
    message.success(`已从「${candidate.fileName}」恢复 ${candidate.preview.schoolName} 的全部数据（${candidate.preview.periods.length} 期）`);
    close();
  };

  return (
    <Modal
      open={open}
      width={820}
      title="数据与备份"
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close} data-testid="backup-cancel">{candidate ? '取消' : '关闭'}</Button>,
        <Button key="ok" type="primary" danger disabled={!candidate || busy} loading={busy && !!candidate} onClick={() => void restore()} data-testid="backup-restore-confirm">
          恢复
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="small">
        <Typography.Paragraph style={{ margin: 0 }} data-testid="storage-persist">
          {persistText(state?.persisted, platform.kind)}
          {state?.usage !== undefined && state.quota ? `（已用 ${formatMb(state.usage)}，可用上限 ${formatMb(state.quota)}）` : ''}
        </Typography.Paragraph>
        {warning && <Alert type="warning" showIcon message={warning} data-testid="storage-warning-dialog" />}
        <Button icon={<DownloadOutlined />} onClick={() => void backupNow()} disabled={busy || !school} data-testid="backup-download">
          {platform.kind === 'web' ? '下载备份' : '另存备份…'}
        </Button>
        {platform.backups && (
          <>
            <Divider style={{ margin: '8px 0' }}>自动备份（每天第一次打开、升级和恢复之前，保留最近 30 份）</Divider>
            <BackupList folder={platform.backups} disabled={busy} refresh={made} onPick={(name) => void check(name, () => platform.backups!.read(name))} />
          </>
        )}
        <Divider style={{ margin: '8px 0' }}>从文件恢复</Divider>
        <Typography.Paragraph style={{ margin: 0 }}>
          选择校表通的备份文件（.json），先查看其中的学校和各期数据，确认后替换本机的全部数据（恢复前自动备份本机现有数据；修改记录保留并记下这次恢复）。
        </Typography.Paragraph>
        <input ref={input} type="file" accept=".json,application/json" hidden data-testid="backup-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void check(f.name, () => readChosenFile(f)); }} />
        <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()} disabled={busy} data-testid="backup-choose">
          从文件恢复…
        </Button>
        {error && <Alert type="error" showIcon message={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>} data-testid="backup-error" />}
        {flow.safetyFailed && (
          <Checkbox checked={flow.skipSafety} onChange={(e) => flow.setSkipSafety(e.target.checked)} data-testid="backup-skip-safety">
            不先备份，直接用文件中的数据替换本机的全部数据（本机现有数据将无法找回）
          </Checkbox>
        )}
                {candidate && <BackupPreviewView fileName={candidate.fileName} preview={candidate.preview} current={school} />}
      </Space>
    </Modal>
  );
}
