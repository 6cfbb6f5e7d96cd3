// ECharts options of the 规划指标 dashboard, built by a pure function so they can be tested
// without a canvas (jsdom has none): one bar chart of the latest value of every rate (%) against
// its target, and one trend line per indicator with values. No animation: the figures are what
// matters, and they redraw on every edit.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { DashboardIndicator } from '../../../shared/compute/dashboard';
import { formatAmount, formatTarget } from '../../../shared/pack/targets';

export type DashboardOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption
>;

export const MET_COLOR = '#389e0d';
export const MISSED_COLOR = '#cf1322';
const TARGET_COLOR = '#262626';

export interface DashboardCharts {
  /** latest value of each rate indicator against its target; null when no rate has a value */
  bar: DashboardOption | null;
  /** how many bars, to size the chart */
  barRows: number;
  trends: { id: string; title: string; option: DashboardOption }[];
}

const colorOf = (met: boolean) => (met ? MET_COLOR : MISSED_COLOR);

/**
 * A y range holding every value and the target with a little room, on a round step (1, 2, 5, 10 …)
 * so the ticks are even; never below 0, and never above 100 for a rate.
 */
export function axisRange(values: readonly number[], target: number, unit: string): { min: number; max: number; interval: number } {
  const lo = Math.min(target, ...values);
  const hi = Math.max(target, ...values);
  const pad = Math.max((hi - lo) * 0.15, 1);
  const span = hi - lo + 2 * pad;
  const steps = [1, 2, 5].flatMap((m) => [1, 10, 100, 1000, 10000].map((p) => m * p)).sort((a, b) => a - b);
  const interval = steps.find((s) => span / s <= 6) ?? 100000;
  const min = Math.max(0, Math.floor((lo - pad) / interval) * interval);
  const max = Math.ceil((hi + pad) / interval) * interval;
  return { min, max: unit === '%' ? Math.min(100, max) : max, interval };
}

/** `periodText` turns a submission's period into what a school reads (2025-2026 学年, 2025年10月). */
export function dashboardChartOptions(
  indicators: readonly DashboardIndicator[],
  periodText: (submission: string, period: string) => string,
): DashboardCharts {
  const rates = indicators.filter((d) => d.target.unit === '%' && d.latest);
  // horizontal bars: the indicators' Chinese names are long, a category y axis keeps them readable
  const bar: DashboardOption | null = rates.length
    ? {
        animation: false,
        grid: { left: 16, right: 48, top: 36, bottom: 24, containLabel: true },
        legend: { top: 0, data: ['目标'] }, // the bars' colours are explained in the heading
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', name: '%', max: 100 },
        yAxis: { type: 'category', inverse: true, data: rates.map((d) => d.target.name), axisLabel: { width: 220, overflow: 'truncate' } },
        series: [
          {
            name: '本校值',
            type: 'bar',
            barMaxWidth: 18,
            data: rates.map((d) => ({ value: d.latest!.value, itemStyle: { color: colorOf(d.latest!.met) } })),
            label: { show: true, position: 'right', formatter: '{c}%' },
          },
          {
            // the target as a short tick across each bar: a line series without its line
            name: '目标',
            type: 'line',
            data: rates.map((d) => [d.target.value, d.target.name]), // [x, category]: the bars lie along y
            symbol: 'rect',
            symbolSize: [3, 24],
            lineStyle: { opacity: 0 },
            itemStyle: { color: TARGET_COLOR },
            z: 3,
          },
        ],
      }
    : null;

  const trends = indicators
    .filter((d) => d.points.length > 0)
    .map((d) => ({
      id: d.target.id,
      title: d.target.name,
      option: {
        animation: false,
        grid: { left: 8, right: 72, top: 28, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: d.points.map((p) => periodText(d.submission!, p.period)) },
        // the axis always reaches the target, so its dashed line shows even when every value is far off
        yAxis: {
          type: 'value',
          name: d.target.unit,
          scale: true,
          ...axisRange(d.points.map((p) => p.value), d.target.value, d.target.unit),
        },
        series: [
          {
            name: '本校值',
            type: 'line',
            data: d.points.map((p) => ({ value: p.value, itemStyle: { color: colorOf(p.met) } })),
            symbol: 'circle',
            symbolSize: 9,
            lineStyle: { color: '#1677ff' },
            label: { show: true, formatter: (x: { value: unknown }) => formatAmount(Number(x.value), d.target.unit) },
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: TARGET_COLOR },
              label: { formatter: `目标 ${formatTarget(d.target)}`, position: 'insideEndTop' },
              data: [{ yAxis: d.target.value }],
            },
          },
        ],
      } satisfies DashboardOption,
    }));
  return { bar, barRows: rates.length, trends };
}
