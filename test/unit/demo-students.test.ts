// The demo school of every type fills the student sheets consistently: no 逻辑校验 error in either
// 学年, 残疾学生情况 agrees with the class list, and the sizes are realistic.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { runAudit } from '../../shared/audit/run';
import { demoSchool } from '../../shared/demo/demo-school';
import type { LedgerRow, PeriodData } from '../../shared/model/data';

const pack = seedPacks().get('luojiang')!;
const TYPES = pack.schoolTypes.map((t) => t.id);
const sum = (rows: LedgerRow[], field: string) => rows.reduce((s, r) => s + (r[field] as number), 0);
const classes = (p: PeriodData) => p.sheets.classList!.rows!;
// the demo enters numbers only
const cells = (p: PeriodData, id: string) => (p.sheets[id]?.cells ?? {}) as Record<string, number>;

describe.each(['2025-11-10', '2026-03-10'])('demo schools made on %s', (today) => {
  it.each(TYPES)('%s: no 逻辑校验 error in this 学年 or the last', (type) => {
    const demo = demoSchool({ pack, type, today });
    const [last, current] = demo.periods.filter((p) => p.submission === 'XNC');
    const errors = [...runAudit({ pack, school: demo.school, data: last! }), ...runAudit({ pack, school: demo.school, data: current!, previous: last })]
      .filter((f) => f.severity === 'error')
      .map((f) => f.message);
    expect(errors).toEqual([]);
  });
});

describe('the demo figures', () => {
  const demo = (type: string) => demoSchool({ pack, type, today: '2025-11-10' }).periods.filter((p) => p.submission === 'XNC');

  it.each(TYPES.filter((t) => t !== '幼儿园'))('%s: 残疾学生情况 随班就读 = the class list’s 残疾学生(随班就读), rows add up', (type) => {
    for (const p of demo(type)) {
      const c = cells(p, 'disabledStudents');
      expect(c['01:inClass']).toBe(sum(classes(p), 'disabled'));
      expect(c['01:total']).toBe(c['01:inClass']! + c['01:specialClass']! + c['01:homeTeaching']!);
    }
  });

  it('a 九年一贯制学校 has about 3,000 pupils in 60 classes: 7 per 小学 grade, 6 per 初中 grade', () => {
    const rows = classes(demo('九年一贯制学校')[1]!);
    expect(rows).toHaveLength(60);
    expect(rows.filter((r) => r.stage === '小学')).toHaveLength(42);
    const n = sum(rows, 'students');
    expect(n).toBeGreaterThan(2700);
    expect(n).toBeLessThan(3200);
  });

  it('a 特殊教育学校 has small classes, all its pupils in 特教班 and none 随班就读', () => {
    const p = demo('特殊教育学校')[1]!;
    const rows = classes(p);
    expect(rows.every((r) => (r.students as number) >= 8 && (r.students as number) <= 12)).toBe(true);
    expect(sum(rows, 'disabled')).toBe(0);
    expect(cells(p, 'disabledStudents')['01:specialClass']).toBe(sum(rows, 'students'));
  });

  it('3115 and 3118: 招生数 = this year’s 一年级, 毕业生数 = last year’s 三年级', () => {
    const [last, current] = demo('完全中学');
    for (const [id, stage] of [['jj3115', '初中'], ['jj3118', '普通高中']] as const) {
      const grade = (p: PeriodData, g: string) => sum(classes(p).filter((r) => r.stage === stage && r.grade === g), 'students');
      expect(cells(current!, id)['01:enrol']).toBe(grade(current!, '一年级'));
      expect(cells(current!, id)['01:graduates']).toBe(grade(last!, '三年级'));
    }
  });

  it('幼儿园: 入园 and 离园 are entered per 年级 with 合计 = their sum; 离园 大班 = last year’s 大班', () => {
    const [last, current] = demo('幼儿园');
    const c = cells(current!, 'kgClasses');
    for (const code of ['06', '07']) expect(c[`${code}:total`]).toBe(['g1', 'g2', 'g3', 'g4'].reduce((s, g) => s + c[`${code}:${g}`]!, 0));
    expect(c['07:g4']).toBe(sum(classes(last!).filter((r) => r.grade === '大班'), 'students'));
    expect(c['06:g1']).toBe(sum(classes(current!).filter((r) => r.grade === '托班'), 'students'));
  });
});
