// What the bureau's 规划指标 dashboard shows, built by pure functions (jsdom has no canvas):
// for each school-level plan target, which schools meet it and which miss it (each school's own
// value, from its held reports, computed as the school's dashboard computes it), and the charts.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { HeldReport, RegistrySchool } from '../../../shared/consolidate/types';
import type { Pack, Target } from '../../../shared/pack/schema';
import { profileOf } from '../../../shared/consolidate/district-reports';
import { computeDashboard } from '../../../shared/compute/dashboard';
import { MET_COLOR, MISSED_COLOR } from '../dashboard/dashboard-options';
import type { CompletenessRate } from '../../../shared/consolidate/completeness';

export type BureauChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

export interface SchoolTargetSummary {
  target: Target;
  met: { code: string; name: string; value: number }[];
  missed: { code: string; name: string; value: number }[];
}


export function schoolTargets(pack: Pack, registry: readonly RegistrySchool[], held: readonly HeldReport[]): SchoolTargetSummary[] {
  const bySchool = new Map<string, HeldReport[]>();
  for (const h of held) bySchool.set(h.schoolCode, [...(bySchool.get(h.schoolCode) ?? []), h]);
  const out = new Map<string, SchoolTargetSummary>(
    pack.targets.filter((t) => t.level === 'school').map((t) => [t.id, { target: t, met: [], missed: [] }]),
  );
  for (const s of registry) {
    const reports = bySchool.get(s.code);
    if (!reports) continue;
    for (const d of computeDashboard(pack, profileOf(s, pack.id), reports.map((r) => r.data))) {
      if (!d.latest) continue;
      const entry = { code: s.code, name: s.name, value: d.latest.value };
      (d.latest.met ? out.get(d.target.id)!.met : out.get(d.target.id)!.missed).push(entry);
    }
  }
  return [...out.values()].filter((x) => x.met.length + x.missed.length > 0);
}

/** One stacked bar per school-level target: how many schools meet it, how many miss it. */
export function targetsChart(rows: readonly SchoolTargetSummary[]): BureauChartOption {
  const names = rows.map((r) => r.target.name);
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['达标学校', '未达标学校'] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '所', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 260, overflow: 'truncate' } },
    series: [
      { name: '达标学校', type: 'bar', stack: 'n', data: rows.map((r) => r.met.length), itemStyle: { color: MET_COLOR } },
      { name: '未达标学校', type: 'bar', stack: 'n', data: rows.map((r) => r.missed.length), itemStyle: { color: MISSED_COLOR } },
    ],
  };
}

/** 报送率 and 按时报送率 by 乡镇（街道）. */
export function ratesChart(rates: readonly CompletenessRate[]): BureauChartOption {
  const pct = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['报送率', '按时报送率'] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rates.map((r) => r.group) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '报送率', type: 'bar', data: rates.map((r) => pct(r.reportingRate)) },
      { name: '按时报送率', type: 'bar', data: rates.map((r) => pct(r.onTimeRate)) },
    ],
  };
}
