// 导出: audit the stored data once more, warn when it has errors (the file is then a 草稿),
// build the workbook and hand it to the host (native save dialog, or a browser download).
import { useCallback, useState } from 'react';
import { App } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { findSubmission } from '../../../shared/pack/applicability';
import { countBySeverity } from '../../../shared/audit/run';
import { platform } from '../../platform';
import { APP_VERSION } from '../../lib/app-version';
import { auditPeriod, loadPeriodView } from './use-period-data';

export function useExport(pack: Pack, school: SchoolProfile, submission: string, period: string) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  const confirmDraft = useCallback(
    (errors: number) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: '审核未通过',
          content: `存在 ${errors} 条逻辑校验错误，导出的为草稿，仍要导出吗？`,
          okText: '仍要导出',
          cancelText: '取消',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );

  const run = useCallback(async () => {
    const sub = findSubmission(pack, submission);
    if (!sub) return;
    setBusy(true);
    try {
      const view = await loadPeriodView(submission, period, sub.periodKind, pack);
      const { findings, error } = auditPeriod(pack, school, view);
      const { errors } = countBySeverity(findings);
      if (error) throw new Error(error);
      if (errors > 0 && !(await confirmDraft(errors))) return;
      // an approved version with errors (the pack changed since) must not leave as 已审核
      const data = errors > 0 ? { ...view.data, status: '草稿' as const } : view.data;
      // the workbook writer (ExcelJS) is large: load it only when a file is exported
      const { exportReport } = await import('../../../shared/xlsx/export');
      const { fileName, bytes } = await exportReport({ pack, school, data, appVersion: APP_VERSION, previous: view.previous, lookup: view.lookup, history: view.history });
      const saved = await platform.saveFile(fileName, bytes);
      if (!saved.saved) {
        message.info('已取消导出');
        return;
      }
      const what = data.status === '已审核' ? `第 ${data.version} 版` : '草稿';
      const where = saved.path ? `，保存在 ${saved.path}` : platform.kind === 'web' ? '（在浏览器的“下载”中）' : '';
      message.success({
        content: `已导出${what}：${fileName}${where}`,
        duration: 6,
      });
    } catch (e) {
      console.error('导出失败', e);
      message.error({ content: `导出失败：${(e as Error)?.message ?? String(e)}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  }, [pack, school, submission, period, confirmDraft, message]);

  return { exportNow: run, exporting: busy };
}
