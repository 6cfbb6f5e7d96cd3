// Wraps the whole app: once another window has upgraded (or deleted) the database, this
// window can no longer save, so a banner asks for a reload and everything under it is inert —
// no typing that would only end in 保存失败.
import { useSyncExternalStore, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { dbWatch } from '../../db/db';
import type { DbWatch } from '../../db/version-watch';

export interface VersionGateProps {
  children: ReactNode;
  watch?: DbWatch;
  reload?: () => void;
}

export function VersionGate({ children, watch = dbWatch, reload = () => location.reload() }: VersionGateProps) {
  const superseded = useSyncExternalStore(watch.subscribe, watch.superseded);
  const stopped = superseded !== undefined;
  return (
    <>
      {stopped && (
        <Alert
          banner
          type="warning"
          data-testid="version-banner"
          title={
            superseded === null
              ? '本机数据已在另一个窗口中被删除，这个窗口已停止保存。'
              : `本机数据已被另一个窗口中更新版本的校表通打开（数据版本 ${superseded}），这个窗口已停止保存。请重新加载本页后继续填写。`
          }
          action={
            <Button size="small" type="primary" onClick={reload} data-testid="version-reload">
              重新加载
            </Button>
          }
        />
      )}
      {/* display: contents keeps the app's layout; the same element either way, so nothing remounts */}
      <div style={{ display: 'contents' }} inert={stopped} data-testid="version-gate">
        {children}
      </div>
    </>
  );
}
