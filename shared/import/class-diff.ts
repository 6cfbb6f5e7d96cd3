// Next term's 学籍 list against the class list already in the period: which classes are new,
// which are gone and which changed (old → new for every counted figure), shown before a replace.
// Columns the count does not produce (班主任, 是否复式班, 备注) are kept from the old row of the
// same class, so a replace does not wipe what the school typed by hand.
import type { LedgerSheet } from '../pack/schema';
import type { CellValue } from '../model/data';
import { norm } from './record-rules';

type Values = Readonly<Record<string, CellValue>>;

export interface ClassChange {
  key: string;
  /** 学段 年级 班级名称 of the class */
  label: string;
  kind: 'added' | 'removed' | 'changed';
  /** per counted column that differs: label, old, new */
  changes: { column: string; label: string; old: CellValue; new: CellValue }[];
}

export interface ClassDiff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  list: ClassChange[];
}

/** The columns a per-record count produces: the group's own and every count. */
export function countedColumns(sheet: LedgerSheet): string[] {
  const r = sheet.recordImport;
  if (!r) return [];
  return [r.stageColumn, r.gradeColumn, r.groupColumn, r.totalColumn, ...r.counts.map((c) => c.column)];
}

function keyOf(sheet: LedgerSheet, v: Values): string {
  const r = sheet.recordImport!;
  return [v[r.stageColumn], v[r.gradeColumn], norm(String(v[r.groupColumn] ?? ''))].join('|');
}

function labelOf(sheet: LedgerSheet, v: Values): string {
  const r = sheet.recordImport!;
  return [v[r.stageColumn], v[r.gradeColumn], v[r.groupColumn]].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
}

const num = (v: CellValue | undefined) => (v === undefined ? null : v);

export function classDiff(sheet: LedgerSheet, existing: readonly Values[], counted: readonly Values[]): ClassDiff {
  const r = sheet.recordImport!;
  const figures = [r.totalColumn, ...r.counts.map((c) => c.column)];
  const label = (k: string) => sheet.columns.find((c) => c.key === k)?.label ?? k;
  const old = new Map(existing.map((v) => [keyOf(sheet, v), v]));
  const list: ClassChange[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const v of counted) {
    const key = keyOf(sheet, v);
    seen.add(key);
    const o = old.get(key);
    if (!o) {
      list.push({ key, label: labelOf(sheet, v), kind: 'added', changes: figures.map((f) => ({ column: f, label: label(f), old: null, new: num(v[f]) })) });
      continue;
    }
    const changes = figures.filter((f) => (num(o[f]) ?? 0) !== (num(v[f]) ?? 0)).map((f) => ({ column: f, label: label(f), old: num(o[f]), new: num(v[f]) }));
    if (changes.length) list.push({ key, label: labelOf(sheet, v), kind: 'changed', changes });
    else unchanged++;
  }
  for (const [key, o] of old)
    if (!seen.has(key)) list.push({ key, label: labelOf(sheet, o), kind: 'removed', changes: figures.map((f) => ({ column: f, label: label(f), old: num(o[f]), new: null })) });
  const n = (k: ClassChange['kind']) => list.filter((c) => c.kind === k).length;
  return { added: n('added'), removed: n('removed'), changed: n('changed'), unchanged, list };
}

/** Counted rows with the hand-typed columns (班主任, 是否复式班, 备注) of the same old class kept. */
export function keepTyped(sheet: LedgerSheet, existing: readonly Values[], counted: readonly Values[]): Record<string, CellValue>[] {
  const own = new Set(countedColumns(sheet));
  const old = new Map(existing.map((v) => [keyOf(sheet, v), v]));
  return counted.map((v) => {
    const o = old.get(keyOf(sheet, v));
    const kept: Record<string, CellValue> = {};
    if (o) for (const c of sheet.columns) if (!own.has(c.key) && o[c.key] !== null && o[c.key] !== undefined) kept[c.key] = o[c.key]!;
    return { ...kept, ...v };
  });
}
