// The demo school's term of 校园安全月报 (shared/demo/demo-safety.ts): four months up to the one
// before "today", 隐患 carried the way the app carries them, one 重大 closed late, drills and 晨午检
// days as FORMS.md asks — and not one 逻辑校验 in any month of any school type.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { runAudit } from '../../shared/audit/run';
import { historyOf } from '../../shared/model/history';
import { termDays } from '../../shared/demo/demo-safety-data';
import type { LedgerRow, PeriodData } from '../../shared/model/data';

const pack = seedPacks().get('luojiang')!;
const TODAY = '2025-10-31';
const xyaqOf = (type: string, today = TODAY) => {
  const demo = demoSchool({ pack, type, today });
  return { demo, months: demo.periods.filter((p) => p.submission === 'XYAQ') };
};
const rows = (p: PeriodData, sheet: string): LedgerRow[] => p.sheets[sheet]?.rows ?? [];

describe('demo XYAQ', () => {
  it('holds the four months before today’s month, each reported by the 3rd of the next', () => {
    const { months } = xyaqOf('小学');
    expect(months.map((p) => [p.period, p.reportDate])).toEqual([
      ['2025-06', '2025-07-03'], ['2025-07', '2025-08-03'], ['2025-08', '2025-09-03'], ['2025-09', '2025-10-03'],
    ]);
    expect(xyaqOf('小学', '2026-03-10').months.map((p) => p.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it.each(pack.schoolTypes.map((t) => t.id))('%s: no 逻辑校验 in any month, and every 经验校验 explained', (type) => {
    for (const today of [TODAY, '2026-03-10']) {
      const { demo, months } = xyaqOf(type, today);
      expect(months).toHaveLength(4);
      for (const p of months) {
        const findings = runAudit({ pack, school: demo.school, data: p, history: historyOf(demo.periods, 'XYAQ', 'month', p.period) });
        expect(findings.filter((f) => f.severity === 'error').map((f) => f.message), `${today} ${p.period}`).toEqual([]);
        for (const f of findings) expect(p.explanations?.[f.key], f.message).toBeTruthy();
      }
    }
  });

  it('隐患 carry over until closed: same 编号 and 排查日期 in the later month, one 重大 closed after its deadline', () => {
    const { months } = xyaqOf('小学');
    let carried = 0;
    months.slice(1).forEach((p, i) => {
      const before = rows(months[i]!, 'hazardLog');
      for (const r of rows(p, 'hazardLog').filter((x) => String(x.date) < `${p.period}-01`)) {
        const was = before.find((b) => b.code === r.code)!;
        expect([was.date, was.status === '已销号']).toEqual([r.date, false]);
        carried++;
      }
      // everything still open last month is here this month
      for (const b of before.filter((x) => x.status !== '已销号')) expect(rows(p, 'hazardLog').some((r) => r.code === b.code)).toBe(true);
    });
    expect(carried).toBeGreaterThanOrEqual(3); // at least one into each later month
    // and the last month leaves one open, for the app to carry into this month
    expect(rows(months[3]!, 'hazardLog').some((r) => r.status !== '已销号')).toBe(true);
    const major = months.flatMap((p) => rows(p, 'hazardLog').filter((r) => r.level === '重大').map((r) => [p.period, r.status, r.doneDate, r.deadline]));
    const closed = major.find((m) => m[1] === '已销号')!;
    expect(String(closed[2]) > String(closed[3])).toBe(true); // closed late
    expect(major.filter((m) => m[1] !== '已销号').length).toBeGreaterThanOrEqual(1); // open across a month end first
  });

  it('a drill every month for a 小学, every quarter (in its last month) for a 幼儿园', () => {
    expect(xyaqOf('小学').months.map((p) => rows(p, 'drillLog').length)).toEqual([1, 1, 1, 1]);
    expect(xyaqOf('幼儿园').months.map((p) => rows(p, 'drillLog').length)).toEqual([1, 0, 0, 1]); // June and September
  });

  it('a 晨午检 row for each day of term, with 缺勤 = 应到 − 实到 and a sick share of at most 5%', () => {
    const { demo, months } = xyaqOf('初级中学');
    const students = (demo.periods.find((p) => p.period === '2025-2026')!.sheets.classList!.rows ?? []).reduce((s, r) => s + Number(r.students), 0);
    for (const p of months) {
      const days = rows(p, 'healthCheck');
      expect(days.map((r) => r.date)).toEqual(termDays(p.period));
      for (const r of days) {
        expect(Number(r.absent)).toBe(Number(r.expected) - Number(r.present));
        expect(Number(r.sickAbsent) / Number(r.expected)).toBeLessThanOrEqual(0.05);
      }
    }
    expect(rows(months[3]!, 'healthCheck')[0]!.expected).toBe(students); // September counts the new 学年
    expect(rows(months[1]!, 'healthCheck').length).toBeLessThan(10); // July: term ends on the 9th
    expect(rows(months[2]!, 'healthCheck')).toEqual([]); // August: summer holiday
  });
});
