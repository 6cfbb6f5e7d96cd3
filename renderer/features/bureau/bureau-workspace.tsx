// The bureau's workspace: which submission × period, then 报送情况 (completeness), 接收报表,
// 学校名册, 全区汇总 (district totals), 规划指标 (dashboard) and 适龄人口.
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { Button, Select, Spin, Tabs } from 'antd';
import type { BureauProfile } from '../../../shared/consolidate/types';
import type { Pack } from '../../../shared/pack/schema';
import { dueDate } from '../../../shared/model/period';
import { defaultPeriod, periodOptions, todayIso } from '../workspace/periods';
import { useBureauData, type BureauData } from './use-bureau-data';
import { ReceivePanel } from './receive-panel';
import { RegistryPanel } from './registry-panel';
import { CompletenessView } from './completeness-view';
import { TotalsView } from './totals-view';
import { PopulationTable } from './population-table';

// ECharts (half a megabyte) loads when the dashboard tab first opens
const BureauDashboard = lazy(() => import('./bureau-dashboard').then((m) => ({ default: m.BureauDashboard })));

/**
 * What the bureau holds, read for the open tab only: while files are received the 接收报表 tab
 * reads nothing, so a drop of 300 files does not re-read every held report after each one.
 */
function WithData({ submission, period, children }: { submission: string; period: string; children: (d: BureauData) => ReactNode }) {
  const data = useBureauData(submission, period);
  return data ? <>{children(data)}</> : <Spin />;
}

export interface BureauWorkspaceProps {
  bureau: BureauProfile;
  pack: Pack;
  onEdit: () => void;
}

export function BureauWorkspace({ bureau, pack, onEdit }: BureauWorkspaceProps) {
  const today = todayIso();
  const [submission, setSubmission] = useState(pack.submissions[0]?.code ?? '');
  const sub = pack.submissions.find((s) => s.code === submission) ?? pack.submissions[0]!;
  const [periods, setPeriods] = useState<Record<string, string>>({});
  const period = periods[sub.code] ?? defaultPeriod(sub, today);
  const options = useMemo(() => periodOptions(sub, today), [sub, today]);
  const schools = useLiveQuery(() => db.registry.count(), []);
  const due = dueDate(sub, period);
  const [tab, setTab] = useState('completeness');
  const withData = (render: (d: BureauData) => ReactNode) => <WithData submission={sub.code} period={period}>{render}</WithData>;

  const body = (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      items={[
        { key: 'completeness', label: '报送情况', children: withData((data) => <CompletenessView pack={pack} bureau={bureau} submission={sub} period={period} due={due} data={data} />) },
        { key: 'receive', label: '接收报表', children: <ReceivePanel pack={pack} bureau={bureau} /> },
        { key: 'registry', label: `学校名册（${schools ?? '…'}）`, children: withData((data) => <RegistryPanel pack={pack} registry={data.registry} />) },
        { key: 'totals', label: '全区汇总', children: withData((data) => <TotalsView pack={pack} bureau={bureau} submission={sub} period={period} data={data} />) },
        {
          key: 'dashboard', label: '规划指标',
          children: (
            <Suspense fallback={<Spin />}>
              {withData((data) => <BureauDashboard pack={pack} bureau={bureau} submission={sub} period={period} data={data} />)}
            </Suspense>
          ),
        },
        { key: 'population', label: '适龄人口', children: withData((data) => <PopulationTable rows={data.population} />) },
      ]}
    />
  );

  return (
    <div className="bureau-ws">
      <header className="ws-header">
        <span className="ws-brand">校表通</span>
        <span className="ws-school" data-testid="bureau-title">{bureau.name}</span>
        <span className="ws-spacer" style={{ flex: 1 }} />
        <Select
          data-testid="bureau-submission"
          value={sub.code}
          style={{ width: 200 }}
          onChange={setSubmission}
          options={pack.submissions.map((s) => ({ value: s.code, label: s.name }))}
        />
        <Select
          data-testid="bureau-period"
          value={period}
          style={{ width: 150 }}
          onChange={(p) => setPeriods({ ...periods, [sub.code]: p })}
          options={options.map((o) => ({ value: o.value, label: o.label }))}
        />
        <span className="ws-due">截止 {due}</span>
        <Button onClick={onEdit} data-testid="bureau-edit">编辑教育局信息</Button>
      </header>
      <div className="bureau-body">{body}</div>
    </div>
  );
}
