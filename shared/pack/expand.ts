// Turns a statistics sheet with per-学段 row blocks (教基4153, 4155) into the concrete sheet of
// one school: a block for each 学段 the school has, codes running on after the fixed rows.
// Everything downstream (compute, audit, export, read) sees only concrete sheets.
import type { StatCheck, StatRow, StatSheet } from './schema';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The codes each template row of the 学段 blocks gets for a school, in block order (`*key` refs). */
export function stageRowCodes(sheet: StatSheet, schoolStages: readonly string[]): Map<string, string[]> {
  const sr = sheet.stageRows;
  const out = new Map<string, string[]>((sr?.rows ?? []).map((r) => [r.key, []]));
  if (!sr) return out;
  let next = sheet.rows.reduce((m, r) => Math.max(m, Number(r.code)), 0) + 1;
  for (const _stage of sr.stages.filter((s) => schoolStages.includes(s)))
    for (const t of sr.rows) out.get(t.key)!.push(pad2(next++));
  return out;
}

/** Row refs of a sheet as concrete codes: `*key` → that template row of every block, others as given. */
export function resolveRowRefs(sheet: StatSheet, schoolStages: readonly string[], refs: readonly string[]): string[] {
  const codes = stageRowCodes(sheet, schoolStages);
  return refs.flatMap((r) => (r.startsWith('*') ? (codes.get(r.slice(1)) ?? [r]) : [r]));
}

export function expandStatSheet(sheet: StatSheet, schoolStages: readonly string[]): StatSheet {
  const sr = sheet.stageRows;
  if (!sr) return sheet;
  const stages = sr.stages.filter((s) => schoolStages.includes(s));
  const rows: StatRow[] = [...sheet.rows];
  // template key → the codes it became, one per stage block, in block order
  const codesOf = stageRowCodes(sheet, schoolStages);
  stages.forEach((stage, i) => {
    const label = sr.stageLabels?.[stage] ?? stage;
    for (const t of sr.rows) {
      rows.push({
        code: codesOf.get(t.key)![i]!,
        label: t.label.replace('{学段}', label),
        where: [{ field: sr.field, eq: stage }, ...(t.where ?? [])],
        ...(t.measure ? { measure: t.measure } : {}),
      });
    }
  });
  const all = (ref: string) => (ref.startsWith('*') ? (codesOf.get(ref.slice(1)) ?? [ref]) : [ref]);
  const inBlock = (ref: string, i: number) => (ref.startsWith('*') ? (codesOf.get(ref.slice(1))?.[i] ?? ref) : ref);
  const perStage = (k: StatCheck): StatCheck[] => {
    const refs = k.kind === 'rowsLte' ? [...k.rows, k.than] : k.kind === 'rowSum' ? [k.row, ...k.of] : 'row' in k ? [k.row] : [];
    if (!refs.some((r) => r.startsWith('*'))) return [k];
    return stages.map((_, i) => {
      if (k.kind === 'rowsLte') return { ...k, rows: k.rows.map((r) => inBlock(r, i)), than: inBlock(k.than, i) };
      if (k.kind === 'rowSum') return { ...k, row: inBlock(k.row, i), of: k.of.map((r) => inBlock(r, i)) };
      return { ...k, row: inBlock((k as { row: string }).row, i) } as StatCheck;
    });
  };
  const { stageRows: _, ...rest } = sheet;
  return {
    ...rest,
    rows,
    cells: sheet.cells?.map((o) => ({ ...o, rows: o.rows.flatMap(all) })),
    checks: sheet.checks?.flatMap(perStage),
  };
}
