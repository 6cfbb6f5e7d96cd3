// The header's 更多 menu: things done rarely — a blank template to print, the 修改记录, or the demo school.
import { lazy, Suspense, useState } from 'react';
import { Button, Dropdown, message } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { APP_VERSION } from '../../lib/app-version';
import { todayIso } from './periods';
import { platform } from '../../platform';
import { packLoad, packList } from '../../lib/packs';
import { LazyDemoLoader as DemoLoader } from '../setup/lazy-demo-loader';

// rarely opened, each with its own tables and date pickers: loaded on first open, not with the workspace
const ChangesDrawer = lazy(() => import('../changes/changes-drawer').then((m) => ({ default: m.ChangesDrawer })));
const RestoreReportDialog = lazy(() => import('../backup/restore-report-dialog').then((m) => ({ default: m.RestoreReportDialog })));
const BackupDialog = lazy(() => import('../backup/backup-dialog').then((m) => ({ default: m.BackupDialog })));

export interface MoreMenuProps {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
}

export function MoreMenu({ pack, school, submission, period }: MoreMenuProps) {
  const [demoOpen, setDemoOpen] = useState(false);
  const [changesOpen, setChangesOpen] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [backupOpen, setBackupOpen] = useState(false);
  const template = async () => {
    try {
      // the workbook writer is large: load it only when a file is made
      const { exportTemplate } = await import('../../../shared/xlsx/template');
      const t = await exportTemplate({ pack, submission, schoolType: school.type, period, today: todayIso(), appVersion: APP_VERSION, school });
      const saved = await platform.saveFile(t.fileName, t.bytes);
      if (saved.saved) message.success(`已生成空白模板：${saved.path ?? t.fileName}`);
    } catch (e) {
      message.error(`生成空白模板失败：${(e as Error).message}`);
    }
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'template', label: <span data-testid="download-template">下载本表的空白模板</span> },
            { key: 'changes', label: <span data-testid="changes-open">修改记录</span> },
            { key: 'restore-report', label: <span data-testid="restore-report">打开校表通导出的报表…</span> },
            { key: 'backup', label: <span data-testid="backup-open">数据与备份…</span> },
            { type: 'divider' },
            { key: 'demo', label: <span data-testid="load-demo">载入示例学校…</span>, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'restore-report') return setRestoreOpen(true);
            if (key === 'backup') return setBackupOpen(true);
            return key === 'template' ? void template() : key === 'changes' ? setChangesOpen(true) : setDemoOpen(true);
          },
        }}
      >
        <Button data-testid="more-menu">
          更多 <DownOutlined />
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {/* mounted only while open, so its filters start from the current report and period each time */}
        {changesOpen && (
          <ChangesDrawer open onClose={() => setChangesOpen(false)} pack={pack} school={school} submission={submission} period={period} />
        )}
        {restoreOpen && <RestoreReportDialog open onClose={() => setRestoreOpen(false)} packs={packLoad.packs} school={school} showing={{ submission, period }} />}
        {backupOpen && <BackupDialog open onClose={() => setBackupOpen(false)} school={school} />}
      </Suspense>
      <DemoLoader open={demoOpen} packs={packList()} replaces onClose={() => setDemoOpen(false)} />
    </>
  );
}
