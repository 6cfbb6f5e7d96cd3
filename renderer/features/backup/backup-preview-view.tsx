// What a backup file holds, shown before 恢复: whose data, when it was made, and each period with
// its status, version and how many rows and cells — enough to recognise the right file.
import { Alert, Descriptions, Table } from 'antd';
import type { BackupPreview } from '../../../shared/backup/preview';
import type { SchoolProfile } from '../../../shared/model/school';
import { findSubmission } from '../../../shared/pack/applicability';
import { periodLabel } from '../../../shared/model/period';
import { getPack } from '../../lib/packs';

export interface BackupPreviewViewProps {
  fileName: string;
  preview: BackupPreview;
  /** the school on this computer, if any: a different school is pointed out */
  current?: SchoolProfile;
}

export function BackupPreviewView({ fileName, preview, current }: BackupPreviewViewProps) {
  const pack = getPack(preview.packId);
  const submissionName = (code: string) => {
    const sub = pack ? findSubmission(pack, code) : undefined;
    return sub ? `${code} ${sub.name}` : code;
  };
  const label = (code: string, period: string) => {
    const sub = pack ? findSubmission(pack, code) : undefined;
    return sub ? periodLabel(sub.periodKind, period) : period;
  };
  const other = current && current.code !== preview.schoolCode;
  return (
    <div data-testid="backup-preview">
      <Descriptions size="small" column={2} bordered data-testid="backup-summary">
        <Descriptions.Item label="文件" span={2}>{fileName}</Descriptions.Item>
        <Descriptions.Item label="学校">{`${preview.schoolName}（${preview.schoolCode}）`}</Descriptions.Item>
        <Descriptions.Item label="办学类型">{preview.schoolType}</Descriptions.Item>
        <Descriptions.Item label="备份时间">{preview.savedAt ? new Date(preview.savedAt).toLocaleString('zh-CN') : '—'}</Descriptions.Item>
        <Descriptions.Item label="校表通版本">{preview.appVersion ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="合计" span={2}>{`${preview.periods.length} 期，名册 ${preview.totalRows} 行，填报格 ${preview.totalCells} 格`}</Descriptions.Item>
      </Descriptions>
      {other && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="backup-other-school"
          message={`备份中的学校（${preview.schoolName}）不是本机现在的学校（${current.name}）：恢复后本机将是备份中学校的数据。`}
        />
      )}
      {preview.valueIssues.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="backup-value-issues"
          message={`备份中有 ${preview.valueIssues.length >= 20 ? '20 个以上' : `${preview.valueIssues.length} 个`}值不合要求（可能是在别处改过的文件）：恢复后审核会把它们标红，请改正后再审核。`}
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{preview.valueIssues.map((w) => <li key={w}>{w}</li>)}</ul>}
        />
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(p) => `${p.submission}|${p.period}`}
        pagination={preview.periods.length > 8 ? { pageSize: 8, size: 'small' } : false}
        dataSource={preview.periods}
        data-testid="backup-periods"
        columns={[
          { title: '报表', key: 'sub', render: (_, p) => submissionName(p.submission) },
          { title: '期间', key: 'period', render: (_, p) => label(p.submission, p.period) },
          { title: '状态', key: 'status', render: (_, p) => (p.status === '已审核' ? `已审核（第 ${p.version} 版）` : p.status) },
          { title: '名册行', dataIndex: 'rows', align: 'right' },
          { title: '填报格', dataIndex: 'cells', align: 'right' },
          { title: '说明', dataIndex: 'explanations', align: 'right' },
        ]}
      />
    </div>
  );
}
