// The 差异系数 and district indicators of a district of demo schools, from their exported workbooks
// as readReport gives them back (what the bureau receives), against an independent computation
// here from the same lists and entered cells: types, sizes, 乡镇 and 举办者 varied.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { findPeriod, type LedgerRow, type PeriodData } from '../../shared/model/data';
import { computeBalance } from '../../shared/consolidate/balance';
import { computeDistrictIndicators } from '../../shared/consolidate/district-indicators';
import type { DistrictReport } from '../../shared/consolidate/district-reports';
import type { RegistrySchool } from '../../shared/consolidate/types';

const packs = seedPacks();
const lj = packs.get('luojiang')!;

// [type, demo day (another day is another school of that type), 学校标识码, 乡镇, 举办者, 普惠]
const DISTRICT: [string, string, string, string, '公办' | '民办', boolean?][] = [
  ['小学', '2025-10-02', '5106262001', '万安街道', '公办'],
  ['小学', '2025-10-09', '5106262002', '金山镇', '公办'],
  ['小学', '2025-10-16', '5106262003', '略坪镇', '民办'],
  ['初级中学', '2025-10-02', '5106262004', '万安街道', '公办'],
  ['初级中学', '2025-10-23', '5106262005', '金山镇', '公办'],
  ['九年一贯制学校', '2025-10-02', '5106262006', '白马关镇', '公办'],
  ['特殊教育学校', '2025-10-02', '5106262007', '万安街道', '公办'],
  ['幼儿园', '2025-10-02', '5106262008', '万安街道', '公办', true],
  ['幼儿园', '2025-10-09', '5106262009', '金山镇', '民办', false],
];

async function receive(): Promise<DistrictReport[]> {
  const out: DistrictReport[] = [];
  for (const [type, today, code, township, sponsor, puhui] of DISTRICT) {
    const demo = demoSchool({ pack: lj, type, today });
    const data = findPeriod(demo, 'XNC', '2025-2026')!;
    const lookup = (s: string, p: string) => findPeriod(demo, s, p);
    const file = await exportReport({ pack: lj, school: demo.school, data, lookup, appVersion: 'test' });
    const back = readReport(file.bytes, packs, { fileName: file.fileName });
    const school: RegistrySchool = { code, name: `${township}${type}${code.slice(-2)}`, type, sponsor, township, urbanRural: '乡村', ...(puhui === undefined ? {} : { puhui }) };
    out.push({ school, data: back.data });
  }
  return out;
}

let held: Promise<DistrictReport[]> | undefined;
const received = () => (held ??= receive());

// the seven indicators written out from the lists and cells, independently of the pack's expressions
const ABOVE: Record<string, string[]> = { 小学: ['博士研究生', '硕士研究生', '本科', '专科'], 初中: ['博士研究生', '硕士研究生', '本科'] };
const BACKBONE = ['区县级', '市级', '省级', '国家级'];
const SPORTS_ARTS = ['体育与健康', '音乐', '美术'];
function byHand(data: PeriodData, stage: string): { P: number; x: number[] } {
  const classes = (data.sheets.classList?.rows ?? []) as LedgerRow[];
  const staff = ((data.sheets.staffList?.rows ?? []) as LedgerRow[]).filter((r) => r.post === '专任教师' && r.stage === stage);
  const P = classes.filter((c) => c.stage === stage).reduce((s, c) => s + Number(c.students), 0);
  const all = classes.reduce((s, c) => s + Number(c.students), 0);
  const cell = (code: string) => Number(data.sheets.conditions?.cells?.[`${code}:value`]);
  const per100 = (n: number) => (n / P) * 100;
  return {
    P,
    x: [
      per100(staff.filter((t) => ABOVE[stage]!.includes(String(t.education))).length),
      per100(staff.filter((t) => BACKBONE.includes(String(t.backbone))).length),
      per100(staff.filter((t) => SPORTS_ARTS.includes(String(t.subject))).length),
      cell('01') / all, cell('02') / all, (cell('03') * 10000) / all, (cell('04') / all) * 100,
    ],
  };
}
function cv(points: { P: number; x: number }[]): number {
  const P = points.reduce((s, p) => s + p.P, 0);
  const mean = points.reduce((s, p) => s + p.P * p.x, 0) / P;
  return Math.sqrt(points.reduce((s, p) => s + p.P * (p.x - mean) ** 2, 0) / P) / mean;
}

describe('a district of demo schools, from their exported workbooks', () => {
  it('差异系数 per 学段 equals the independent computation; 特教 left out, 幼儿园 not in it', async () => {
    const reports = await received();
    const b = computeBalance(lj, reports);
    expect(b.excluded.map((x) => x.schoolCode)).toEqual(['5106262007']);
    for (const [stage, members] of [['小学', ['5106262001', '5106262002', '5106262003', '5106262006']], ['初中', ['5106262004', '5106262005', '5106262006']]] as const) {
      const s = b.stages.find((x) => x.stage === stage)!;
      expect(s.schools.map((x) => x.schoolCode)).toEqual(members);
      const hand = members.map((code) => byHand(reports.find((r) => r.school.code === code)!.data, stage));
      expect(s.schools.map((x) => x.students)).toEqual(hand.map((h) => h.P));
      s.indicators.forEach((ind, i) => expect(ind.cv, `${stage} ${ind.label}`).toBeCloseTo(cv(hand.map((h) => ({ P: h.P, x: h.x[i]! }))), 9));
      // the demo's schools differ: no indicator is flat across four (three) real-looking schools
      expect(s.indicators.filter((i) => i.code.endsWith('4')).every((i) => i.cv! > 0)).toBe(true);
    }
    // the 一贯制 school is one point in each 学段, weighted by that 学段's pupils only
    const yiguan = reports.find((r) => r.school.code === '5106262006')!.data;
    const [p1, p2] = [byHand(yiguan, '小学').P, byHand(yiguan, '初中').P];
    expect(b.stages.map((s) => s.schools.find((x) => x.schoolCode === '5106262006')!.students)).toEqual([p1, p2]);
    expect(b.students).toBe(b.stages[0]!.students + b.stages[1]!.students);
  }, 60_000);

  it('普惠性幼儿园覆盖率 from the registry\'s 举办者 and 普惠 and the 班级名册', async () => {
    const reports = await received();
    const kids = (code: string) => ((reports.find((r) => r.school.code === code)!.data.sheets.classList!.rows ?? []) as LedgerRow[]).reduce((s, c) => s + Number(c.students), 0);
    const x = computeDistrictIndicators(lj, reports).find((i) => i.target.id === 'puhui-kindergarten-coverage')!;
    expect([x.numerator, x.denominator]).toEqual([kids('5106262008'), kids('5106262008') + kids('5106262009')]);
    expect(x.missing.map((m) => m.schoolCode)).toEqual(['5106262009']);
    expect(x.status).toBe(x.value! >= 85 ? 'met' : 'missed');
  }, 60_000);
});
