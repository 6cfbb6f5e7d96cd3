// Top bar: which school, whether everything is saved, the period's approval state, and the
// three things done every week — 审核, 导出, and (rarely) 编辑学校信息.
import type { ReactNode } from 'react';
import { Badge, Button, Space, Tag } from 'antd';
import { AuditOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import type { PeriodRecord } from '../../db/records';
import { SaveStatus } from './save-status';
import { DurabilityNotices } from './durability-notices';

export interface WorkspaceHeaderProps {
  schoolName: string;
  record?: PeriodRecord;
  errorCount: number;
  exporting: boolean;
  onAudit: () => void;
  onExport: () => void;
  onEditSchool: () => void;
  /** rarely used actions (空白模板, 示例学校), shown behind 更多 */
  more?: ReactNode;
}

export function WorkspaceHeader(p: WorkspaceHeaderProps) {
  const approved = p.record?.status === '已审核';
  return (
    <header className="ws-header">
      <span className="ws-brand">校表通</span>
      <span className="ws-school" data-testid="school-name">
        {p.schoolName}
      </span>
      <Tag color={approved ? 'green' : 'default'} data-testid="period-status">
        {approved ? `已审核 · 第 ${p.record!.version} 版` : '草稿'}
      </Tag>
      <span className="ws-spacer" />
      <DurabilityNotices />
      <SaveStatus />
      <Space>
        <Button icon={<EditOutlined />} onClick={p.onEditSchool} data-testid="edit-school">
          编辑学校信息
        </Button>
        <Badge count={p.errorCount} size="small" overflowCount={999} title={`${p.errorCount} 条逻辑校验错误`}>
          <Button icon={<AuditOutlined />} onClick={p.onAudit} data-testid="audit-open">
            审核
          </Button>
        </Badge>
        <Button type="primary" icon={<ExportOutlined />} loading={p.exporting} onClick={p.onExport} data-testid="export-button">
          导出
        </Button>
        {p.more}
      </Space>
    </header>
  );
}
