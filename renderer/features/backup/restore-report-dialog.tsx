// 更多 → 打开校表通导出的报表…: choose a workbook, see whose it is and what restoring would change,
// then 恢复 backs up the data on this computer and replaces that ONE period (one transaction), or 取消
// leaves everything as it was. The file is read and checked whole before anything is shown; a file
// that cannot be restored only ever produces a message naming file, sheet, row and column.
import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Space, Spin, Typography, message } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { previewRestore, readChosenFile, type RestorePreview } from './restore-preview';
import { restorePeriod } from './restore-period-repo';
import { clearGridHistories, historyKey } from '../entry/use-grid-history';
import { useRestoreFlow } from './use-restore-flow';
import { platform as hostPlatform, type Platform } from '../../platform';
import { useStore } from '../../state/store';
import { RestorePreviewView } from './restore-preview-view';

export interface RestoreReportDialogProps {
  open: boolean;
  onClose: () => void;
  packs: Map<string, Pack>;
  school: SchoolProfile;
  /** the report and period on screen: restoring another one switches to it */
  showing: { submission: string; period: string };
  platform?: Platform;
}

export function RestoreReportDialog({ open, onClose, packs, school, showing, platform = hostPlatform }: RestoreReportDialogProps) {
  const [preview, setPreview] = useState<RestorePreview>();
  const [confirmed, setConfirmed] = useState(false);
  const flow = useRestoreFlow({ platform, onClose, onReset: () => { setPreview(undefined); setConfirmed(false); } });
  const { input, busy, error, close } = flow;

  const choose = async (file: File | undefined) => {
    if (file) await flow.load(async () => setPreview(await previewRestore(file.name, await readChosenFile(file), packs, school)));
  };
  const approvedHere = preview?.current?.status === '已审核';
  const restore = async () => {
    if (!preview) return;
    const { book } = preview;
    if (!(await flow.restore(() => restorePeriod(book.data, { fileName: book.fileName, overwriteApproved: confirmed })))) return;
    const { submission, period, status, version } = book.data;
    clearGridHistories(historyKey(submission, period, '')); // undo steps of the replaced period
    message.success(`已从「${book.fileName}」恢复 ${submission} ${period}（${status}，第 ${version} 版）`);
    // show the restored period; stay on the open sheet when it is the period on screen
    if (showing.submission !== submission) useStore.getState().selectSubmission(submission, period);
    else if (showing.period !== period) useStore.getState().selectPeriod(period);
    close();
  };

  return (
    <Modal
      open={open}
      width={920}
      title="打开校表通导出的报表"
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close} data-testid="restore-cancel">取消</Button>,
        <Button key="ok" type="primary" danger={preview?.hasData} disabled={!preview || busy || (approvedHere && !confirmed)} loading={busy && !!preview} onClick={() => void restore()} data-testid="restore-confirm">
          恢复
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph style={{ margin: 0 }}>
          选择本校用校表通导出的报表工作簿（.xlsx），可恢复其中一期的数据：名册、统计表填报格、指标表、说明、审核状态和版本。
          只替换这一期，其他期间不变。已审核的上学年（上月）报表恢复后即作为上期，用于与上期比较的审核和“显示上期数”。
        </Typography.Paragraph>
        <input ref={input} type="file" accept=".xlsx" hidden data-testid="restore-file" onChange={(e) => void choose(e.target.files?.[0])} />
        <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()} disabled={busy} data-testid="restore-choose">
          {preview ? '换一个文件…' : '选择文件…'}
        </Button>
        {busy && !preview && <Spin tip="正在读取和检查文件…"><div style={{ height: 40 }} /></Spin>}
        {error && <Alert type="error" showIcon message={error} data-testid="restore-error" />}
        {preview && <RestorePreviewView preview={preview} />}
        {approvedHere && (
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="restore-approved-confirm">
            本机这一期已审核通过（第 {preview!.current!.version} 版），我确认用文件中的数据替换它
          </Checkbox>
        )}
        {flow.safetyFailed && (
          <Checkbox checked={flow.skipSafety} onChange={(e) => flow.setSkipSafety(e.target.checked)} data-testid="restore-skip-safety">
            不先备份，直接用文件中的数据替换本机的这一期（本机这一期现有数据将无法找回）
          </Checkbox>
        )}
      </Space>
    </Modal>
  );
}
