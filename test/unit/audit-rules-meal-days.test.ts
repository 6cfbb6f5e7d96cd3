// Every meal in both the 留样 and the 陪餐 records, with a 负责人 陪餐, and 留样 on each 晨检 day
// (rule-cases/meal-days.cases.ts); rows already wrong elsewhere form no meal, and the demo's
// canteen months keep every meal complete.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../shared/audit/run';
import { demoSchool } from '../../shared/demo/demo-school';
import { completenessRuleIds, describeRuleCases, pack, school } from './rule-cases/kit';
import { CASES } from './rule-cases/meal-days.cases';
import { companion } from './rule-cases/spaq-ledgers.cases';
import { selfCheckDone } from '../fixtures/spaq-ledgers';
import type { PeriodData } from '../../shared/model/data';

describeRuleCases('meal days: 留样 and 负责人 陪餐 for every meal', CASES);

const MEAL_RULES = ['SPAQ-LY-W01', 'SPAQ-LY-W02', 'SPAQ-PC-W01'];

describe('meal days beyond the cases', () => {
  it('a 陪餐 of next month or with a malformed 日期 is no meal of this month: only its own error', () => {
    const data: PeriodData = {
      submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0,
      sheets: { mealCompanion: { rows: [companion('p0', { date: '2025-11-01' }), companion('p1', { date: '10月9号' })] }, selfCheck: { rows: selfCheckDone() } },
    };
    const completeness = completenessRuleIds(pack); // the lists this month leaves empty: their own cases
    const found = runAudit({ pack, school: school('小学'), data }).filter((f) => !completeness.has(f.ruleId)).map((f) => `${f.ruleId} ${f.cell}`);
    expect(found).toEqual(['SPAQ-PC-01 B4', 'SPAQ-PC-TYPE B5']);
  });

  it('the demo school’s canteen months raise none of these warnings', () => {
    const demo = demoSchool({ pack, type: '小学', today: '2026-01-15' });
    const months = demo.periods.filter((p) => p.submission === 'SPAQ');
    expect(months.length).toBeGreaterThan(0);
    for (const data of months) {
      const found = runAudit({ pack, school: demo.school, data }).filter((f) => MEAL_RULES.includes(f.ruleId));
      expect([data.period, found.map((f) => f.message)]).toEqual([data.period, []]);
    }
  });
});
