// 规划指标: a 小学 of the 双流区 pack over three 学年 and one month, values worked out by hand.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { computeDashboard, type DashboardIndicator } from '../../shared/compute/dashboard';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { SCHOOL } from '../fixtures/small-school';

const sl = seedPacks().get('shuangliu')!;

const cls = (id: string, stage: string, students: number): LedgerRow => ({ id, stage, grade: '一年级', className: id, students });
function xnc(period: string, tested: number, passed: number, classes: LedgerRow[]): PeriodData {
  return {
    submission: 'XNC', period, status: '草稿', version: 0,
    sheets: { classList: { rows: classes }, studentDev: { cells: { '01:value': tested, '02:value': passed } } },
  };
}
const periods: PeriodData[] = [
  // stored newest first on purpose: the dashboard orders them itself
  xnc('2025-2026', 300, 297, [cls('a', '小学', 990), cls('b', '小学', 1000)]), // 297/300 = 99.0%, 1990 人
  xnc('2023-2024', 200, 190, [cls('a', '小学', 1000), cls('b', '小学', 1100)]), // 190/200 = 95.0%, 2100 人
  xnc('2024-2025', 200, 196, [cls('a', '小学', 1000), cls('b', '小学', 1000)]), // 196/200 = 98.0%, 2000 人
  {
    submission: 'XYAQ', period: '2025-10', status: '草稿', version: 0,
    sheets: {
      safetyConfig: { cells: { '12:value': '是', '11:value': '否', '09:value': '保健室', '10:value': 1 } },
      safetySummary: { cells: { '12:value': 0 } },
    },
  },
];

const board = computeDashboard(sl, SCHOOL, periods);
const byId = (id: string): DashboardIndicator => board.find((d) => d.target.id === id)!;

describe('computeDashboard', () => {
  it('lists every school-level target of the pack, in pack order, and no district one', () => {
    expect(board.map((d) => d.target.id)).toEqual(sl.targets.filter((t) => t.level === 'school').map((t) => t.id));
    expect(board).toHaveLength(24);
  });

  it('follows 学生体质健康达标率 over three 学年, oldest first: 95.0 (missed 98) → 98.0 → 99.0', () => {
    const d = byId('student-fitness-pass-rate');
    expect(d.source).toBe('学生发展与满意度 第 03 行');
    expect(d.points).toEqual([
      { period: '2023-2024', value: 95, met: false },
      { period: '2024-2025', value: 98, met: true },
      { period: '2025-2026', value: 99, met: true },
    ]);
    expect(d.latest).toEqual({ period: '2025-2026', value: 99, met: true });
    expect(d.status).toBe('computed');
  });

  it('counts 大校额 from 班级名册 against ≤ 2000 人: 2100 missed, 2000 and 1990 met', () => {
    const d = byId('large-school-primary-junior');
    expect(d.points.map((p) => [p.value, p.met])).toEqual([[2100, false], [2000, true], [1990, true]]);
    // a 小学 is not a 九年一贯制学校
    expect(byId('large-school-integrated').status).toBe('notApplicable');
  });

  it('turns 安全防范与卫生配置 into 100% / 0% 配备率 and reads the monthly 疫情', () => {
    expect(byId('nutrition-staff-rate').latest).toEqual({ period: '2025-10', value: 100, met: true });
    expect(byId('health-vice-principal-rate').latest).toEqual({ period: '2025-10', value: 0, met: false });
    expect(byId('clinic-standard-coverage').latest?.value).toBe(100); // 保健室 counts
    expect(byId('health-technicians-per-school').latest).toEqual({ period: '2025-10', value: 1, met: true });
    expect(byId('major-epidemics').latest).toEqual({ period: '2025-10', value: 0, met: true });
  });

  it('says why a target has no value instead of hiding it', () => {
    expect(byId('parent-school-rate').status).toBe('noData'); // 家长学校 not answered yet
    expect(byId('major-food-safety-incidents').status).toBe('noData'); // no 食品安全月报 stored
    expect(byId('kindergarten-teacher-college-rate').status).toBe('notApplicable'); // 学前 only
    expect(byId('teacher-it-training-hours').status).toBe('noData'); // no 教职工名册 stored
    expect(byId('teacher-health-check-interval').points).toEqual([]);
    // no 中职 school type in the pack: no school's figure, and the reason is given
    expect(byId('vocational-dual-qualified-rate')).toMatchObject({ status: 'notApplicable', reason: expect.stringContaining('没有中职学校') });
  });
});

describe('targets from 教师发展 rows and from the 高中 班额', () => {
  const teacher = (id: string, itOnline: number, itPractice: number): LedgerRow => ({ id, post: '专任教师', stage: '小学', itOnline, itPractice });
  // 3 专任教师: 线上 20+30+10 = 60 → 人均 20.0; 实践 30+30+15 = 75 → 25.0; 合计 135 → 45.0
  const staffYear: PeriodData = {
    submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
    sheets: {
      staffList: { rows: [teacher('t1', 20, 30), teacher('t2', 30, 30), teacher('t3', 10, 15), { id: 'a1', post: '行政人员', itOnline: 99, itPractice: 99 }] },
      teacherDev: { cells: { '18:value': 1, '19:value': 0 } },
    },
  };
  const d = (id: string, pack = sl, school = SCHOOL, data = [staffYear]) => computeDashboard(pack, school, data).find((x) => x.target.id === id)!;

  it('人均信息技术培训学时 of 专任教师 (教师发展 15–17) against 50 / 20 / 30', () => {
    expect(d('teacher-it-training-hours')).toMatchObject({ source: '教师发展 第 15 行', latest: { period: '2025-2026', value: 45, met: false } });
    expect(d('teacher-it-training-online-hours').latest).toEqual({ period: '2025-2026', value: 20, met: true });
    expect(d('teacher-it-training-practice-hours').latest).toEqual({ period: '2025-2026', value: 25, met: false });
  });

  it('the 体检周期 and 资源教师 a school states (教师发展 18, 19)', () => {
    expect(d('teacher-health-check-interval')).toMatchObject({ source: '教师发展 第 18 行', latest: { value: 1, met: true } }); // 双流: ≤ 1 年
    const lj = seedPacks().get('luojiang')!;
    const two = { ...staffYear, sheets: { ...staffYear.sheets, teacherDev: { cells: { '18:value': 3, '19:value': 0 } } } };
    expect(d('teacher-health-check-interval', lj, { ...SCHOOL, packId: 'luojiang' }, [two]).latest).toEqual({ period: '2025-2026', value: 3, met: false }); // 罗江: ≤ 2 年
    expect(d('resource-teachers-per-school', lj, { ...SCHOOL, packId: 'luojiang' }, [two]).latest).toEqual({ period: '2025-2026', value: 0, met: false });
  });

  it('普通高中起始年级新增大班额: 一年级 classes of 56 and more, only for a school with 高中', () => {
    const lj = seedPacks().get('luojiang')!;
    const senior = { ...SCHOOL, type: '高级中学', packId: 'luojiang' };
    const cls = (id: string, grade: string, students: number): LedgerRow => ({ id, stage: '普通高中', grade, className: id, students });
    const year = (rows: LedgerRow[]): PeriodData => ({ submission: 'XNC', period: '2025-2026', status: '草稿', version: 0, sheets: { classList: { rows } } });
    // 一年级 55, 56, 61, 70 → 3 of 56+; the 二年级 class of 60 is not new
    const big = year([cls('a', '一年级', 55), cls('b', '一年级', 56), cls('c', '一年级', 61), cls('d', '一年级', 70), cls('e', '二年级', 60)]);
    expect(d('senior-new-large-classes', lj, senior, [big])).toMatchObject({ source: '普通高中班额情况 一年级 56 人及以上', latest: { value: 3, met: false } });
    expect(d('senior-new-large-classes', lj, senior, [year([cls('a', '一年级', 50), cls('e', '二年级', 60)])]).latest).toMatchObject({ value: 0, met: true });
    expect(d('senior-new-large-classes', lj, senior, [year([])]).status).toBe('noData');
    expect(d('senior-new-large-classes', lj, { ...SCHOOL, packId: 'luojiang' }, [big]).status).toBe('notApplicable'); // a 小学
  });
});
