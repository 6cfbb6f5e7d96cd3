// One ECharts chart on a div. Only the charts and components the dashboard uses are
// registered (echarts/core), so the bundle carries no more of ECharts than it needs.
import { useEffect, useRef } from 'react';
import { init, use, type ECharts } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { DashboardOption } from './dashboard-options';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export interface EChartProps {
  option: DashboardOption;
  height: number;
  testId?: string;
}

export function EChart({ option, height, testId }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const c = init(el.current!);
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    // the drawer's width settles after it opens; follow the container too, not only the window
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resize);
    observer?.observe(el.current!);
    return () => {
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // replace, not merge: an indicator that lost its values must lose its bar
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
