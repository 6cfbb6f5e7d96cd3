// The bureau's formulas and the 差异系数 as pack data: both seed packs carry them, a pack that
// names a formula or row that does not exist is refused with its path, and the limits are
// checked by zod. Also: the import circles opened in shared/audit and shared/compute stay open.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPacks, PackError } from '../../shared/pack/loader';
import { readSeedFiles, REPO_ROOT, seedPacks } from '../../shared/cli/seeds';

const packs = seedPacks();

function loadWith(edit: (files: { path: string; json: any }[]) => void): () => void {
  const files = structuredClone(readSeedFiles()) as { path: string; json: any }[];
  edit(files);
  return () => loadPacks(files);
}
const file = (files: { path: string; json: any }[], path: string) => files.find((f) => f.path === path)!.json;

describe('差异系数 and district formulas in the seed packs', () => {
  it.each(['luojiang', 'shuangliu'])('%s: 小学 ≤ 0.50 and 初中 ≤ 0.45 on the seven rows of 办学条件与优质均衡', (id) => {
    const b = packs.get(id)!.balance!;
    expect(b.sheet).toBe('conditions');
    expect(b.stages.map((s) => [s.stage, s.maxCv, s.rows.length, s.standardRow])).toEqual([['小学', 0.5, 7, '19'], ['初中', 0.45, 7, '29']]);
    expect(b.excludeSchoolTypes).toEqual(['特殊教育学校']);
  });

  it('every target naming a formula finds it; the *pop* ones are population formulas', () => {
    for (const pack of packs.values()) {
      const ids = new Set(pack.districtFormulas!.map((f) => f.id));
      for (const t of pack.targets.filter((x) => x.formula)) expect(ids.has(t.formula!), `${pack.id} ${t.id}`).toBe(true);
    }
    const lj = packs.get('luojiang')!;
    const kind = (id: string) => lj.districtFormulas!.find((f) => f.id === lj.targets.find((t) => t.id === id)!.formula)!.kind;
    expect(['kindergarten-gross-enrolment', 'senior-gross-enrolment-rate', 'disabled-compulsory-enrolment-rate'].map(kind)).toEqual(['population', 'population', 'population']);
  });

  it('refuses a target naming a formula that does not exist, with its path', () => {
    const load = loadWith((fs) => {
      file(fs, 'seeds/packs/luojiang.json').targets[1].formula = 'no-such-formula';
    });
    expect(load).toThrow(PackError);
    expect(load).toThrow('targets[1].formula: 没有区级公式 "no-such-formula"');
  });

  it('refuses a 差异系数 naming a row the sheet does not have, or a 学段 the pack does not know', () => {
    const load = loadWith((fs) => {
      const b = file(fs, 'seeds/forms/national-xnc-indicators.json').balance;
      b.stages[0].rows[6] = '77';
      b.stages[1].stage = '高中';
    });
    expect(load).toThrow('balance.stages[0]: 表 "conditions" 没有第 77 行');
    expect(load).toThrow('balance.stages[1].stage: 没有学段 "高中"');
  });

  it('refuses a CV limit above 1 and a school filter naming an unknown type', () => {
    expect(loadWith((fs) => { file(fs, 'seeds/forms/national-xnc-indicators.json').balance.stages[0].maxCv = 5; })).toThrow(/maxCv/);
    expect(loadWith((fs) => { file(fs, 'seeds/forms/national-district.json').districtFormulas[0].num.schools[0].stages = ['托班']; })).toThrow(
      'districtFormulas[0].num.schools[0].stages: 没有学段 "托班"',
    );
  });

  it('refuses a formula reading a sheet that is no list, a missing indicator row, or `row` (no sheet of its own)', () => {
    const load = loadWith((fs) => {
      const f = file(fs, 'seeds/forms/national-district.json').districtFormulas;
      const at = (id: string) => f.findIndex((x: { id: string }) => x.id === id);
      f[at('nutrition-staff-rate')].num.expr = { op: 'count', sheet: 'jj3112' };
      f[at('teacher-it-ability-rate')].num.expr = { op: 'ind', sheet: 'teacherDev', code: '99' };
      f[at('key-teachers-total')].of.expr = { op: 'row', code: '01' };
    });
    const f = readSeedFiles().find((x) => x.path === 'seeds/forms/national-district.json')!.json as { districtFormulas: { id: string }[] };
    const i = (id: string) => f.districtFormulas.findIndex((x) => x.id === id);
    expect(load).toThrow(`districtFormulas[${i('nutrition-staff-rate')}].num.expr: "jj3112" 不是名册表`);
    expect(load).toThrow(`districtFormulas[${i('teacher-it-ability-rate')}].num.expr: 指标表 teacherDev 没有第 99 行`);
    expect(load).toThrow(`districtFormulas[${i('key-teachers-total')}].of.expr: 区级公式不能用 "row"`);
  });

  it('a pack\'s own 差异系数 wins over its library\'s (a bureau with other limits writes data, not code)', () => {
    const files = structuredClone(readSeedFiles()) as { path: string; json: any }[];
    const own = structuredClone(file(files, 'seeds/forms/national-xnc-indicators.json').balance);
    own.stages[0].maxCv = 0.4;
    file(files, 'seeds/packs/shuangliu.json').balance = own;
    const loaded = loadPacks(files);
    expect([loaded.get('shuangliu')!.balance!.stages[0]!.maxCv, loaded.get('luojiang')!.balance!.stages[0]!.maxCv]).toEqual([0.4, 0.5]);
  });
});

// import cycles among shared/ files, type-only imports included (as madge counts them)
function cycles(root: string): string[][] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)]
    .map((m) => `${resolve(dirname(f), m[1]!)}.ts`).filter((p) => known.has(p))]));
  const out: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const dfs = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const d of graph.get(n)!) {
      if (state.get(d) === 1) out.push(stack.slice(stack.indexOf(d)).map((x) => relative(root, x)));
      else if (!state.has(d)) dfs(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const f of files) if (!state.has(f)) dfs(f);
  return out;
}

describe('import circles', () => {
  const found = cycles(join(REPO_ROOT, 'shared'));
  it('finds a circle when there is one (the detector works)', () => {
    const dir = join(REPO_ROOT, 'test', 'fixtures', 'circle');
    expect(cycles(dir)).toEqual([['a.ts', 'b.ts']]);
  });
  it('none passes through shared/audit or shared/compute', () => {
    expect(found.filter((c) => c.some((f) => f.startsWith('audit/') || f.startsWith('compute/')))).toEqual([]);
  });
});
