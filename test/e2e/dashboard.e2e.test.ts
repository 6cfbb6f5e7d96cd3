// 规划指标 in Chromium: the demo school's dashboard draws its ECharts on a real canvas and lists
// the plan's school-level indicators with the school's values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPacks } from '../../shared/cli/seeds';
import { openApp, type AppSession } from './harness';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;
const tid = (id: string) => app.tid(id);
const schoolTargets = seedPacks().get('luojiang')!.targets.filter((t) => t.level === 'school');

beforeAll(async () => {
  app = await openApp(TODAY);
});
afterAll(async () => {
  await app?.close();
});

describe('规划指标 in Chromium', () => {
  it('loads the demo 小学 and opens the dashboard from the sidebar', async () => {
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区');
    await tid('dashboard-open').click();
    await tid('dash-table').waitFor();
  });

  it('lists every school-level indicator with 本校值, 目标 and 是否达标', async () => {
    const rows = app.page.locator('[data-testid="dash-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(schoolTargets.length);
    const fitness = await tid('dash-row-student-fitness-pass-rate').locator('td').allTextContents();
    expect(fitness[0]).toContain('学生体质健康测试合格率');
    expect(fitness[1]).toMatch(/^\d+(\.\d)?%$/);
    expect(fitness[2]).toBe('≥ 95%');
    expect(['达标', '未达标']).toContain(fitness[3]);
    expect(fitness[4]).toBe('2025-2026 学年');
  });

  it('draws the bar chart and the trend lines on canvases of non-zero size', async () => {
    const canvas = tid('dash-bar').locator('canvas');
    await canvas.first().waitFor();
    const box = await canvas.first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(60);
    const trend = tid('dash-trend-student-fitness-pass-rate').locator('canvas').first();
    expect((await trend.boundingBox())!.height).toBeGreaterThan(100);
    // screenshots to look at by hand, outside the repository
    const dir = join(tmpdir(), 'xiaobiao-e2e-shots');
    mkdirSync(dir, { recursive: true });
    await app.page.waitForTimeout(1500); // the drawer's and the charts' animations
    await app.page.screenshot({ path: join(dir, 'dashboard.png'), fullPage: true });
    await tid('dashboard-view').locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.page.screenshot({ path: join(dir, 'dashboard-trends.png') });
    expect(app.pageErrors).toEqual([]);
  });
});
