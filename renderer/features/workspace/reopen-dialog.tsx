// 取消审核 asks why: an approved version may already be with the bureau, so withdrawing it is
// recorded in the 修改记录 with the reason the administrator writes here (required).
import { useState } from 'react';
import { Input, Modal } from 'antd';

export interface ReopenDialogProps {
  open: boolean;
  periodText: string;
  version: number;
  onCancel: () => void;
  /** called with the trimmed reason; the dialog stays open (busy) until it settles */
  onConfirm: (reason: string) => Promise<void>;
}

export function ReopenDialog({ open, periodText, version, onCancel, onConfirm }: ReopenDialogProps) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = !reason.trim();
  const close = () => {
    setReason('');
    setTouched(false);
    onCancel();
  };
  const confirm = async () => {
    setTouched(true);
    if (missing) return;
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setReason('');
      setTouched(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`取消审核：${periodText}`}
      open={open}
      okText="取消审核"
      cancelText="返回"
      okButtonProps={{ danger: true, loading: busy, ...({ 'data-testid': 'reopen-confirm' } as Record<string, string>) }}
      onOk={() => void confirm()}
      onCancel={close}
      destroyOnHidden
    >
      <p>
        取消后第 {version} 版不再有效，数据回到草稿状态可以修改；再次审核通过时为第 {version + 1} 版。请写明取消审核的原因（记入修改记录）：
      </p>
      <Input.TextArea
        rows={3}
        maxLength={200}
        showCount
        value={reason}
        placeholder="例如：教育局退回，3 班学生数有误"
        status={touched && missing ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        data-testid="reopen-reason"
      />
      {touched && missing && (
        <div className="ant-form-item-explain-error" role="alert" data-testid="reopen-reason-error">
          请填写取消审核的原因
        </div>
      )}
    </Modal>
  );
}
