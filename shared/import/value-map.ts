// The 对应 step of an import: enum values still unknown after the pack's synonyms (a school's own
// wording: 特级教师, 校级骨干, 心理健康) are listed once per column with their count, and the user
// says once what each means. The answer — a ValueMap — is remembered per school by the app and
// given to the CLI as `--map 对应.json`; both apply it here, after the synonyms, to values that
// are not already allowed (a map never changes a correct value).
import { z } from 'zod';
import type { LedgerColumn, LedgerSheet } from '../pack/schema';
import type { CellValue } from '../model/data';
import { enumValues } from '../pack/applicability';
import { normaliseValue } from '../pack/synonyms';
import type { ValidationTarget } from './import-target';

/** column key → value as written in the file → the column's value it stands for. */
export type ValueMap = Record<string, Record<string, string>>;

const text = z.string().trim().min(1).max(200);
/** A map as stored or read from a file; the CLI also accepts a column's label for its key. */
export const valueMapSchema = z.record(text, z.record(text, text));

/** One distinct value the 对应 step shows. `to` is the current choice (undefined: kept, an error). */
export interface ValueChoice {
  colKey: string;
  label: string;
  value: string;
  count: number;
  /** the values the dropdown offers */
  allowed: string[];
  to?: string;
}

/** The values a column offers the school (年级: every grade of its 学段). */
export function offeredValues(target: ValidationTarget, column: LedgerColumn): string[] {
  return enumValues(target.pack, target.school.type, column);
}

/** Looks a value up in one column's map, ignoring width and spaces as synonyms do. */
function lookup(entries: Record<string, string> | undefined): ((v: string) => string | undefined) | undefined {
  if (!entries || !Object.keys(entries).length) return undefined;
  const m = new Map(Object.entries(entries).map(([from, to]) => [normaliseValue(from), to]));
  return (v) => m.get(normaliseValue(v));
}

/** Tally of the 对应 applied and of values left unknown, filled while converting. */
export class ValueTally {
  private readonly seen = new Map<string, ValueChoice>();

  constructor(
    private readonly sheet: LedgerSheet,
    private readonly target: ValidationTarget,
    private readonly map: ValueMap = {},
  ) {}

  private readonly lookups = new Map<string, ((v: string) => string | undefined) | undefined>();

  private find(key: string) {
    if (!this.lookups.has(key)) this.lookups.set(key, lookup(this.map[key]));
    return this.lookups.get(key);
  }

  /** Replaces each enum value the row's column does not allow by its 对应, counting what it saw. */
  apply(values: Record<string, CellValue>): void {
    for (const col of this.sheet.columns) {
      const v = values[col.key];
      if (col.type !== 'enum' || typeof v !== 'string' || v === '') continue;
      const allowed = enumValues(this.target.pack, this.target.school.type, col, values);
      if (allowed.includes(v)) continue;
      const to = this.find(col.key)?.(v);
      // a remembered answer the row cannot take (年级 of another 学段) is not used: the value stays, flagged
      const usable = to !== undefined && allowed.includes(to) ? to : undefined;
      if (usable !== undefined) values[col.key] = usable;
      const id = `${col.key}\u0000${normaliseValue(v)}`;
      const entry = this.seen.get(id) ?? { colKey: col.key, label: col.label, value: v, count: 0, allowed: offeredValues(this.target, col), to: usable };
      entry.count++;
      this.seen.set(id, entry);
    }
  }

  /** Every distinct value met, in column order, the most frequent first within a column. */
  choices(): ValueChoice[] {
    const order = new Map(this.sheet.columns.map((c, i) => [c.key, i]));
    return [...this.seen.values()].sort((a, b) => order.get(a.colKey)! - order.get(b.colKey)! || b.count - a.count || a.value.localeCompare(b.value, 'zh'));
  }
}

/** The map with one answer set (`to`) or removed (undefined: keep the value, an error). */
export function withChoice(map: ValueMap, colKey: string, value: string, to: string | undefined): ValueMap {
  const entries = { ...map[colKey] };
  for (const k of Object.keys(entries)) if (normaliseValue(k) === normaliseValue(value)) delete entries[k];
  if (to !== undefined) entries[value] = to;
  const next = { ...map, [colKey]: entries };
  if (!Object.keys(entries).length) delete next[colKey];
  return next;
}

export class ValueMapError extends Error {}

/**
 * A --map file's JSON (already parsed) → a ValueMap by column key. Columns may be named by key or
 * label; a column that is not an enum of the sheet, or an answer that is not one of the column's
 * values for this school, is refused with the file and the place named.
 */
export function readValueMap(json: unknown, sheet: LedgerSheet, target: ValidationTarget, file: string): ValueMap {
  const parsed = valueMapSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ValueMapError(`对应文件「${file}」格式不对（${i.path.join('.') || '(根)'}：${i.message}）；应为 {"列名或列代码": {"文件中的写法": "本表的可选值"}}`);
  }
  const out: ValueMap = {};
  for (const [name, entries] of Object.entries(parsed.data)) {
    const col = sheet.columns.find((c) => c.key === name) ?? sheet.columns.find((c) => normaliseValue(c.label) === normaliseValue(name));
    if (!col) throw new ValueMapError(`对应文件「${file}」：「${sheet.title}」没有列“${name}”`);
    if (col.type !== 'enum') throw new ValueMapError(`对应文件「${file}」：列「${col.label}」不是下拉选项列，不需要对应`);
    const allowed = offeredValues(target, col);
    for (const [from, to] of Object.entries(entries))
      if (!allowed.includes(to))
        throw new ValueMapError(`对应文件「${file}」：「${col.label}」的“${from}”对应到“${to}”，但“${to}”不是可选值（${allowed.join('、')}）`);
    out[col.key] = { ...out[col.key], ...entries };
  }
  return out;
}
