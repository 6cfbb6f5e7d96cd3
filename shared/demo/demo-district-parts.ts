// The pieces of a demo district (demo-district.ts): which types in what proportion, how big each
// school is where it stands, what it is called, and how many schools fall into each case.
import type { Pack } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import type { Rng } from './random';

/** How a school's 报送 goes: what the bureau's receiving must tell apart. */
export type DemoCase = 'ok' | 'missing' | 'tampered' | 'superseded' | 'late' | 'draft' | 'unknown';

// a county's mix (教育统计 of a 区 of ~100 schools): many 小学 (村小 among them), 幼儿园 next,
// some 初中 and 九年一贯制, few 完全中学 / 高中; a 特教 school only in a large district
const WEIGHTS: [string, number][] = [
  ['小学', 48], ['幼儿园', 24], ['初级中学', 12], ['九年一贯制学校', 8], ['完全中学', 3], ['高级中学', 3],
  ['十二年一贯制学校', 1], ['特殊教育学校', 1],
];
// the types a district of any size has (the 差异系数 needs 小学 and 初中 schools)
const FIRST = ['小学', '初级中学', '幼儿园', '九年一贯制学校', '小学', '完全中学'];

/** n types in the district's proportions (largest remainder), the common ones first guaranteed. */
export function pickTypes(pack: Pack, n: number, rng: Rng, allowed?: readonly string[]): string[] {
  const ok = (t: string) => pack.schoolTypes.some((x) => x.id === t) && (!allowed || allowed.includes(t));
  const weights = WEIGHTS.filter(([t]) => ok(t) && (t !== '特殊教育学校' || n >= 40));
  const first = FIRST.filter(ok).slice(0, Math.min(n, n >= 12 ? 6 : 4));
  const rest = n - first.length;
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const quota = weights.map(([t, w]) => ({ t, exact: (rest * w) / total, k: Math.floor((rest * w) / total) }));
  let left = rest - quota.reduce((s, q) => s + q.k, 0);
  for (const q of [...quota].sort((a, b) => b.exact - b.k - (a.exact - a.k))) if (left-- > 0) q.k++;
  const types = [...first, ...quota.flatMap((q) => Array.from({ length: q.k }, () => q.t))];
  // a seeded shuffle past the guaranteed ones, so types are not grouped by 乡镇
  for (let i = types.length - 1; i > first.length; i--) {
    const j = first.length + Math.floor(rng.next() * (i - first.length + 1));
    [types[i], types[j]] = [types[j]!, types[i]!];
  }
  return types;
}

/** A 城区 school has 4–7 classes a grade; a 镇区 one 2–4; a 村小 one or two of 15–38 pupils. */
export function scaleFor(type: string, where: SchoolProfile['urbanRural'], rng: Rng): { classes: number; size?: [number, number] } | undefined {
  if (type === '特殊教育学校') return undefined;
  if (type === '幼儿园') return { classes: where === '城区' ? rng.int(2, 4) : rng.int(1, 2) };
  if (type !== '小学' && type !== '初级中学' && type !== '九年一贯制学校') return { classes: where === '城区' ? rng.int(4, 8) : rng.int(2, 4) };
  if (where === '城区') return { classes: rng.int(4, 7), size: [42, 50] };
  if (where === '镇区') return { classes: rng.int(2, 4), size: [36, 48] };
  return { classes: rng.int(1, 2), size: [15, 38] };
}

const PLACES = ['红星', '光明', '新华', '长乐', '青龙', '白鹤', '石桥', '永丰', '双河', '金龙', '柏林', '福田', '太平', '和平', '顺河', '黄土', '大井', '玉皇', '龙门', '兴隆', '凤凰', '清河', '杨柳', '松林', '桂花', '高桥', '回龙', '莲花', '三星', '五一'];
const PRIVATE = ['博雅', '英才', '育才', '启明', '阳光', '童趣', '明德', '华夏'];
const SUFFIX: Record<string, string> = {
  幼儿园: '幼儿园', 小学: '小学', 初级中学: '中学', 九年一贯制学校: '学校', 完全中学: '中学', 高级中学: '高级中学',
  十二年一贯制学校: '学校', 特殊教育学校: '特殊教育学校',
};

/** 罗江区金山镇中心小学, 罗江区金山镇红星小学, 罗江区万安街道育才幼儿园 …, never twice the same. */
export function nameFor(o: { district: string; township: string; type: string; sponsor: string; rng: Rng; used: Set<string> }): string {
  const suffix = SUFFIX[o.type] ?? '学校';
  const words = o.sponsor === '民办' ? PRIVATE : o.type === '小学' || o.type === '幼儿园' ? ['中心', ...PLACES] : ['', '第一', '第二', ...PLACES];
  for (let round = 0; ; round++) {
    for (const w of words) {
      const name = `${o.district}${o.township}${w}${round ? `第${round + 1}` : ''}${suffix}`;
      if (!o.used.has(name) && (round > 0 || w === words[0] || o.rng.chance(0.5))) {
        o.used.add(name);
        return name;
      }
    }
  }
}

/** How many schools of n fall into each case (the rest are 'ok'); at most half are special. */
export function caseCounts(n: number): [DemoCase, number][] {
  const few = (share: number) => Math.max(1, Math.round(n * share));
  const counts: [DemoCase, number][] = [['missing', few(0.03)], ['tampered', few(0.005)], ['superseded', few(0.02)], ['late', few(0.03)], ['draft', 1]];
  let budget = Math.floor(n / 2);
  return counts.map(([c, k]) => {
    const take = Math.min(k, budget);
    budget -= take;
    return [c, take];
  });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
export function addDays(day: string, days: number): string {
  return iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}
export function dayBefore(day: string, days: number): string {
  return addDays(day, -days);
}

/** The day the demo data is made "as of": one whose demo holds the planned period. */
export function demoToday(pack: Pack, plan: { submission: string; period: string }): string {
  const kind = pack.submissions.find((s) => s.code === plan.submission)?.periodKind;
  if (kind === 'schoolYear') return `${plan.period.slice(0, 4)}-10-31`;
  // a demo holds the month before `today` (SPAQ) and the four before it (XYAQ)
  return addDays(`${plan.period}-01`, 40);
}
