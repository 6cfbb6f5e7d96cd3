// The plan targets a pack carries (规划目标): lookup by id for the forms that show a 目标 column,
// and the wording the app uses to show them. Ids are scoped to a pack, so the same indicator
// keeps the same id in every bureau's pack (`student-fitness-pass-rate` is 95% in one, 98% in
// another) and a shared form can name it once.
import type { Pack, Target } from './schema';

export const DIRECTION_SYMBOL: Record<Target['direction'], string> = { atLeast: '≥', atMost: '≤', equal: '=' };

/** Levels in display order: what one school can work out from its own reports, then what only the bureau can. */
export const TARGET_LEVELS: readonly { level: Target['level']; label: string; hint: string }[] = [
  { level: 'school', label: '学校可算', hint: '本校的报表数据能算出或直接填报' },
  { level: 'district', label: '区级汇总', hint: '需要全区各校数据或人口数据，由教育局汇总' },
];

/** The first of `ids` the pack has a target for (a form may name a fallback, e.g. a 2022 and a 2025 figure). */
export function findTarget(pack: Pick<Pack, 'targets'>, ids: readonly string[]): Target | undefined {
  for (const id of ids) {
    const t = pack.targets.find((x) => x.id === id);
    if (t) return t;
  }
  return undefined;
}

/** `98` + `%` → `98%`; `2600` + `名` → `2600 名`; a unitless index stays a bare number. */
export function formatAmount(value: number, unit: string): string {
  if (!unit) return String(value);
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** The target as a school reads it: `≥ 98%`, `≤ 2 年`, `= 0 起`. */
export function formatTarget(t: Pick<Target, 'value' | 'unit' | 'direction'>): string {
  return `${DIRECTION_SYMBOL[t.direction]} ${formatAmount(t.value, t.unit)}`;
}

/** The 2020 figure in the target's unit, or an em dash when the plan gives none. */
export function formatBaseline(t: Pick<Target, 'baseline' | 'unit'>): string {
  return t.baseline === undefined ? '—' : formatAmount(t.baseline, t.unit);
}

/** The pack's targets grouped by level, in pack order within each group; empty groups are left out. */
export function targetsByLevel(targets: readonly Target[]): { level: Target['level']; label: string; hint: string; targets: Target[] }[] {
  return TARGET_LEVELS.map((l) => ({ ...l, targets: targets.filter((t) => t.level === l.level) })).filter((g) => g.targets.length);
}
