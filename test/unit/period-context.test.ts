// The per-period memo (period-context.ts): each 基表 and indicator sheet computed once per
// snapshot and shared by the audit, the indicators that read it and the export; the period kind
// taken from the pack's submission; pack params reaching a statistics sheet's `where`.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { periodContext } from '../../shared/compute/period-context';
import { computeStatTable, conditionContext, packConditionContext, referenceDay, tableValue } from '../../shared/compute/stat-table';
import { runAudit } from '../../shared/audit/run';
import { buildReport } from '../../shared/xlsx/report';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import type { Pack, StatSheet } from '../../shared/pack/schema';
import { SCHOOL } from '../fixtures/small-school';

const pack = seedPacks().get('luojiang')!;
const classes: LedgerRow[] = [45, 40].map((n, i) => ({ id: `c${i}`, stage: '小学', grade: ['一年级', '二年级'][i]!, className: `${i}班`, students: n }));
const xnc: PeriodData = { submission: 'XNC', period: '2025-2026', status: '草稿', version: 0, sheets: { classList: { rows: classes } } };

describe('periodContext', () => {
  it('computes a 基表 once and gives the same table to every caller', () => {
    const ctx = periodContext({ pack, school: SCHOOL, data: xnc });
    const t = ctx.stat('jj3112')!;
    expect(ctx.stat('jj3112')).toBe(t);
    expect(tableValue(t, '01', 'total')).toBe(85);
    // the audit and the export read the memo instead of computing their own tables
    runAudit({ pack, school: SCHOOL, data: xnc }, ctx);
    expect(ctx.stat('jj3112')).toBe(t);
    const ind = ctx.indicator('conditions');
    expect(ind).toBeDefined();
    expect(ctx.indicator('conditions')).toBe(ind);
    expect(ctx.stat('unknown')).toBeUndefined();
    expect(ctx.indicator('jj3112')).toBeUndefined(); // not an indicator sheet
  });

  it('gives the same findings and workbook as computing each table afresh', () => {
    const plain = runAudit({ pack, school: SCHOOL, data: xnc });
    expect(runAudit({ pack, school: SCHOOL, data: xnc }, periodContext({ pack, school: SCHOOL, data: xnc }))).toEqual(plain);
    const report = buildReport({ pack, school: SCHOOL, data: xnc, appVersion: 't', now: new Date('2025-09-10T08:00:00Z') });
    expect(report.findings).toEqual(plain);
    expect(report.grids.find((g) => g.name.startsWith('教基3112'))).toBeDefined();
  });

  it('a pack whose indicator sheets read each other in a circle fails with a Chinese message', () => {
    const cyclic: Pack = structuredClone(pack);
    const a = cyclic.sheets.conditions;
    if (a?.kind !== 'indicator') throw new Error('conditions is an indicator sheet');
    a.sections[0]!.rows[0]!.value = { op: 'ind', sheet: 'conditions', code: a.sections[0]!.rows[0]!.code } as never;
    expect(() => periodContext({ pack: cyclic, school: SCHOOL, data: xnc }).indicator('conditions')).toThrow(/循环|引用了自己/);
  });

  it('refuses a submission the pack does not have', () => {
    expect(() => periodContext({ pack, school: SCHOOL, data: { ...xnc, submission: 'NOPE' } })).toThrow('没有报表 NOPE');
  });
});

describe('period kind from the pack', () => {
  it('the 统计时点 of a 学年 is its 9月1日, of a month its last day', () => {
    expect(referenceDay('schoolYear', '2025-2026')).toBe('2025-09-01');
    expect(referenceDay('month', '2026-02')).toBe('2026-02-28');
    expect(conditionContext('month', '2025-10')).toMatchObject({ refDay: '2025-10-31', periodStart: '2025-10-01', periodEnd: '2025-10-31' });
  });

  it('packConditionContext asks the submission of the pack, not the look of the period', () => {
    expect(packConditionContext(pack, xnc)).toMatchObject({ refDay: '2025-09-01', periodStart: '2025-09-01', periodEnd: '2026-08-31' });
    const spaq = { ...xnc, submission: 'SPAQ', period: '2025-10' };
    expect(packConditionContext(pack, spaq).refDay).toBe('2025-10-31');
    // a pack that declares XNC monthly: its "2025-2026" is no month, and says so
    const monthly: Pack = { ...pack, submissions: pack.submissions.map((s) => (s.code === 'XNC' ? { ...s, periodKind: 'month' as const } : s)) };
    expect(() => packConditionContext(monthly, xnc)).toThrow('期间格式不对');
  });
});

describe('pack params in a statistics sheet’s where', () => {
  // a sheet counting staff whose 体检 is within the pack's interval (a param named by id)
  const sheet: StatSheet = {
    kind: 'stat', id: 'checkups', title: '体检', ruleCode: 'TJ', unit: '人',
    source: { sheet: 'staffList' },
    columns: [{ key: 'n', label: '人数', kind: 'computed', where: [{ field: 'lastCheckup', withinYears: 'teacher-health-check-interval' }], measure: { agg: 'count' } }],
    rows: [{ code: '01', label: '体检在期限内' }],
  };
  const staff: PeriodData = {
    ...xnc,
    sheets: { staffList: { rows: [{ id: 'a', lastCheckup: '2025-03-01' }, { id: 'b', lastCheckup: '2024-06-01' }, { id: 'c', lastCheckup: '2022-06-01' }] } },
  };
  const withSheet = (p: Pack): Pack => ({ ...p, sheets: { ...p.sheets, checkups: sheet } });

  it('counts with the pack’s number: 罗江 2 years, 双流 1 year', () => {
    const lj = withSheet(pack);
    const sl = withSheet(seedPacks().get('shuangliu')!);
    expect(tableValue(computeStatTable(sheet, staff, packConditionContext(lj, staff)), '01', 'n')).toBe(2);
    expect(tableValue(computeStatTable(sheet, staff, packConditionContext(sl, staff)), '01', 'n')).toBe(1);
    expect(tableValue(periodContext({ pack: lj, school: SCHOOL, data: staff }).stat('checkups')!, '01', 'n')).toBe(2);
  });

  it('without a pack a condition naming a pack number matches nothing', () => {
    expect(tableValue(computeStatTable(sheet, staff), '01', 'n')).toBe(0);
  });
});
