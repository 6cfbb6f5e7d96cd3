// The XYAQ 校园安全月报 rules: every rule passes and fails on hand-made data (rule-cases/xyaq.cases.ts),
// plus the edges a school meets at month end — a deadline on the last day, a carried 隐患 dated
// after the month, a 幼儿园 judged only once its quarter is over.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../shared/audit/run';
import { loadPacks } from '../../shared/pack/loader';
import { readSeedFiles } from '../../shared/cli/seeds';
import { buildReport } from '../../shared/xlsx/report';
import { completenessRuleIds, describeRuleCases, pack, school } from './rule-cases/kit';
import { CASES, drill, drillsOnly, hazard, openHazard, xyaq } from './rule-cases/xyaq.cases';

describeRuleCases('XYAQ rules', CASES);

// a month holding only its drills leaves 隐患 and 晨午检 empty: those completeness warnings have their own cases
const COMPLETENESS = completenessRuleIds(pack);
const ids = (type: string, data: ReturnType<typeof xyaq>, history?: ReturnType<typeof xyaq>[]) =>
  runAudit({ pack, school: school(type), data, history }).filter((f) => !COMPLETENESS.has(f.ruleId)).map((f) => `${f.ruleId} ${f.cell ?? ''}`.trim());

describe('XYAQ rule edges', () => {
  it('a deadline on the month’s last day is not yet overdue; the day before is', () => {
    expect(ids('小学', xyaq({ hazards: [openHazard('h0', { deadline: '2025-10-31' })] }))).toEqual([]);
    expect(ids('小学', xyaq({ hazards: [openHazard('h0', { deadline: '2025-10-30' })] }))).toEqual(['XYAQ-YH-W01 L4']);
  });

  it('a carried 隐患 is open-dated before the month only: a date after the month is still wrong', () => {
    expect(ids('小学', xyaq({ hazards: [openHazard('h0', { date: '2025-08-30', deadline: '2025-12-01' })] }))).toEqual([]);
    expect(ids('小学', xyaq({ hazards: [openHazard('h0', { date: '2025-11-02', deadline: '2025-12-01' })] }))).toEqual(['XYAQ-YH-01 C4']);
  });

  it('a 重大 隐患 carried open into a later month warns again, and overdue too once past its deadline', () => {
    const big = openHazard('h0', { level: '重大', date: '2025-09-15', deadline: '2025-09-30' });
    expect(ids('小学', xyaq({ hazards: [big] }))).toEqual(['XYAQ-YH-W01 L4', 'XYAQ-YH-W02 N4']);
    // closed late, in October: no warning any more
    expect(ids('小学', xyaq({ hazards: [{ ...big, status: '已销号', doneDate: '2025-10-12', reviewer: '李娜' }] }))).toEqual([]);
  });

  it('a 幼儿园 is not warned in the first two months of a quarter, and a 小学 is warned every month', () => {
    const none = (period: string) => drillsOnly(period);
    expect(ids('幼儿园', none('2025-07'))).toEqual([]);
    expect(ids('幼儿园', none('2025-08'))).toEqual([]);
    expect(ids('幼儿园', none('2025-09'))).toEqual(['XYAQ-YJ-W01']);
    expect(ids('幼儿园', none('2025-12'), [drillsOnly('2025-11', [drill('d', { date: '2025-11-05' })])])).toEqual([]);
    expect(ids('小学', none('2025-07'))).toEqual(['XYAQ-YJ-W01']);
    // the month's own drill counts for a 幼儿园 quarter too
    expect(ids('幼儿园', drillsOnly('2025-09', [drill('d', { date: '2025-09-03' })]))).toEqual([]);
  });

  it('an empty 应到: REQ, and 实到 ≤ 应到 reads it as 0, but the 缺勤 sum and the sick share stay silent', () => {
    const found = runAudit({ pack, school: school('小学'), data: xyaq({ checks: [{ ...xyaq().sheets.healthCheck!.rows![0]!, expected: null }] }) });
    expect(found.map((f) => [f.ruleId, f.cell])).toEqual([['XYAQ-CWJ-REQ', 'C4'], ['XYAQ-CWJ-02', 'D4']]);
  });

  it('findings carry keys a 说明 can be written against', () => {
    const [f] = runAudit({ pack, school: school('小学'), data: xyaq({ hazards: [hazard('h0', { reviewer: null })] }) });
    expect(f!.key).toBe('XYAQ-YH-04|hazardLog|h0|reviewer');
    expect(f!.message).toBe('隐患排查整改台账 第1行「复查人」(O4)：已销号的隐患必须填写复查人（状态为“已销号”）');
    const [w] = runAudit({ pack, school: school('小学'), data: xyaq({ drills: [] }) });
    expect(w!.key).toBe('XYAQ-YJ-W01|drillLog||');
  });
});

describe('XYAQ rules in the pack loader and the export', () => {
  const lib = () => structuredClone(readSeedFiles().find((f) => f.path === 'seeds/forms/national-xyaq.json')!);
  const others = () => readSeedFiles().filter((f) => f.path !== 'seeds/forms/national-xyaq.json');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sheet = (file: { json: unknown }, id: string) => (file.json as any).sheets.find((s: { id: string }) => s.id === id);

  it('a row rule or carryOver naming a column the list lacks is refused, with its JSON path', () => {
    const bad = lib();
    const hazards = sheet(bad, 'hazardLog');
    hazards.columns[11].checks[0].field = 'state'; // 完成日期 requiredIf
    hazards.carryOver.untilField = 'state';
    sheet(bad, 'healthCheck').columns[3].checks[0].subtrahend = 'present2'; // 缺勤 difference
    expect(() => loadPacks([...others(), bad])).toThrow(
      /sheets\["hazardLog"\]\.columns\[11\]\.checks\[0\]\.field: 本表没有列 "state".*sheets\["hazardLog"\]\.carryOver\.untilField: 本表没有列 "state".*sheets\["healthCheck"\]\.columns\[3\]\.checks\[0\]\.subtrahend: 本表没有列 "present2"/,
    );
  });

  it('the export judges a 幼儿园’s quarter with the months before it, so 校验说明 agrees with the screen', () => {
    const kg = school('幼儿园');
    const sep = drillsOnly('2025-09');
    const jul = drillsOnly('2025-07', [drill('d7', { date: '2025-07-08' })]);
    const notes = (history?: ReturnType<typeof xyaq>[]) =>
      buildReport({ pack, school: kg, data: sep, appVersion: '0', history }).findings.map((f) => f.ruleId).filter((id) => !COMPLETENESS.has(id));
    expect(notes()).toEqual(['XYAQ-YJ-W01']);
    expect(notes([jul, drillsOnly('2025-08')])).toEqual([]);
  });
});
