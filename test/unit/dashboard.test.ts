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
    expect(byId('teacher-it-training-hours').status).toBe('district');
    expect(byId('teacher-health-check-interval').points).toEqual([]);
  });
});
