// Rule cases of the staff forms (rule-cases/staff.cases.ts), and the 学段-block rules of a school
// with two blocks: a finding in the second block lands on its own codes and cells.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../shared/audit/run';
import { seedPacks } from '../../shared/cli/seeds';
import { describeRuleCases } from './rule-cases/kit';
import { CASES } from './rule-cases/staff.cases';
import { NINE_YEAR, NINE_YEAR_STAFF, staffData } from '../fixtures/staff-school';

describeRuleCases('staff forms: every rule passes and fails', CASES);

describe('rules of the 学段 blocks in a 九年一贯制学校 (小学 01–09, 初中 10–18)', () => {
  const pack = seedPacks().get('luojiang')!;
  const staffRules = (changes: Record<number, object>) =>
    runAudit({ pack, school: NINE_YEAR, data: staffData(NINE_YEAR_STAFF.map((r, i) => ({ ...r, ...changes[i] }))) })
      .filter((f) => /^XNC-(JZG|41\d\d)-/.test(f.ruleId))
      .map((f) => [f.ruleId, f.row?.kind === 'stat' ? f.row.code : f.row?.index, f.colKey, f.cell]);

  it('the hand-made list is clean', () => {
    expect(staffRules({})).toEqual([]);
  });

  it('an 初中 teacher without 职称 breaks 学段合计 = Σ 职称 of the 初中 block only (row 10)', () => {
    // s5: 男, 藏族, 55, 正高级 → 初中 block 10; 4153 rows 10 on sheet row 14
    expect(staffRules({ 4: { title: null } })).toEqual([
      ['XNC-JZG-REQ', 4, 'title', 'J8'],
      ['XNC-4153-01', '10', 'total', 'C14'],
      ['XNC-4153-01', '10', 'a55', 'L14'],
    ]);
  });

  it('an 初中 teacher without 学历 breaks the 初中 block of 4155; the cross-check sums both blocks', () => {
    // s9: 男, 50, 本学年不授课 → 4155 row 10 (C14 合计, Z14 本学年不授课)
    expect(staffRules({ 8: { education: null } })).toEqual([
      ['XNC-JZG-REQ', 8, 'education', 'I12'],
      ['XNC-4155-01', '10', 'total', 'C14'],
      ['XNC-4155-01', '10', 'noTeaching', 'Z14'],
    ]);
  });

  it('4149 专任教师 is compared with 小学 + 初中 of 4153: moving a teacher between blocks is fine, losing one is not', () => {
    expect(staffRules({ 0: { stage: '初中' } })).toEqual([]);
    const lost = runAudit({ pack, school: NINE_YEAR, data: staffData(NINE_YEAR_STAFF.map((r, i) => (i === 6 ? { ...r, stage: '普通高中' } : r))) });
    const f = lost.find((x) => x.ruleId === 'XNC-4149-01')!;
    expect(f.message).toBe('教基4149 中小学教职工 [01 总计 × 专任教师] (D5)：专任教师数应等于教基4153 各学段专任教师合计之和（12 ≠ 教基4153 专任教师分年龄情况 11）');
    expect(f.key).toBe('XNC-4149-01|jj4149|01|teachers');
  });
});
