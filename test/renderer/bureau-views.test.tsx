// The bureau's views on a received district: 报送情况 (state words, rates per 乡镇, filters),
// 全区汇总 (a total equal to an independent sum over the schools' own data, by 乡镇 and by
// 举办者, drill-down to the schools in it) and 规划指标 (district indicators with the schools
// that miss them, the 差异系数 of 小学 and 初中). Files are received as the app receives them.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BureauWorkspace } from '../../renderer/features/bureau/bureau-workspace';
import { receiveVerdict } from '../../renderer/features/bureau/receive-flow';
import { registryOf, verifyReport } from '../../renderer/features/bureau/engine';
import { db } from '../../renderer/db/db';
import { computeStatTable, packConditionContext } from '../../shared/compute/stat-table';
import type { StatSheet } from '../../shared/pack/schema';
import { approvedXnc, districtDrop, REGISTRY } from '../fixtures/bureau/district-files';
import { luojiang, renderApp, resetAll } from './helpers';
import '../../renderer/features/dashboard/echart';

vi.mock('../../renderer/features/dashboard/echart', () => ({
  EChart: ({ testId }: { testId?: string }) => <div data-testid={testId ?? 'echart'} />,
}));

const BUREAU = { name: '德阳市罗江区教育局', regionCode: '510626', packId: 'luojiang' };
let drop: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
  drop = await districtDrop(luojiang());
}, 60_000);
// received on 2025-09-18, before the XNC due date (2025-09-20): on time. Only Date is faked (Dexie needs real timers)
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-09-18T10:00:00+08:00'));
  await resetAll();
  await db.registry.bulkPut(REGISTRY.map((s) => ({ code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural, source: 'import' as const, addedAt: 'x' })));
  const pack = luojiang();
  const registry = registryOf(BUREAU, REGISTRY);
  for (const [i, f] of drop.entries()) await receiveVerdict(i, verifyReport(f.bytes, f.name, new Map([[pack.id, pack]]), registry), f.bytes, { pack, bureau: BUREAU });
});
afterAll(() => vi.useRealTimers());

const stateOf = (code: string) => screen.getByTestId(`state-${code}`);

describe('bureau views', { timeout: 60_000 }, () => {
  it('报送情况: a state word for every registry school, rates for the district and per 乡镇, filters', async () => {
    renderApp(<BureauWorkspace bureau={BUREAU} pack={luojiang()} onEdit={() => undefined} />);
    await screen.findByTestId('completeness-table');
    for (const code of ['5106262001', '5106262002', '5106262003', '5106262004']) {
      expect(stateOf(code).dataset.state).toBe('已报');
      expect(stateOf(code).textContent).toContain('已报 v1');
    }
    expect(stateOf('5106262005').dataset.state).toBe('哈希不符');
    expect(stateOf('5106262005').textContent).toContain('内容与校验值不符');
    expect(stateOf('5106262006').dataset.state).toBe('未报');
    // the unknown school's file is not in the matrix: it is not in the registry
    expect(screen.queryByTestId('state-5106262099')).toBeNull();
    expect(screen.getByTestId('rate-全区').textContent).toContain('已报 4 / 6 所');
    expect(screen.getByTestId('rate-全区').textContent).toContain('66.7%');
    expect(screen.getByTestId('rate-金山镇').textContent).toContain('已报 2 / 2 所');
    expect(screen.getByTestId('rate-略坪街道').textContent).toContain('已报 0 / 1 所');

    fireEvent.change(screen.getByPlaceholderText('学校名称或标识码'), { target: { value: '金山' } });
    await waitFor(() => expect(within(screen.getByTestId('completeness-table')).getAllByRole('row')).toHaveLength(3));
  });

  it('after the due date a school that has not reported is overdue', async () => {
    vi.setSystemTime(new Date('2025-10-20T10:00:00+08:00'));
    renderApp(<BureauWorkspace bureau={BUREAU} pack={luojiang()} onEdit={() => undefined} />);
    await screen.findByTestId('completeness-table');
    expect(stateOf('5106262006').textContent).toContain('已过截止日期');
    expect(stateOf('5106262001').dataset.state).toBe('已报');
  });

  it('全区汇总: a total equals the sum over the schools’ own data, by 乡镇 too, and drills down to them', async () => {
    const pack = luojiang();
    const sheet = pack.sheets.jj3112 as StatSheet;
    const own = (code: string) => {
      const school = REGISTRY.find((s) => s.code === code)!;
      const data = approvedXnc(pack, school);
      return computeStatTable(sheet, data, packConditionContext(pack, data)).rows.find((r) => r.code === '01')!.cells.find((c) => c.key === 'enrol')!.value!;
    };
    // 3112 is the 小学 sheet: the two 小学 and the 九年一贯制 school; the tampered 小学 does not count
    const expected = own('5106262001') + own('5106262002') + own('5106262004');
    renderApp(<BureauWorkspace bureau={BUREAU} pack={luojiang()} onEdit={() => undefined} />);
    fireEvent.click(await screen.findByText('全区汇总'));
    await screen.findByTestId('totals-table');
    expect(screen.getByTestId('totals-count').textContent).toContain('汇总 3 所学校');
    expect(Number(screen.getByTestId('total-01-enrol').textContent)).toBe(expected);

    fireEvent.click(screen.getByTestId('total-01-enrol'));
    const drill = await screen.findByTestId('totals-drill');
    expect(drill.textContent).toContain('罗江区万安小学');
    expect(drill.textContent).toContain('罗江区博文学校');
    expect(drill.textContent).not.toContain('罗江区略坪小学');
    expect(drill.textContent).toContain(`汇总（3 所）${expected}`);
    fireEvent.click(screen.getByRole('button', { name: /close|关闭/i }));

    // by 乡镇: 金山镇 holds one 小学; by 举办者: the 民办 九年一贯制 school alone
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const pick = async (testId: string, option: string) => {
      await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
      const options = await screen.findAllByTitle(option);
      await user.click(options[options.length - 1]!);
    };
    await pick('totals-breakdown', '乡镇（街道）');
    await pick('totals-group', '金山镇');
    await waitFor(() => expect(Number(screen.getByTestId('total-01-enrol').textContent)).toBe(own('5106262002')));
    await pick('totals-breakdown', '举办者');
    await pick('totals-group', '民办');
    await waitFor(() => expect(Number(screen.getByTestId('total-01-enrol').textContent)).toBe(own('5106262004')));
  });

  it('规划指标: district indicators with their status and the 差异系数 of 小学 and 初中', async () => {
    renderApp(<BureauWorkspace bureau={BUREAU} pack={luojiang()} onEdit={() => undefined} />);
    fireEvent.click(await screen.findByText('规划指标'));
    const table = await screen.findByTestId('district-indicators', {}, { timeout: 20_000 });
    // *pop* targets wait for the 适龄人口 the bureau has not entered yet
    expect(within(table).getByTestId('district-kindergarten-gross-enrolment').dataset.status).toBe('needsPopulation');
    expect(within(table).getAllByRole('row').some((r) => ['met', 'missed'].includes((r as HTMLElement).dataset.status ?? ''))).toBe(true);
    expect(screen.getByTestId('balance-小学').textContent).toMatch(/小学（3 所，综合差异系数 (\d\.\d{3}|—)，每项应 ≤ 0.5）/);
    expect(screen.getByTestId('balance-初中').textContent).toContain('每项应 ≤ 0.45');
    expect(screen.getByTestId('balance-summary').textContent).toContain('享受优质义务教育的学生比例');
  });
});
