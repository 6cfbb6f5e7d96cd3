// The completeness rules (rule-cases/completeness.cases.ts), and what they raise on the periods
// the issue describes: a 小学 with 81 pupils in 一年级 and nothing else filled, a canteen month with
// no 晨检 while the 自查表 says 每日晨检：是 — and that the demo school raises none of them.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../shared/audit/run';
import { demoSchool } from '../../shared/demo/demo-school';
import { loadPacks, PackError } from '../../shared/pack/loader';
import { readSeedFiles } from '../../shared/cli/seeds';
import type { PeriodData } from '../../shared/model/data';
import { completenessRuleIds, describeRuleCases, pack, school } from './rule-cases/kit';
import { CASES } from './rule-cases/completeness.cases';
import { selfCheckDone } from '../fixtures/spaq-ledgers';
import { mealSample, leaderCompanion } from '../fixtures/spaq-meals';

describeRuleCases('completeness: blank figures, empty lists, 招生数, 自查表 against its lists', CASES);

const COMPLETENESS = completenessRuleIds(pack);

describe('completeness on the periods of the issue', () => {
  it('XNC of a 小学 with 81 pupils in 一年级 and nothing else: every blank figure the bureau would query', () => {
    const data: PeriodData = {
      submission: 'XNC', period: '2025-2026', status: '草稿', version: 0,
      sheets: { classList: { rows: [41, 40].map((n, i) => ({ id: `c${i}`, stage: '小学', grade: '一年级', className: `一年级（${i + 1}）班`, students: n })) } },
    };
    const found = runAudit({ pack, school: school('小学'), data });
    expect(found.map((f) => [f.ruleId, f.severity, f.cell ?? '—'])).toEqual([
      ['XNC-JZG-02', 'error', '—'],
      ['XNC-3112-07', 'error', 'C6'], ['XNC-3112-07', 'error', 'D6'],
      ...['D6', 'D7', 'D8', 'D9', 'D10', 'D11'].map((c) => ['XNC-YZJH-01', 'error', c]),
    ]);
    expect(found.every((f) => COMPLETENESS.has(f.ruleId))).toBe(true);
  });

  it('SPAQ with meals but 0 晨检 rows while the 自查表 says 每日晨检：是: an error on the answer, a warning on the list', () => {
    const data: PeriodData = {
      submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0,
      sheets: {
        sampleLog: { rows: [mealSample('ly1', '2025-10-09', '午餐')] }, mealCompanion: { rows: [leaderCompanion('pc1', '2025-10-09', '午餐')] },
        foodStaff: { rows: [{ id: 's0', name: '赵敏', post: '厨师', certNo: '510626202512345', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是' }] },
        purchaseCheck: { rows: [] }, selfCheck: { rows: selfCheckDone() },
      },
    };
    const found = runAudit({ pack, school: school('小学'), data });
    expect(found.map((f) => [f.ruleId, f.severity, f.cell ?? '—'])).toEqual([
      ['SPAQ-JKCJ-W02', 'warning', '—'], ['SPAQ-JH-W02', 'warning', '—'],
      ['SPAQ-ZC-05', 'error', 'D8'], ['SPAQ-ZC-08', 'error', 'D14'],
    ]);
  });

  it('an empty period with 0 pupils asks for no figure: the table does not apply', () => {
    const data: PeriodData = { submission: 'XNC', period: '2025-2026', status: '草稿', version: 0, sheets: {} };
    expect(runAudit({ pack, school: school('小学'), data }).map((f) => f.ruleId)).toEqual(['XNC-BJMC-11', 'XNC-JZG-02']);
  });

  for (const type of ['小学', '九年一贯制学校', '幼儿园', '完全中学'])
    it(`the demo ${type} raises none of the completeness rules in any period`, () => {
      const demo = demoSchool({ pack, type, today: '2026-01-15' });
      for (const data of demo.periods) {
        const lookup = (s: string, p: string) => demo.periods.find((x) => x.submission === s && x.period === p);
        const found = runAudit({ pack, school: demo.school, data, lookup }).filter((f) => COMPLETENESS.has(f.ruleId));
        expect([data.submission, data.period, found.map((f) => f.message)]).toEqual([data.submission, data.period, []]);
      }
    }, 60_000);
});

describe('completeness rules in the pack loader', () => {
  it('a notBlank naming a row the sheet lacks, or a 自查表 row it does not have, is a load error naming the path', () => {
    const files = readSeedFiles().map((f) => structuredClone(f));
    const lib = files.find((f) => f.path === 'seeds/forms/national-xnc.json')!.json as { sheets: { id: string; checks?: { id: string; rows?: string[] }[] }[] };
    lib.sheets.find((s) => s.id === 'jj3112')!.checks!.find((k) => k.id === 'XNC-3112-07')!.rows = ['99'];
    const spaq = files.find((f) => f.path === 'seeds/forms/national-spaq-ledgers.json')!.json as { sheets: { id: string; checks?: { id: string; row?: Record<string, string> }[] }[] };
    spaq.sheets.find((s) => s.id === 'selfCheck')!.checks!.find((k) => k.id === 'SPAQ-ZC-05')!.row = { content: '每日晨检记录' };
    try {
      loadPacks(files);
      expect.unreachable('the pack should be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(PackError);
      const problems = (e as PackError).problems.join('\n');
      expect(problems).toContain('sheets["jj3112"].checks[7]: 没有代码 "99"');
      expect(problems).toContain('sheets["selfCheck"].checks[0].row: 本表的固定行中没有这一行');
    }
  });
});
