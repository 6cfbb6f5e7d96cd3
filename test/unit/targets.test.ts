// The plan targets both bureau packs carry (规划目标). Every row of the bureau's plan-targets.md,
// transcribed by hand into test/fixtures/plan-targets.json, must be in its pack exactly once, and
// the pack must carry nothing the table does not list: a dropped or altered target fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPacks, PackError } from '../../shared/pack/loader';
import type { Pack, Target } from '../../shared/pack/schema';
import { readSeedFiles, REPO_ROOT, seedPacks } from '../../shared/cli/seeds';
import { findTarget, formatBaseline, formatTarget, targetsByLevel } from '../../shared/pack/targets';

interface FixtureRow {
  pack: string;
  from: string;
  指标: string;
  value: number;
  unit: string;
  direction: Target['direction'];
  property: string;
  year: number;
  level: Target['level'];
  source: string;
  baseline?: number;
}

const fixture = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'plan-targets.json'), 'utf8')) as { rows: FixtureRow[] };
const PACK_IDS = ['luojiang', 'shuangliu'];
const pack = (id: string): Pack => {
  const p = seedPacks().get(id);
  if (!p) throw new Error(`seed pack ${id} did not load`);
  return p;
};
const matches = (t: Target, r: FixtureRow) =>
  t.name === r.指标 && t.value === r.value && t.unit === r.unit && t.direction === r.direction &&
  t.property === r.property && t.year === r.year && t.level === r.level && t.source === r.source;
const target = (packId: string, id: string) => pack(packId).targets.find((t) => t.id === id);

describe('every plan-targets.md row is a target of its pack', () => {
  it.each(fixture.rows.map((r) => [r.pack, `${r.指标} ${r.direction} ${r.value}${r.unit} (${r.year})`, r] as const))(
    '%s: %s',
    (packId, _title, row) => {
      const found = pack(packId).targets.filter((t) => matches(t, row));
      expect(found, `${row.from}`).toHaveLength(1);
      expect(found[0]!.baseline).toBe(row.baseline);
    },
  );

  it.each(PACK_IDS)('%s carries no target the table does not list', (packId) => {
    const rows = fixture.rows.filter((r) => r.pack === packId);
    const unlisted = pack(packId).targets.filter((t) => !rows.some((r) => matches(t, r)));
    expect(unlisted.map((t) => t.id)).toEqual([]);
    expect(pack(packId).targets).toHaveLength(rows.length);
  });

  it('has 19 罗江 and 37 双流 rows in the fixture, so a row lost from the fixture is noticed too', () => {
    // 罗江: 10 rows of the 主要预期指标 table + 9 from the text (交流 gives two: 干部教师 and 骨干)
    expect(fixture.rows.filter((r) => r.pack === 'luojiang')).toHaveLength(19);
    // 双流: 26 table rows, 8 of which give two targets, +2 for the three 信息技术 学时, +1 体检 = 37
    expect(fixture.rows.filter((r) => r.pack === 'shuangliu')).toHaveLength(37);
  });

  it('ids are lower-case kebab ASCII and unique within a pack', () => {
    for (const id of PACK_IDS) {
      const ids = pack(id).targets.map((t) => t.id);
      for (const x of ids) expect(x).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('local differences the forms read from the targets', () => {
  it('体检 counts for 2 years in 罗江 and 1 year in 双流', () => {
    expect(target('luojiang', 'teacher-health-check-interval')).toMatchObject({ value: 2, unit: '年', direction: 'atMost' });
    expect(target('shuangliu', 'teacher-health-check-interval')).toMatchObject({ value: 1, unit: '年', direction: 'atMost' });
  });

  it('体质健康合格率 is ≥95% in 罗江 and ≥98% in 双流, under the same id', () => {
    expect(target('luojiang', 'student-fitness-pass-rate')).toMatchObject({ value: 95, unit: '%', direction: 'atLeast', level: 'school' });
    expect(target('shuangliu', 'student-fitness-pass-rate')).toMatchObject({ value: 98, unit: '%', direction: 'atLeast', level: 'school' });
  });

  it('only 双流 sets 2+1 完成率 (100%) and 满意度 (≥90%)', () => {
    expect(target('shuangliu', 'sports-arts-2plus1-completion')).toMatchObject({ value: 100, unit: '%', direction: 'equal' });
    expect(target('shuangliu', 'food-safety-satisfaction')).toMatchObject({ value: 90, unit: '%', direction: 'atLeast' });
    expect(target('luojiang', 'sports-arts-2plus1-completion')).toBeUndefined();
    expect(target('luojiang', 'food-safety-satisfaction')).toBeUndefined();
  });

  it('the same indicator has the same id in both packs', () => {
    const lj = new Set(pack('luojiang').targets.map((t) => t.id));
    const shared = pack('shuangliu').targets.map((t) => t.id).filter((id) => lj.has(id));
    expect(shared.sort()).toEqual([
      'disabled-compulsory-enrolment-rate', 'key-teacher-rotation-ratio', 'new-labour-schooling-years',
      'puhui-kindergarten-coverage', 'student-fitness-pass-rate', 'teacher-health-check-interval', 'teacher-rotation-ratio',
    ]);
    // 交流 targets differ by bureau: 罗江 骨干 ≥25%, 双流 ≥20%
    expect(target('luojiang', 'key-teacher-rotation-ratio')!.value).toBe(25);
    expect(target('shuangliu', 'key-teacher-rotation-ratio')!.value).toBe(20);
  });
});

describe('the 双流 pack', () => {
  it('uses the same national libraries as 罗江 and names its plan', () => {
    expect(pack('shuangliu').bureau).toBe('成都市双流区教育局');
    expect(pack('shuangliu').notes[0]).toContain('成都市双流区教育事业发展');
    const file = (p: string) => readSeedFiles().find((f) => f.path === p)!.json as { uses: string[] };
    expect(file('seeds/packs/shuangliu.json').uses).toEqual(file('seeds/packs/luojiang.json').uses);
    expect(pack('shuangliu').submissions.map((s) => s.code)).toEqual(pack('luojiang').submissions.map((s) => s.code));
  });

  it('a pack with two targets of one id is refused, naming the file and the id', () => {
    const files = readSeedFiles().filter((f) => f.path.startsWith('seeds/forms/'));
    const sl = structuredClone(readSeedFiles().find((f) => f.path === 'seeds/packs/shuangliu.json')!.json) as { targets: Target[] };
    sl.targets.push({ ...sl.targets[0]!, value: 80 });
    let error: unknown;
    try {
      loadPacks([...files, { path: 'packs/dup.json', json: sl }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toContain('packs/dup.json');
    expect((error as PackError).message).toContain('targets: 目标 "kindergarten-teacher-college-rate" 重复');
  });
});

describe('target helpers', () => {
  it('formats a target the way a school reads it', () => {
    expect(formatTarget({ value: 98, unit: '%', direction: 'atLeast' })).toBe('≥ 98%');
    expect(formatTarget({ value: 2, unit: '年', direction: 'atMost' })).toBe('≤ 2 年');
    expect(formatTarget({ value: 0, unit: '起', direction: 'equal' })).toBe('= 0 起');
    expect(formatTarget({ value: 0.45, unit: '', direction: 'atMost' })).toBe('≤ 0.45');
    expect(formatBaseline({ baseline: 97.39, unit: '%' })).toBe('97.39%');
    expect(formatBaseline({ unit: '%' })).toBe('—');
  });

  it('finds the first listed id the pack has', () => {
    const sl = pack('shuangliu');
    expect(findTarget(sl, ['nowhere', 'disabled-compulsory-enrolment-rate-2022', 'disabled-compulsory-enrolment-rate'])!.value).toBe(99.6);
    expect(findTarget(sl, ['nowhere'])).toBeUndefined();
  });

  it('groups by level, 学校可算 first', () => {
    // counted by hand from the fixture: 罗江 7 school / 12 district; 双流 24 / 13
    const counts = (id: string) => targetsByLevel(pack(id).targets).map((g) => [g.label, g.targets.length]);
    expect(counts('luojiang')).toEqual([['学校可算', 7], ['区级汇总', 12]]);
    expect(counts('shuangliu')).toEqual([['学校可算', 24], ['区级汇总', 13]]);
    expect(targetsByLevel([])).toEqual([]);
  });
});
