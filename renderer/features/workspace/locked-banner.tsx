// The banner over an approved (已审核) period: the data is locked exactly as approved, as in the
// national statistics client, and the way to change it is 取消审核 in the 审核 panel, with a reason.
import { Alert, Button } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { PeriodRecord } from '../../db/records';

export interface LockedBannerProps {
  record: Pick<PeriodRecord, 'status' | 'version' | 'reportDate'> | undefined;
  onOpenAudit: () => void;
}

export function LockedBanner({ record, onOpenAudit }: LockedBannerProps) {
  if (record?.status !== '已审核') return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<LockOutlined />}
      data-testid="locked-banner"
      style={{ marginBottom: 12 }}
      title={`本期已于 ${record.reportDate ?? '—'} 审核通过（第 ${record.version} 版），数据已锁定。如需修改，请在“审核”中取消审核。`}
      action={
        <Button size="small" onClick={onOpenAudit} data-testid="locked-open-audit">
          打开审核
        </Button>
      }
    />
  );
}
