// The main screen: pickers and sheet list on the left, the chosen sheet on the right.
// Submission, period and sheet fall back to sensible defaults (first submission, the period
// containing today, 封面) whenever the stored choice does not apply to this school.
import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Result } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { sheetsFor, submissionsFor } from '../../../shared/pack/applicability';
import { isValidPeriod, periodLabel } from '../../../shared/model/period';
import { countBySeverity } from '../../../shared/audit/run';
import { defaultPeriod, todayIso } from './periods';
import { APP_VERSION } from '../../lib/app-version';
import { useStore } from '../../state/store';
import { useAudit, usePeriodView } from './use-period-data';
import { usePeriodRecord } from './use-period-record';
import { useExport } from './use-export';
import { WorkspaceHeader } from './workspace-header';
import { PeriodPicker } from './period-picker';
import { CopyForwardPrompt } from './copy-forward-prompt';
import { SheetNav } from './sheet-nav';
import { SheetContent } from './sheet-content';
import { AuditPanel } from '../audit/audit-panel';
import { LockedBanner } from './locked-banner';
import { MoreMenu } from './more-menu';
import { TargetsEntry } from '../dashboard/targets-view';
import { DashboardEntry } from '../dashboard/dashboard-view';

export interface WorkspaceProps {
  pack: Pack;
  school: SchoolProfile;
  onEditSchool: () => void;
}

export function Workspace({ pack, school, onEditSchool }: WorkspaceProps) {
  const storedSub = useStore((s) => s.submission);
  const storedPeriod = useStore((s) => s.period);
  const storedSheet = useStore((s) => s.sheetId);
  const selectSheet = useStore((s) => s.selectSheet);
  const [auditOpen, setAuditOpen] = useState(false);

  const submissions = useMemo(() => submissionsFor(pack, school.type), [pack, school.type]);
  const submission = submissions.find((s) => s.code === storedSub) ?? submissions[0];
  const period =
    submission && storedPeriod && isValidPeriod(submission.periodKind, storedPeriod)
      ? storedPeriod
      : submission
        ? defaultPeriod(submission, todayIso())
        : '';
  const sheets = useMemo(() => (submission ? sheetsFor(pack, submission, school.type) : []), [pack, submission, school.type]);
  const sheet = sheets.find((s) => s.id === storedSheet) ?? sheets[0];

  const code = submission?.code ?? '';
  const view = usePeriodView(pack, code, period);
  // the audit and everything it colours re-render at low priority: typing stays responsive
  const { findings, error: auditError } = useAudit(pack, school, useDeferredValue(view));
  const record = usePeriodRecord(code, period);
  const { exportNow, exporting } = useExport(pack, school, code, period);

  if (!submission || !sheet) {
    return (
      <Result
        status="warning"
        title="没有需要填报的报表"
        subTitle={`报表包“${pack.name}”没有适用于“${school.type}”的报表。请在“编辑学校信息”中检查办学类型。`}
        extra={
          <Button type="primary" onClick={onEditSchool}>
            编辑学校信息
          </Button>
        }
      />
    );
  }
  const periodText = periodLabel(submission.periodKind, period);

  return (
    <div className="ws" style={{ height: '100%' }}>
      <WorkspaceHeader
        schoolName={school.name}
        record={record}
        errorCount={countBySeverity(findings).errors}
        exporting={exporting}
        onAudit={() => setAuditOpen(true)}
        onExport={() => void exportNow()}
        onEditSchool={onEditSchool}
        more={<MoreMenu pack={pack} school={school} submission={submission.code} period={period} />}
      />
      <div className="ws-body">
        <aside className="ws-side">
          <PeriodPicker submissions={submissions} submission={submission} period={period} />
          <CopyForwardPrompt pack={pack} schoolType={school.type} submission={submission} period={period} />
          <SheetNav sheets={sheets} sheetId={sheet.id} findings={findings} onSelect={selectSheet} />
          <TargetsEntry pack={pack} />
          <DashboardEntry pack={pack} school={school} />
          <div className="ws-side-foot">
            {pack.bureau} · 报表包 {pack.version}
            <br />
            校表通 {APP_VERSION} · 数据只保存在本机
          </div>
        </aside>
        <main className="ws-content" data-testid="sheet-content">
          <div className="ws-sheet">
            <LockedBanner record={record} onOpenAudit={() => setAuditOpen(true)} />
            <SheetContent
              key={`${code}|${period}|${sheet.id}`}
              pack={pack}
              school={school}
              submission={submission}
              period={period}
              periodText={periodText}
              sheet={sheet}
              findings={findings}
              locked={record?.status === '已审核'}
              onEditSchool={onEditSchool}
              view={view ?? null}
            />
          </div>
        </main>
      </div>
      <AuditPanel
        open={auditOpen}
        onClose={() => setAuditOpen(false)}
        submission={code}
        period={period}
        periodText={`${submission.name} ${periodText}`}
        sheets={sheets}
        findings={findings}
        auditError={auditError}
      />
    </div>
  );
}
