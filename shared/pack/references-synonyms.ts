// A column's value synonyms must point at a value the column can hold: a synonym to a value not in
// its list would turn a school's correct wording into an error (or hide a typo in the pack).
import type { LedgerColumn, Pack } from './schema';
import { listedValues, normaliseValue } from './synonyms';

/** The values a synonym of this column may point to, for any school of the pack. */
function targets(column: LedgerColumn, pack: Pack): string[] {
  if (column.valuesFrom === 'schoolStages') return pack.stages.map((s) => s.id);
  if (column.valuesFrom === 'stageGrades') return pack.stages.flatMap((s) => s.grades);
  return listedValues(column);
}

export function checkSynonymRefs(column: LedgerColumn, pack: Pack, at: string, out: string[]): void {
  if (!column.synonyms) return;
  if (column.type !== 'enum') {
    out.push(`${at}.synonyms: 只有枚举列可以有 synonyms`);
    return;
  }
  const allowed = targets(column, pack);
  const own = new Map(allowed.map((v) => [normaliseValue(v), v]));
  const seen = new Map<string, [string, string]>();
  for (const [from, to] of Object.entries(column.synonyms)) {
    const key = normaliseValue(from);
    if (!allowed.includes(to)) out.push(`${at}.synonyms["${from}"]: “${to}”不是「${column.label}」的可选值（${allowed.join('、')}）`);
    const listed = own.get(key);
    if (listed !== undefined && listed !== to) out.push(`${at}.synonyms["${from}"]: “${from}”本身是可选值“${listed}”，不能再对应到“${to}”`);
    const before = seen.get(key);
    if (before && before[1] !== to)
      out.push(`${at}.synonyms["${from}"]: 与“${before[0]}”写法相同（忽略全半角和空格），却对应到不同的值（“${before[1]}”、“${to}”）`);
    seen.set(key, [from, to]);
  }
}
