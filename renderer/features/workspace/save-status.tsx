// 已保存 / 保存中… / 保存失败 in the header: the user's proof that typing reached the disk.
// It tells the truth at every moment (no delay before 保存中…): an e2e test or a careful user
// waiting for 已保存 before closing the window must be able to rely on it.
import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useStore } from '../../state/store';

export function clockText(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function SaveStatus() {
  const pending = useStore((s) => s.pending);
  const lastSavedAt = useStore((s) => s.lastSavedAt);
  const lastError = useStore((s) => s.lastError);

  if (lastError) {
    return (
      <span className="save-status error" data-testid="save-status" data-state="error" role="alert" title={lastError}>
        <CloseCircleOutlined /> 保存失败：{lastError}
      </span>
    );
  }
  if (pending > 0) {
    return (
      <span className="save-status" data-testid="save-status" data-state="saving" aria-live="polite">
        <LoadingOutlined /> 保存中…
      </span>
    );
  }
  return (
    <span
      className="save-status"
      data-testid="save-status"
      data-state="saved"
      aria-live="polite"
      title="所有改动都已保存在本机"
    >
      <CheckCircleOutlined style={{ color: '#389e0d' }} /> 已保存{lastSavedAt ? ` ${clockText(lastSavedAt)}` : ''}
    </span>
  );
}
