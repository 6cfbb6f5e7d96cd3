// Both bureau packs reach the app, and the workspace shows the bureau's plan targets (规划目标)
// read-only, grouped into 学校可算 and 区级汇总.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SetupPage } from '../../renderer/features/setup/setup-page';
import { Workspace } from '../../renderer/features/workspace/workspace';
import { getPack, packList, packLoad } from '../../renderer/lib/packs';
import type { Pack } from '../../shared/pack/schema';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

beforeEach(resetAll);

function shuangliu(): Pack {
  const pack = getPack('shuangliu');
  if (!pack) throw new Error('seed pack shuangliu did not load');
  return pack;
}

const SL_SCHOOL = { ...SCHOOL, code: '5101161001', name: '双流区实验小学', township: '东升街道', phone: '028-85812345', packId: 'shuangliu' };

/** The row's cells as text, in column order: 指标(+说明), 目标, 属性, 目标年份, 2020 年, 出处. */
const cells = (id: string) => [...screen.getByTestId(`target-${id}`).querySelectorAll('td')].map((td) => td.textContent);

describe('bundled packs', { timeout: 20_000 }, () => {
  it('bundles 罗江 and 双流, and the setup page offers both bureaus', async () => {
    expect(packLoad.error).toBeUndefined();
    expect(packList().map((p) => p.id).sort()).toEqual(['luojiang', 'shuangliu']);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderApp(<SetupPage packs={packList()} onSaved={() => undefined} />);
    await user.click(within(screen.getByTestId('setup-pack')).getByRole('combobox'));
    expect(await screen.findByTitle('德阳市罗江区教育局')).toBeTruthy();
    const sl = await screen.findByTitle('成都市双流区教育局');
    await user.click(sl);
    expect(screen.getByTestId('setup-pack').textContent).toContain('成都市双流区教育局');
  });
});

describe('规划目标', { timeout: 30_000 }, () => {
  it('opens from the sidebar below the sheet list and lists 罗江 targets by level', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderApp(<Workspace pack={luojiang()} school={SCHOOL} onEditSchool={() => undefined} />);
    const entry = await screen.findByTestId('targets-open');
    const lastSheet = screen.getAllByTestId(/^sheet-nav-/).at(-1)!;
    expect(lastSheet.compareDocumentPosition(entry) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(entry.textContent).toContain('规划目标');

    await user.click(entry);
    const school = await screen.findByTestId('targets-school');
    const district = screen.getByTestId('targets-district');
    expect(school.querySelector('h4')!.textContent).toContain('学校可算');
    expect(district.querySelector('h4')!.textContent).toContain('区级汇总');
    // 7 school-level and 12 district-level targets in the 罗江 plan
    expect(school.querySelectorAll('tbody tr')).toHaveLength(7);
    expect(district.querySelectorAll('tbody tr')).toHaveLength(12);

    expect(within(school).getByTestId('target-student-fitness-pass-rate')).toBeTruthy();
    expect(cells('student-fitness-pass-rate').slice(1)).toEqual(['≥ 95%', '正文', '2025 年', '—', '第三章第二节']);
    expect(cells('teacher-health-check-interval').slice(1)).toEqual(['≤ 2 年', '正文', '2025 年', '—', '第三章第三节']);
    expect(within(district).getByTestId('target-kindergarten-gross-enrolment')).toBeTruthy();
    expect(cells('kindergarten-gross-enrolment')[0]).toContain('3－5周岁学前三年毛入园率');
    expect(cells('kindergarten-gross-enrolment').slice(1)).toEqual(['≥ 98%', '预期性', '2025 年', '97.39%', '第二章第三节 主要预期指标']);
    expect(cells('vocational-general-ratio')[0]).toContain('45:55'); // the full ratio, in the note
    // read-only: no inputs in the drawer
    expect(screen.getByTestId('targets-view').querySelector('input, textarea, select')).toBeNull();
  });

  it('shows 双流 targets with their own figures, years and properties', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderApp(<Workspace pack={shuangliu()} school={SL_SCHOOL} onEditSchool={() => undefined} />);
    await user.click(await screen.findByTestId('targets-open'));
    const school = await screen.findByTestId('targets-school');
    const district = screen.getByTestId('targets-district');
    expect(school.querySelectorAll('tbody tr')).toHaveLength(24);
    expect(district.querySelectorAll('tbody tr')).toHaveLength(13);
    expect(cells('student-fitness-pass-rate').slice(1)).toEqual(['≥ 98%', '全周期', '2025 年', '—', '分阶段目标任务一览表·全周期1']);
    expect(cells('sports-arts-2plus1-completion').slice(1, 3)).toEqual(['= 100%', '全周期']);
    expect(cells('food-safety-satisfaction').slice(1, 3)).toEqual(['≥ 90%', '终期']);
    expect(cells('teacher-health-check-interval')[1]).toBe('≤ 1 年');
    expect(within(district).getByTestId('target-balance-index')).toBeTruthy();
    expect(cells('balance-index').slice(1)).toEqual(['≤ 0.45', '近期', '2022 年', '0.35', '分阶段目标任务一览表·近期26']);
    expect(cells('kindergarten-teacher-college-rate').slice(1, 4)).toEqual(['≥ 90%', '前置性', '2022 年']);
  });
});
