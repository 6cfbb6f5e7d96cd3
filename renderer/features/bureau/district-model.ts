// The district's plan indicators and 义务教育校际差异系数 from what the bureau holds: the balance
// helper's pure modules (shared/consolidate/district-indicators.ts, balance.ts) over the held
// reports of registry schools, with the 适龄人口 the bureau entered; and the chart of the rates.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { HeldReport, RegistrySchool } from '../../../shared/consolidate/types';
import type { Pack } from '../../../shared/pack/schema';
import type { DistrictReport } from '../../../shared/consolidate/district-reports';
import { computeBalance, type BalanceResult } from '../../../shared/consolidate/balance';
import { computeDistrictIndicators, type DistrictIndicator } from '../../../shared/consolidate/district-indicators';
import type { PopulationTable } from '../../../shared/consolidate/population';
import { MET_COLOR, MISSED_COLOR } from '../dashboard/dashboard-options';

export type DistrictChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption>;

export { districtReports } from '../../../shared/consolidate/district-reports';

export interface DistrictView {
  indicators: DistrictIndicator[];
  balance: BalanceResult;
}

/** `xncPeriod`: the 学年 the 差异系数 is of (the latest held when absent). */
export function districtView(pack: Pack, reports: readonly DistrictReport[], population: PopulationTable, xncPeriod?: string): DistrictView {
  const balance = computeBalance(pack, reports, xncPeriod ? { period: xncPeriod } : {});
  const indicators = computeDistrictIndicators(pack, reports, { population, balance, ...(xncPeriod ? { periods: { XNC: xncPeriod } } : {}) });
  return { indicators, balance };
}

/** One bar per indicator in % that has a value, green when met, red when missed; the target as a tick. */
export function indicatorsChart(indicators: readonly DistrictIndicator[]): DistrictChartOption | null {
  const rows = indicators.filter((d) => d.value !== null && d.target.unit === '%');
  if (!rows.length) return null;
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((d) => d.target.name), axisLabel: { width: 280, overflow: 'truncate' } },
    series: [
      {
        type: 'bar', name: '全区值',
        data: rows.map((d) => ({ value: Math.round(d.value! * 100) / 100, itemStyle: { color: d.status === 'met' ? MET_COLOR : MISSED_COLOR } })),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
      {
        type: 'bar', name: '目标', barGap: '-100%', silent: true,
        data: rows.map((d) => d.target.value),
        itemStyle: { color: 'transparent', borderColor: '#262626', borderType: 'dashed', borderWidth: 1 },
      },
    ],
  };
}

/** 差异系数 of each indicator of one 学段 against its limit (a dashed line). */
export function balanceChart(stage: BalanceResult['stages'][number]): DistrictChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: stage.indicators.map((i) => i.label), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', name: '差异系数' },
    series: [
      {
        type: 'bar', name: '差异系数',
        data: stage.indicators.map((i) => ({ value: i.cv === null ? 0 : Math.round(i.cv * 1000) / 1000, itemStyle: { color: i.met === false ? MISSED_COLOR : MET_COLOR } })),
        markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#262626' }, data: [{ yAxis: stage.maxCv, name: `≤ ${stage.maxCv}` }], label: { formatter: `≤ ${stage.maxCv}` } },
      },
    ],
  };
}
