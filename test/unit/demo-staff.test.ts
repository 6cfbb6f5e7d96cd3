// The demo's 教职工名册 (shared/demo/demo-staff.ts): its size and make-up, the same people in both
// 学年, and no 逻辑校验 error and no staff warning for any school type of either pack.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { runAudit } from '../../shared/audit/run';
import { ageAt, toNumber } from '../../shared/compute/conditions';
import type { LedgerRow, PeriodData } from '../../shared/model/data';

const TODAY = '2025-11-20'; // the demo holds 2024-2025 and 2025-2026
const xncPeriods = (packId: string, type: string) => {
  const pack = seedPacks().get(packId)!;
  const demo = demoSchool({ pack, type, today: TODAY });
  return { pack, demo, periods: demo.periods.filter((p) => p.submission === 'XNC') };
};
const staff = (p: PeriodData) => (p.sheets.staffList?.rows ?? []) as LedgerRow[];
const pupils = (p: PeriodData) => (p.sheets.classList?.rows ?? []).reduce((s, r) => s + (toNumber(r.students) ?? 0), 0);
const share = (rows: LedgerRow[], test: (r: LedgerRow) => boolean) => rows.filter(test).length / rows.length;

describe('demo 教职工名册', () => {
  it('a ~3,000-pupil 九年一贯制学校 has about 200 staff, one per 13 pupils, 85% of them 专任教师', () => {
    const { periods } = xncPeriods('luojiang', '九年一贯制学校');
    const now = periods.at(-1)!;
    const rows = staff(now);
    const n = pupils(now);
    expect(n).toBeGreaterThan(2800);
    expect(rows.length).toBeGreaterThan(190);
    expect(rows.length).toBeLessThan(250);
    const counted = rows.filter((r) => r.post !== '校外教师' && r.post !== '银龄教师');
    expect(Math.abs(counted.length - n / 13)).toBeLessThan(n / 13 * 0.05);
    expect(share(counted, (r) => r.post === '专任教师')).toBeCloseTo(0.85, 1);
    // teachers of both 学段, by pupils; every teacher has a 学段, a subject, a 学历 and a 职称
    const teachers = rows.filter((r) => r.post === '专任教师');
    expect(new Set(teachers.map((r) => r.stage))).toEqual(new Set(['小学', '初中']));
    for (const t of teachers) expect([t.stage, t.subject, t.education, t.title].every((v) => typeof v === 'string')).toBe(true);
    // mostly women in a 小学, mostly 本科
    expect(share(teachers.filter((r) => r.stage === '小学'), (r) => r.gender === '女')).toBeGreaterThan(0.6);
    expect(share(teachers, (r) => r.education === '本科')).toBeGreaterThan(0.6);
  });

  it('a 幼儿园 has two teachers and a 保育员 per class, a 园长 and a 保健医', () => {
    const { periods } = xncPeriods('luojiang', '幼儿园');
    const now = periods.at(-1)!;
    const classes = now.sheets.classList!.rows!.length;
    const count = (post: string) => staff(now).filter((r) => r.post === post).length;
    expect([count('园长'), count('保健医'), count('保育员')]).toEqual([1, 1, classes]);
    expect(count('专任教师')).toBeLessThanOrEqual(classes * 2);
    expect(count('专任教师')).toBeGreaterThan(classes);
    expect(staff(now).every((r) => r.post !== '专任教师' || r.stage === '学前')).toBe(true);
  });

  it('the year before holds the same people, one year younger and one year less at the school', () => {
    const { periods } = xncPeriods('luojiang', '小学');
    const [before, now] = periods.map(staff) as [LedgerRow[], LedgerRow[]];
    const byId = new Map(now.map((r) => [r.id, r]));
    expect(before.length).toBeGreaterThan(0);
    for (const r of before) {
      const later = byId.get(r.id)!;
      expect([later.name, later.birth]).toEqual([r.name, r.birth]);
      expect(ageAt(later.birth, '2025-09-01')! - ageAt(r.birth, '2024-09-01')!).toBe(1);
      expect(toNumber(later.yearsAtSchool)! - toNumber(r.yearsAtSchool)!).toBe(1);
    }
  });

  it.each(['luojiang', 'shuangliu'])('%s: every school type audits without an error or a staff warning', (packId) => {
    const pack = seedPacks().get(packId)!;
    for (const { id: type } of pack.schoolTypes) {
      const { demo, periods } = xncPeriods(packId, type);
      periods.forEach((data, i) => {
        const findings = runAudit({ pack, school: demo.school, data, previous: periods[i - 1] });
        expect(findings.filter((f) => f.severity === 'error').map((f) => f.message), `${type} ${data.period}`).toEqual([]);
        expect(findings.filter((f) => /^XNC-(JZG|41\d\d)-/.test(f.ruleId)).map((f) => f.message), `${type} ${data.period}`).toEqual([]);
        expect(staff(data).length, `${type} ${data.period}`).toBeGreaterThan(5);
      });
    }
  });
});
