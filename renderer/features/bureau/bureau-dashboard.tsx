// 规划指标 of the district: the district indicators and 校际差异系数 (district-panel.tsx), the
// schools that meet and miss each school-level target, and the reporting rates — ECharts, loaded
// with this tab only (bureau-workspace.tsx).
import { useMemo } from 'react';
import { Collapse, Empty, Tag } from 'antd';
import type { BureauProfile } from '../../../shared/consolidate/types';
import type { Pack, Submission } from '../../../shared/pack/schema';
import { formatAmount, formatTarget } from '../../../shared/pack/targets';
import { EChart } from '../dashboard/echart';
import type { DashboardOption } from '../dashboard/dashboard-options';
import { ratesChart, schoolTargets, targetsChart } from './dashboard-model';
import { completeness } from './completeness-model';
import { DistrictPanel } from './district-panel';
import { districtReports, districtView } from './district-model';
import { populationTable } from './bureau-repo';
import type { BureauData } from './use-bureau-data';

export interface BureauDashboardProps {
  pack: Pack;
  bureau: BureauProfile;
  submission: Submission;
  period: string;
  data: BureauData;
}

export function BureauDashboard({ pack, bureau, submission, period, data }: BureauDashboardProps) {
  const reports = useMemo(() => districtReports(data.registry, data.held), [data.registry, data.held]);
  const view = useMemo(
    () => districtView(pack, reports, populationTable(data.population), submission.code === 'XNC' ? period : undefined),
    [pack, reports, data.population, submission, period],
  );
  const targets = useMemo(() => schoolTargets(pack, data.registry, data.held), [pack, data.registry, data.held]);
  const { rates } = useMemo(() => completeness(pack, bureau, submission.code, period, data, new Date().toISOString()), [pack, bureau, submission, period, data]);
  return (
    <div data-testid="bureau-dashboard">
      <h3>全区规划指标</h3>
      <DistrictPanel pack={pack} view={view} />
      <h3>学校层面的规划指标</h3>
      {targets.length === 0 ? (
        <Empty description="还没有可计算学校指标的报表" />
      ) : (
        <>
          <EChart option={targetsChart(targets) as DashboardOption} height={60 + 32 * targets.length} testId="bureau-targets-chart" />
          <Collapse
            data-testid="bureau-targets"
            items={targets.map((t) => ({
              key: t.target.id,
              label: (
                <span data-testid={`target-${t.target.id}`}>
                  {t.target.name}（目标 {formatTarget(t.target)}）：<Tag color="green">达标 {t.met.length} 所</Tag>
                  <Tag color={t.missed.length ? 'red' : 'default'}>未达标 {t.missed.length} 所</Tag>
                </span>
              ),
              children: t.missed.length ? (
                <ul>{t.missed.map((s) => <li key={s.code}>{s.name}（{s.code}）：{formatAmount(s.value, t.target.unit)}</li>)}</ul>
              ) : '所有已报学校均达标',
            }))}
          />
        </>
      )}
      <h3>{submission.name} 报送率</h3>
      {data.registry.length ? <EChart option={ratesChart(rates) as DashboardOption} height={260} testId="bureau-rates-chart" /> : <Empty description="还没有学校名册" />}
    </div>
  );
}
