// The district's plan indicators (met / missed, with the schools that miss each) and the
// 义务教育校际差异系数 of 小学 and 初中 against ≤ 0.50 / ≤ 0.45, with the share of students in
// schools meeting the 优质均衡 校级 standard. Figures from district-model.ts.
import { Collapse, Table, Tag } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import { formatAmount, formatTarget } from '../../../shared/pack/targets';
import { DISTRICT_STATUS_LABEL, type DistrictIndicator } from '../../../shared/consolidate/district-indicators';
import { EChart } from '../dashboard/echart';
import type { DashboardOption } from '../dashboard/dashboard-options';
import { balanceChart, indicatorsChart, type DistrictView } from './district-model';

const STATUS_COLOR: Record<DistrictIndicator['status'], string> = { met: 'green', missed: 'red', needsPopulation: 'gold', noData: 'default', noFormula: 'default' };
const fmt = (v: number | null, unit: string) => (v === null ? '—' : formatAmount(Math.round(v * 100) / 100, unit));
const cv = (v: number | null) => (v === null ? '—' : v.toFixed(3));

export function DistrictPanel({ view }: { pack: Pack; view: DistrictView }) {
  const chart = indicatorsChart(view.indicators);
  const b = view.balance;
  return (
    <>
      {chart && <EChart option={chart as DashboardOption} height={60 + 30 * (chart.yAxis as { data: string[] }).data.length} testId="district-chart" />}
      <Table
        size="small"
        rowKey={(d) => d.target.id}
        pagination={false}
        data-testid="district-indicators"
        dataSource={view.indicators}
        onRow={(d) => ({ 'data-testid': `district-${d.target.id}`, 'data-status': d.status } as React.HTMLAttributes<HTMLElement>)}
        expandable={{
          rowExpandable: (d) => d.missing.length > 0,
          expandedRowRender: (d) => (
            <ul>{d.missing.map((s) => <li key={s.schoolCode}>{s.schoolName}（{s.schoolCode}）：{fmt(s.value, d.target.unit)}</li>)}</ul>
          ),
        }}
        columns={[
          { title: '指标', key: 'n', render: (_, d) => d.target.name },
          { title: '全区值', key: 'v', width: 100, render: (_, d) => fmt(d.value, d.target.unit) },
          { title: '目标', key: 't', width: 100, render: (_, d) => formatTarget(d.target) },
          { title: '', key: 's', width: 120, render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{DISTRICT_STATUS_LABEL[d.status]}</Tag> },
          { title: '未达标学校', key: 'm', width: 100, render: (_, d) => (d.missing.length ? `${d.missing.length} 所` : '') },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
      <h3>义务教育校际差异系数{b.period ? `（${b.period} 学年）` : ''}</h3>
      <p data-testid="balance-summary">
        达到优质均衡校级标准（7 项中至少 6 项达标、其余不低于标准的 85%）的学校 {b.standardSchools} / {b.schools} 所；
        享受优质义务教育的学生比例 {b.studentShare === null ? '—' : `${Math.round(b.studentShare * 10) / 10}%`}。
      </p>
      <Collapse
        defaultActiveKey={b.stages.map((s) => s.stage)}
        items={b.stages.map((s) => ({
          key: s.stage,
          label: (
            <span data-testid={`balance-${s.stage}`}>
              {s.stage}（{s.schools.length} 所，综合差异系数 {cv(s.compositeCv)}，每项应 ≤ {s.maxCv}）{' '}
              {s.allMet === undefined ? <Tag>数据不全</Tag> : s.allMet ? <Tag color="green">均达标</Tag> : <Tag color="red">有指标超出</Tag>}
            </span>
          ),
          children: (
            <>
              <EChart option={balanceChart(s) as DashboardOption} height={240} />
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={s.indicators}
                columns={[
                  { title: '指标', dataIndex: 'label' },
                  { title: '学校数', dataIndex: 'schools', width: 70 },
                  { title: '均值 X̄', key: 'm', width: 100, render: (_, i) => (i.mean === null ? '—' : Math.round(i.mean * 100) / 100) },
                  { title: '差异系数', key: 'cv', width: 90, render: (_, i) => cv(i.cv) },
                  { title: '', key: 'ok', width: 80, render: (_, i) => (i.met === undefined ? '—' : i.met ? <Tag color="green">达标</Tag> : <Tag color="red">超出</Tag>) },
                ]}
              />
            </>
          ),
        }))}
      />
    </>
  );
}
