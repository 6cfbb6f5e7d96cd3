// Open 隐患 carry over from month to month until 已销号 (FORMS.md §3.1): a 重大 隐患 found in
// October stays open through November, is closed in December and is gone in January; carried rows
// keep their 编号 and 排查日期 and pass the 排查日期 check; editing a month never rewrites the one before.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../shared/audit/run';
import { seedPacks } from '../../shared/cli/seeds';
import { planCopyForward, planIsEmpty, startPeriod } from '../../shared/model/copy-forward';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { check, drill, hazard, openHazard } from './rule-cases/xyaq.cases';
import { school } from './rule-cases/kit';

const pack = seedPacks().get('luojiang')!;
const start = (to: string, previous: PeriodData) => startPeriod(pack, '小学', 'XYAQ', to, previous);
const codes = (p: PeriodData) => (p.sheets.hazardLog?.rows ?? []).map((r) => [r.code, r.date, r.status]);
/** the month's own drill and 晨午检 day, so that only the 隐患 decide the audit */
function withMonth(p: PeriodData, month: string): PeriodData {
  p.sheets.drillLog = { rows: [drill('d', { date: `${month}-15` })] };
  p.sheets.healthCheck = { rows: [check('c', { date: `${month}-15` })] };
  return p;
}
const audit = (p: PeriodData) => runAudit({ pack, school: school('小学'), data: p }).map((f) => `${f.ruleId} ${f.cell}`);
const close = (r: LedgerRow, day: string) => Object.assign(r, { status: '已销号', doneDate: day, reviewer: '李娜' });

describe('carry-over of open 隐患', () => {
  const oct = withMonth(
    {
      submission: 'XYAQ', period: '2025-10', status: '已审核', version: 1,
      sheets: {
        hazardLog: {
          rows: [
            hazard('a', { code: 'YH-2510-01' }), // found and closed in October
            openHazard('b', { code: 'YH-2510-02', date: '2025-10-20', deadline: '2025-11-30' }), // due on November's last day
            openHazard('c', { code: 'YH-2510-03', date: '2025-10-28', deadline: '2025-11-05', level: '重大', status: '未整改' }),
          ],
        },
      },
    },
    '2025-10',
  );

  it('October: the open 重大 隐患 warns at month end', () => {
    expect(audit(oct)).toEqual(['XYAQ-YH-W02 N6']);
  });

  const nov = withMonth(start('2025-11', oct), '2025-11');
  it('November opens with the two open 隐患, 编号 and 排查日期 kept, and no 排查日期 error', () => {
    expect(codes(nov)).toEqual([
      ['YH-2510-02', '2025-10-20', '整改中'],
      ['YH-2510-03', '2025-10-28', '未整改'],
    ]);
    expect(nov.sheets.hazardLog!.rows!.map((r) => r.id)).toEqual(['2025-11:hazardLog:1', '2025-11:hazardLog:2']);
    // only the 隐患 carry: the month's drills and 晨午检 days are its own
    expect(startPeriod(pack, '小学', 'XYAQ', '2025-11', oct).sheets).toEqual({ hazardLog: { rows: expect.any(Array) } });
    expect(audit(nov)).toEqual(['XYAQ-YH-W01 L5', 'XYAQ-YH-W02 N5']); // 03 is past 11-05 and still open
  });

  it('closing a carried 隐患 in November leaves October as it was', () => {
    close(nov.sheets.hazardLog!.rows![0]!, '2025-11-12');
    nov.sheets.hazardLog!.rows!.push(openHazard('d', { code: 'YH-2511-01', date: '2025-11-18', deadline: '2026-01-10' }));
    expect(codes(oct)[1]).toEqual(['YH-2510-02', '2025-10-20', '整改中']);
    expect(audit(nov)).toEqual(['XYAQ-YH-W01 L5', 'XYAQ-YH-W02 N5']);
  });

  it('December carries 03 (still open) and November’s new one; 03 is closed late in December', () => {
    const dec = withMonth(start('2025-12', nov), '2025-12');
    expect(codes(dec)).toEqual([
      ['YH-2510-03', '2025-10-28', '未整改'],
      ['YH-2511-01', '2025-11-18', '整改中'],
    ]);
    close(dec.sheets.hazardLog!.rows![0]!, '2025-12-03');
    expect(audit(dec)).toEqual([]); // closed, so neither overdue nor an open 重大 any more

    const jan = withMonth(start('2026-01', dec), '2026-01');
    expect(codes(jan)).toEqual([['YH-2511-01', '2025-11-18', '整改中']]);
    expect(audit(jan)).toEqual(['XYAQ-YH-W01 L4']); // its deadline 2026-01-10 has passed
    expect(codes(dec)[0]).toEqual(['YH-2510-03', '2025-10-28', '已销号']);
  });

  it('a month whose 隐患 are all closed carries nothing, and says how many stayed behind', () => {
    const jan: PeriodData = {
      submission: 'XYAQ', period: '2026-01', status: '草稿', version: 0,
      sheets: { hazardLog: { rows: [hazard('z', { date: '2026-01-09', deadline: '2026-01-16', doneDate: '2026-01-15' })] } },
    };
    expect(start('2026-02', withMonth(jan, '2026-01')).sheets).toEqual({});
    const plan = planCopyForward({ pack, schoolType: '小学', previous: jan, to: '2026-02' });
    expect(plan.sheets.map((s) => [s.sheetId, s.how, s.rows!.length, s.dropped])).toEqual([['hazardLog', 'carry', 0, 1]]);
    expect(planIsEmpty(plan)).toBe(true);
  });
});
