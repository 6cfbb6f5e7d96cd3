// 规划指标 in jsdom: the table and the chart options (jsdom has no canvas, so the chart itself is
// replaced by a div and checked in Chromium by test/e2e/dashboard.e2e.test.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Workspace } from '../../renderer/features/workspace/workspace';
import { setIndicatorValue } from '../../renderer/features/entry/cells-repo';
import { computeDashboard } from '../../shared/compute/dashboard';
import { dashboardChartOptions, MET_COLOR, MISSED_COLOR } from '../../renderer/features/dashboard/dashboard-options';
import type { PeriodData } from '../../shared/model/data';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';
// the app loads the chart module when the drawer first opens (React.lazy); loaded here up front,
// so the tests' timeouts cover the dashboard and not transforming ECharts
import '../../renderer/features/dashboard/echart';

vi.mock('../../renderer/features/dashboard/echart', () => ({
  EChart: ({ testId }: { testId?: string }) => <div data-testid={testId ?? 'echart'} />,
}));

beforeEach(resetAll);

const cells = (id: string) => [...screen.getByTestId(`dash-row-${id}`).querySelectorAll('td')].map((td) => td.textContent);
const fitness = (period: string) => ({ submission: 'XNC', period, sheetId: 'studentDev' });

describe('规划指标 dashboard', { timeout: 30_000 }, () => {
  it('opens next to 规划目标 and lists every school-level target with the latest value, following edits', async () => {
    // 2024-2025: 190/200 = 95.0% (罗江 target ≥ 95%, met); 2025-2026: 180/200 = 90.0% (missed)
    await setIndicatorValue(fitness('2024-2025'), '01', 200);
    await setIndicatorValue(fitness('2024-2025'), '02', 190);
    await setIndicatorValue(fitness('2025-2026'), '01', 200);
    await setIndicatorValue(fitness('2025-2026'), '02', 180);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderApp(<Workspace pack={luojiang()} school={SCHOOL} onEditSchool={() => undefined} />);
    const entry = await screen.findByTestId('dashboard-open');
    expect(screen.getByTestId('targets-open').compareDocumentPosition(entry) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(entry);

    const table = await screen.findByTestId('dash-table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['指标', '本校值', '目标', '是否达标', '期间']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(7); // 罗江's 7 school-level targets
    expect(cells('student-fitness-pass-rate').slice(1)).toEqual(['90%', '≥ 95%', '未达标', '2025-2026 学年']);
    expect(cells('student-fitness-pass-rate')[0]).toContain('学生发展与满意度 第 03 行');
    // a figure the school states on 教师发展 (row 18), not entered yet
    expect(cells('teacher-health-check-interval').slice(1, 3)).toEqual(['尚无数据', '≤ 2 年']);
    expect(cells('teacher-health-check-interval')[0]).toContain('教师发展 第 18 行');
    expect(screen.getByTestId('dash-bar')).toBeTruthy();
    expect(screen.getByTestId('dash-trend-student-fitness-pass-rate').textContent).toContain('学生体质健康测试合格率');

    // 198/200 = 99.0%: the row follows the edit without reopening
    await act(() => setIndicatorValue(fitness('2025-2026'), '02', 198));
    await waitFor(() => expect(cells('student-fitness-pass-rate').slice(1, 4)).toEqual(['99%', '≥ 95%', '达标']));
    expect(screen.getByTestId('dash-summary').textContent).toContain('达标 1 项、未达标 0 项');
  });
});

describe('dashboardChartOptions', () => {
  const xnc = (period: string, tested: number, passed: number): PeriodData => ({
    submission: 'XNC', period, status: '草稿', version: 0, sheets: { studentDev: { cells: { '01:value': tested, '02:value': passed } } },
  });
  const board = computeDashboard(luojiang(), SCHOOL, [xnc('2023-2024', 100, 97), xnc('2024-2025', 100, 90), xnc('2025-2026', 100, 96)]);
  const charts = dashboardChartOptions(board, (sub, p) => `${sub} ${p}`);

  it('draws the latest value of each rate with a value as a bar coloured by met, and the targets as ticks', () => {
    const bar = charts.bar as { yAxis: { data: string[] }; series: { name: string; data: unknown[] }[] };
    expect(bar.yAxis.data).toEqual(['学生体质健康测试合格率']);
    expect(charts.barRows).toBe(1);
    expect(bar.series[0]!.data).toEqual([{ value: 96, itemStyle: { color: MET_COLOR } }]);
    expect(bar.series[1]).toMatchObject({ name: '目标', type: 'line', data: [[95, '学生体质健康测试合格率']] });
  });

  it('draws a trend line over the three 学年, red where missed, with the target as a dashed mark line', () => {
    expect(charts.trends.map((t) => t.id)).toEqual(['student-fitness-pass-rate']);
    const trend = charts.trends[0]!.option as { xAxis: { data: string[] }; yAxis: { min: number; max: number; interval: number }; series: { data: unknown[]; markLine: { data: unknown[]; label: { formatter: string } } }[] };
    expect(trend.xAxis.data).toEqual(['XNC 2023-2024', 'XNC 2024-2025', 'XNC 2025-2026']);
    expect(trend.series[0]!.data).toEqual([
      { value: 97, itemStyle: { color: MET_COLOR } },
      { value: 90, itemStyle: { color: MISSED_COLOR } },
      { value: 96, itemStyle: { color: MET_COLOR } },
    ]);
    expect(trend.series[0]!.markLine.data).toEqual([{ yAxis: 95 }]);
    expect(trend.series[0]!.markLine.label.formatter).toBe('目标 ≥ 95%');
    // 90…97 and the target 95, padded by 15% of the span (≥ 1) to 88.95…98.05: span 9.1 → step 2,
    // 88 … 100 (98.05 rounds up to 100, which a rate never exceeds)
    expect(trend.yAxis).toMatchObject({ min: 88, max: 100, interval: 2 });
  });

  it('has no bar chart when no rate has a value yet', () => {
    expect(dashboardChartOptions(computeDashboard(luojiang(), SCHOOL, []), () => '').bar).toBeNull();
  });
});
