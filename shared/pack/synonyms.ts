// Enum values as other systems word them: a 人事 export says 大学本科, 一级教师, 在编, 汉 where the
// bureau's list says 本科, 中级, 是, 汉族. The pack gives each column its `synonyms`; text is
// compared after NFKC (full-width → half-width) with spaces removed and Latin letters lower-cased,
// so “本　科”, “Ｙ” and “y” match too. Used by parseInput, so typing, paste and import agree.
import type { LedgerColumn } from './schema';

/** Comparable form of an enum text: NFKC, no whitespace at all, lower case. */
export function normaliseValue(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Every value the column lists for any school (its own list and the per-school-type ones). */
export function listedValues(column: LedgerColumn): string[] {
  return [...new Set([...(column.values ?? []), ...Object.values(column.valuesBySchoolType ?? {}).flat()])];
}

const lookups = new WeakMap<LedgerColumn, Map<string, string>>();

/** normalised text → the value it stands for: the listed values themselves first, then the synonyms. */
function lookupOf(column: LedgerColumn): Map<string, string> {
  let map = lookups.get(column);
  if (map) return map;
  map = new Map();
  for (const v of listedValues(column)) map.set(normaliseValue(v), v);
  // a listed value is never re-pointed by a synonym (the pack loader refuses such a synonym anyway)
  for (const [from, to] of Object.entries(column.synonyms ?? {})) if (!map.has(normaliseValue(from))) map.set(normaliseValue(from), to);
  lookups.set(column, map);
  return map;
}

/**
 * The value an enum text stands for: a listed value written with other widths or spaces becomes
 * that value, a synonym its value; anything else comes back trimmed, as typed (the audit flags it).
 */
export function canonicalEnum(column: LedgerColumn, text: string): string {
  const trimmed = text.trim();
  if (column.type !== 'enum') return trimmed;
  const map = lookupOf(column);
  // most cells are already a listed value or a synonym as the pack spells it: no NFKC for them
  return map.get(trimmed) ?? map.get(normaliseValue(trimmed)) ?? trimmed;
}
