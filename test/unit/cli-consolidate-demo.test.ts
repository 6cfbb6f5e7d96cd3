// The demo district behind `xiaobiao demo-district` and the bench: distinct schools in a county's
// proportions, the cases a 报送 round has, deterministic by seed, and a registry.csv the bureau's
// own registry import (core's parseRegistry) reads back as the same schools.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { districtManifest, planDistrict, registryCsv, registrySchools } from '../../shared/demo/demo-district';
import { parseRegistry } from '../../shared/consolidate/registry';

const pack = seedPacks().get('luojiang')!;

describe('planDistrict', () => {
  it('is the same district for the same seed and another for another seed', () => {
    const a = districtManifest(planDistrict({ pack, schools: 40, seed: '9' }));
    expect(districtManifest(planDistrict({ pack, schools: 40, seed: '9' }))).toEqual(a);
    const b = districtManifest(planDistrict({ pack, schools: 40, seed: '10' }));
    expect(b.schools.map((s) => `${s.name}|${s.case}`)).not.toEqual(a.schools.map((s) => `${s.name}|${s.case}`));
  });

  it('makes 1,000 distinct schools in a county’s proportions, with every case', () => {
    const plan = planDistrict({ pack, schools: 1000, seed: '1' });
    const schools = plan.schools.filter((s) => s.registered);
    expect(schools).toHaveLength(1000);
    expect(plan.schools).toHaveLength(1001); // and one school the registry does not know
    expect(new Set(plan.schools.map((s) => s.profile.code)).size).toBe(1001);
    expect(new Set(plan.schools.map((s) => s.profile.name)).size).toBe(1001);
    for (const s of plan.schools) expect(s.profile.code).toMatch(/^510626\d{4}$/);
    const share = (t: string) => schools.filter((s) => s.profile.type === t).length / schools.length;
    expect(share('小学')).toBeGreaterThan(0.4);
    expect(share('幼儿园')).toBeGreaterThan(0.15);
    expect(share('初级中学')).toBeGreaterThan(0.05);
    expect(share('九年一贯制学校')).toBeGreaterThan(0.03);
    expect(share('完全中学')).toBeGreaterThan(0);
    expect(share('完全中学')).toBeLessThan(0.05);
    expect(share('小学')).toBeGreaterThan(share('初级中学') * 2);
    for (const key of ['sponsor', 'urbanRural', 'township'] as const) expect(new Set(schools.map((s) => s.profile[key])).size).toBeGreaterThanOrEqual(2);
    expect(new Set(schools.map((s) => s.profile.township)).size).toBe(6);
    expect(new Set(schools.map((s) => s.scale?.classes)).size).toBeGreaterThan(4); // sizes vary
    const count = (c: string) => plan.schools.filter((s) => s.case === c).length;
    expect(count('draft')).toBe(1);
    expect(count('unknown')).toBe(1);
    for (const c of ['missing', 'tampered', 'superseded', 'late']) expect(count(c)).toBeGreaterThanOrEqual(3);
    expect(count('ok')).toBeGreaterThan(880);
    for (const s of plan.schools) {
      expect(s.reportDate > plan.due, `${s.profile.name} ${s.case}`).toBe(s.case === 'late');
      expect(s.files).toHaveLength(s.case === 'missing' ? 0 : s.case === 'superseded' ? 2 : 1);
    }
  });

  it('keeps at most half of a small district special, and every type a bureau needs first', () => {
    const plan = planDistrict({ pack, schools: 6, seed: '3' });
    expect(plan.schools.filter((s) => s.registered && s.case !== 'ok').length).toBeLessThanOrEqual(3);
    expect(plan.schools.slice(0, 2).map((s) => s.profile.type)).toEqual(['小学', '初级中学']);
  });

  it('writes a registry.csv that the registry import reads back as the registered schools', () => {
    const plan = planDistrict({ pack, schools: 30, seed: '2' });
    const csv = registryCsv(plan);
    expect(csv.startsWith('\uFEFF学校标识码,学校名称,办学类型,举办者,所在乡镇（街道）,城乡分类')).toBe(true);
    const r = parseRegistry(new TextEncoder().encode(csv), 'registry.csv', pack);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.schools).toEqual(registrySchools(plan));
  });

  it('refuses a district it cannot make, in Chinese', () => {
    expect(() => planDistrict({ pack, schools: 0 })).toThrow(/学校数/);
    expect(() => planDistrict({ pack, schools: 5, submission: 'ABC' })).toThrow(/没有报表 ABC/);
    expect(() => planDistrict({ pack, schools: 5, period: '2025' })).toThrow(/期间/);
  });
});
