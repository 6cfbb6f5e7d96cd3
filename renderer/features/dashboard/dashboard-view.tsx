// 规划指标: the school's own value of every school-level plan target, with its target, whether it
// is met and how it moved over the stored periods. Follows edits: the periods are read in a live
// query, so a changed 名册 or 指标表 shows here at once.
import { lazy, Suspense, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Drawer, Empty, Spin, Tag } from 'antd';
import { LineChartOutlined } from '@ant-design/icons';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { computeDashboard, DASHBOARD_STATUS_TEXT, type DashboardIndicator } from '../../../shared/compute/dashboard';
import { periodLabel } from '../../../shared/model/period';
import { formatAmount, formatTarget } from '../../../shared/pack/targets';
import { loadAllPeriods } from '../../db/all-periods-repo';
import { dashboardChartOptions } from './dashboard-options';
// ECharts (half a megabyte) loads when the drawer first opens, not with the first screen
const EChart = lazy(() => import('./echart').then((m) => ({ default: m.EChart })));
import './targets.css';
import './dashboard.css';

function MetTag({ d }: { d: DashboardIndicator }) {
  if (!d.latest) return <span className="targets-note">—</span>;
  return d.latest.met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>;
}

function IndicatorRow({ d, periodText }: { d: DashboardIndicator; periodText: (sub: string, p: string) => string }) {
  return (
    <tr data-testid={`dash-row-${d.target.id}`}>
      <td className="targets-name">
        {d.target.name}
        {d.source ? <div className="targets-note">{d.source}</div> : null}
      </td>
      <td className="targets-value" data-col="value">
        {d.latest ? formatAmount(d.latest.value, d.target.unit) : <span className="targets-note">{d.reason ?? DASHBOARD_STATUS_TEXT[d.status]}</span>}
      </td>
      <td data-col="target">{formatTarget(d.target)}</td>
      <td data-col="met">
        <MetTag d={d} />
      </td>
      <td data-col="period">{d.latest ? periodText(d.submission!, d.latest.period) : '—'}</td>
    </tr>
  );
}

function DashboardBody({ pack, school }: { pack: Pack; school: SchoolProfile }) {
  const periods = useLiveQuery(() => loadAllPeriods(), []);
  const periodText = useMemo(() => {
    const kinds = new Map(pack.submissions.map((s) => [s.code, s.periodKind]));
    return (sub: string, p: string) => periodLabel(kinds.get(sub) ?? 'month', p);
  }, [pack]);
  const indicators = useMemo(() => (periods ? computeDashboard(pack, school, periods) : []), [pack, school, periods]);
  const charts = useMemo(() => dashboardChartOptions(indicators, periodText), [indicators, periodText]);
  if (!periods) return <Spin />;
  if (indicators.length === 0) return <Empty description="本报表包没有学校可算的规划指标" />;
  const computed = indicators.filter((d) => d.latest);
  const met = computed.filter((d) => d.latest!.met).length;
  return (
    <>
      <p className="targets-help" data-testid="dash-summary">
        共 {indicators.length} 项学校可算指标，本校已有数据 {computed.length} 项，其中达标 {met} 项、未达标 {computed.length - met} 项。
        “本校值”取最近一期的数据，由各期的名册、指标表和月报自动计算。
      </p>
      <table className="targets-table" data-testid="dash-table">
        <thead>
          <tr>
            <th>指标</th>
            <th>本校值</th>
            <th>目标</th>
            <th>是否达标</th>
            <th>期间</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((d) => (
            <IndicatorRow key={d.target.id} d={d} periodText={periodText} />
          ))}
        </tbody>
      </table>
      {charts.bar ? (
        <section className="dash-chart">
          <h4>比例指标：本校最近一期与目标（绿色达标，红色未达标，黑色竖线为目标）</h4>
          <EChart option={charts.bar} height={60 + 36 * charts.barRows} testId="dash-bar" />
        </section>
      ) : null}
      {charts.trends.length ? (
        <section className="dash-chart">
          <h4>各期变化（虚线为目标）</h4>
          <div className="dash-trends">
            {charts.trends.map((t) => (
              <div key={t.id} className="dash-trend" data-testid={`dash-trend-${t.id}`}>
                <div className="dash-trend-title">{t.title}</div>
                <EChart option={t.option} height={200} />
              </div>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

export interface DashboardViewProps {
  pack: Pack;
  school: SchoolProfile;
  open: boolean;
  onClose: () => void;
}

export function DashboardView({ pack, school, open, onClose }: DashboardViewProps) {
  return (
    <Drawer title={`规划指标：${school.name}`} open={open} onClose={onClose} size={960} data-testid="dashboard-view">
      {/* mounted only while open: the live query and the charts cost nothing when closed */}
      {open ? (
        <Suspense fallback={<Spin />}>
          <DashboardBody pack={pack} school={school} />
        </Suspense>
      ) : null}
    </Drawer>
  );
}

/** The sidebar entry, next to 规划目标, and the drawer it opens. */
export function DashboardEntry({ pack, school }: { pack: Pack; school: SchoolProfile }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="text" block icon={<LineChartOutlined />} className="targets-entry dash-entry" data-testid="dashboard-open" onClick={() => setOpen(true)}>
        规划指标
      </Button>
      <DashboardView pack={pack} school={school} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
