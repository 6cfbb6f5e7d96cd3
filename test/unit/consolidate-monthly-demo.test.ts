// A 报送 round of the monthly reports (SPAQ 食品安全, XYAQ 校园安全) from the demo district: every
// school's workbook exported as the app does, verified and received as the CLI does, then the
// district totals checked against sums made here from the data the demo generated — the 草稿,
// the tampered and the missing school in none, the superseded school by its second version.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { receiveAll } from '../../shared/cli/consolidate-command';
import { completenessMatrix, type ReceiptRecord } from '../../shared/consolidate/completeness';
import { districtTotals, type DistrictTotals } from '../../shared/consolidate/totals';
import { verifyReport } from '../../shared/consolidate/verify';
import type { Registry, Verdict } from '../../shared/consolidate/types';
import { districtSchoolFiles, planDistrict, registrySchools, type DistrictPlan } from '../../shared/demo/demo-district';
import { demoToday } from '../../shared/demo/demo-district-parts';
import { demoSchool } from '../../shared/demo/demo-school';
import type { LedgerRow, PeriodData } from '../../shared/model/data';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const MONTH = '2025-10';

interface Round {
  plan: DistrictPlan;
  registry: Registry;
  verdicts: Verdict[];
  totals: DistrictTotals;
  received: ReturnType<typeof receiveAll>;
  /** the period each counted school sent last, generated again from the demo (not read from the file) */
  counted: PeriodData[];
}

async function round(submission: string): Promise<Round> {
  const plan = planDistrict({ pack, schools: 10, seed: '4', submission, period: MONTH });
  const registry: Registry = { bureau: { name: pack.bureau, regionCode: plan.regionCode, packId: pack.id }, schools: registrySchools(plan) };
  const verdicts: Verdict[] = [];
  for (let i = 0; i < plan.schools.length; i++)
    for (const f of await districtSchoolFiles(pack, plan, i, '1.0.0')) verdicts.push(verifyReport(f.bytes, f.name, packs, registry, { expect: { submission, period: MONTH } }));
  const received = receiveAll(verdicts, registry, '2025-11-03T02:00:00.000Z');
  const totals = districtTotals({ pack, registry, submission, period: MONTH, held: received.held });
  const counted = plan.schools
    .filter((s) => s.registered && ['ok', 'late', 'superseded'].includes(s.case))
    .map((s) => {
      const salt = s.case === 'superseded' ? '|v2' : '';
      const demo = demoSchool({ pack, type: s.profile.type, today: demoToday(pack, plan), seed: `${plan.seed}|${s.profile.code}${salt}`, profile: s.profile, scale: s.scale });
      return demo.periods.find((p) => p.submission === submission && p.period === MONTH)!;
    });
  return { plan, registry, verdicts, totals, received, counted };
}

const rowsOf = (d: PeriodData, sheet: string) => (d.sheets[sheet]?.rows ?? []) as LedgerRow[];
const at = (t: DistrictTotals, sheet: string, row: string) => {
  const l = t.sheets.find((x) => x.sheetId === sheet)!;
  return t.totals['district:全区']![sheet]!.values[l.rows.findIndex((r) => r.code === row)]![0] ?? null;
};
const inMonth = (d: unknown) => typeof d === 'string' && d.startsWith(MONTH);

function expectRoundShape(r: Round) {
  const caseOf = (code: string) => r.plan.schools.find((s) => s.profile.code === code)!.case;
  const kinds = Object.fromEntries(r.verdicts.map((v) => [`${caseOf(v.schoolCode!)}|${v.fileName.endsWith('_第2版.xlsx') ? 2 : 1}`, v.kind]));
  expect(kinds['tampered|1']).toBe('hashMismatch');
  expect(kinds['draft|1']).toBe('auditFailed');
  expect(kinds['ok|1']).toBe('accepted');
  expect(kinds['superseded|2']).toBe('accepted');
  expect(r.received.outcomes.find((o) => caseOf(o.verdict.schoolCode!) === 'unknown')!.action).toBe('unknownSchool');
  // only the counted schools' figures are in the totals, the superseded one by its second version
  const countedCodes = r.plan.schools.filter((s) => s.registered && ['ok', 'late', 'superseded'].includes(s.case)).map((s) => s.profile.code);
  expect(Object.keys(r.totals.schoolValues).sort()).toEqual(countedCodes.sort());
  const sup = r.plan.schools.find((s) => s.case === 'superseded')!.profile.code;
  expect(r.totals.versions[sup]).toBe(2);
  const receipts: ReceiptRecord[] = r.verdicts.map((v) => ({ ...v, receivedAt: '2025-11-03T02:00:00.000Z' }));
  const cells = completenessMatrix({ pack, registry: r.registry, periods: [{ submission: r.plan.submission, period: MONTH }], ...r.received, receipts, now: '2025-11-20T12:00:00+08:00', lateBy: 'reportDate' });
  const stateOf = (c: string) => cells.find((x) => caseOf(x.schoolCode) === c)!.state;
  expect([stateOf('missing'), stateOf('tampered'), stateOf('draft'), stateOf('late'), stateOf('ok')]).toEqual(['未报', '哈希不符', '校验不通过', '逾期', '已报']);
}

describe('SPAQ round from the demo district', () => {
  let r: Round;
  beforeAll(async () => {
    r = await round('SPAQ');
  }, 120_000);

  it('verdicts, versions and 报送情况 as the cases say', () => expectRoundShape(r));

  it('食品安全月度汇总: counts add up, rates are Σ numerators ÷ Σ divisors over the counted schools', () => {
    const sum = (f: (d: PeriodData) => number) => r.counted.reduce((a, d) => a + f(d), 0);
    const distinct = (rows: LedgerRow[], by: (x: LedgerRow) => string) => new Set(rows.map(by)).size;
    // 供餐天数 is a figure per school (天): the district shows the mean school's
    expect(at(r.totals, 'foodSummary', '01')).toBeCloseTo(sum((d) => distinct(rowsOf(d, 'sampleLog'), (x) => String(x.date))) / r.counted.length, 2);
    expect(at(r.totals, 'foodSummary', '06')).toBe(sum((d) => rowsOf(d, 'mealCompanion').filter((x) => x.role === '家长').length));
    expect(at(r.totals, 'foodSummary', '10')).toBe(sum((d) => rowsOf(d, 'selfCheck').filter((x) => x.result === '否').length));
    const days = sum((d) => distinct(rowsOf(d, 'sampleLog'), (x) => String(x.date)));
    const checked = sum((d) => distinct(rowsOf(d, 'morningCheck'), (x) => String(x.date)));
    expect(Math.abs(at(r.totals, 'foodSummary', '08')! - (checked / days) * 100)).toBeLessThan(0.05);
    const staff = sum((d) => rowsOf(d, 'foodStaff').length);
    expect(staff).toBeGreaterThan(0);
    expect(r.totals.totals['district:全区']!.foodSummary!.schools).toHaveLength(r.counted.length);
  });
});

describe('XYAQ round from the demo district', () => {
  let r: Round;
  beforeAll(async () => {
    r = await round('XYAQ');
  }, 120_000);

  it('verdicts, versions and 报送情况 as the cases say', () => expectRoundShape(r));

  it('校园安全月度汇总: 隐患 and 演练 add up, 疏散用时 is the longest, 因病缺勤率 weighted by 应到', () => {
    const sum = (f: (d: PeriodData) => number) => r.counted.reduce((a, d) => a + f(d), 0);
    expect(at(r.totals, 'safetySummary', '01')).toBe(sum((d) => rowsOf(d, 'hazardLog').filter((x) => inMonth(x.date)).length));
    expect(at(r.totals, 'safetySummary', '06')).toBe(sum((d) => rowsOf(d, 'drillLog').length));
    const evac = r.counted.flatMap((d) => rowsOf(d, 'drillLog').map((x) => Number(x.evacSeconds)).filter(Number.isFinite));
    expect(at(r.totals, 'safetySummary', '07')).toBe(Math.max(...evac));
    const sick = sum((d) => rowsOf(d, 'healthCheck').reduce((a, x) => a + Number(x.sickAbsent), 0));
    const expected = sum((d) => rowsOf(d, 'healthCheck').reduce((a, x) => a + Number(x.expected), 0));
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(at(r.totals, 'safetySummary', '10')! - (sick / expected) * 100)).toBeLessThan(0.006);
  });
});
