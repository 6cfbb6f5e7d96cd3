// 表间审核: one cell of a statistics sheet against cells of another statistics sheet of the same
// period (教基4149 专任教师 = Σ 教基4153 学段合计). The other sheet is taken as the school sees it
// (its 学段 blocks expanded); a sheet that does not apply to the school is not compared.
import type { Pack, Submission } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { sheetsFor, stagesOf } from '../pack/applicability';
import { resolveRowRefs } from '../pack/expand';
import { tableValue, type StatTable } from '../compute/stat-table';
import type { PeriodContext } from '../compute/period-context';
import { statCellAddress } from '../xlsx/addresses';
import type { Finding } from './types';

/** The school's statistics sheets of one period, each computed at most once. */
export interface CrossSheets {
  table(sheetId: string): StatTable | undefined;
  /** row refs of that sheet (`*key` for every 学段 block) as the school's concrete codes */
  rows(sheetId: string, refs: readonly string[]): string[];
}

/** The tables come from the period's memo: computed once for the audit, indicators and export. */
export function crossSheets(pack: Pack, submission: Submission, school: SchoolProfile, ctx: PeriodContext): CrossSheets {
  const applies = new Set<string>();
  for (const s of sheetsFor(pack, submission, school.type)) if (s.kind === 'stat') applies.add(s.id);
  const stages = stagesOf(pack, school.type);
  return {
    table(sheetId) {
      return applies.has(sheetId) ? ctx.stat(sheetId) : undefined;
    },
    rows(sheetId, refs) {
      const template = pack.sheets[sheetId];
      return template?.kind === 'stat' ? resolveRowRefs(template, stages, refs) : [...refs];
    },
  };
}

export function checkCrossSums(table: StatTable, cross: CrossSheets): Finding[] {
  const sheet = table.sheet;
  const out: Finding[] = [];
  for (const k of sheet.checks ?? []) {
    if (k.kind !== 'crossSum') continue;
    const other = cross.table(k.sheet);
    const a = tableValue(table, k.row, k.col);
    if (!other || a === undefined) continue;
    let sum = 0;
    for (const code of cross.rows(k.sheet, k.rows)) for (const col of k.cols) sum += tableValue(other, code, col) ?? 0;
    if ((a ?? 0) === sum) continue;
    const cell = statCellAddress(sheet, k.row, k.col);
    const rowLabel = sheet.rows.find((r) => r.code === k.row)?.label.trim() ?? k.row;
    const colLabel = sheet.columns.find((c) => c.key === k.col)?.label ?? k.col;
    out.push({
      key: `${k.id}|${sheet.id}|${k.row}|${k.col}`, ruleId: k.id, severity: k.severity, sheetId: sheet.id,
      sheetTitle: sheet.title, row: { kind: 'stat', code: k.row }, colKey: k.col, cell,
      message: `${sheet.title} [${k.row} ${rowLabel} × ${colLabel}] (${cell})：${k.message}（${a ?? 0} ≠ ${other.sheet.title} ${sum}）`,
    });
  }
  return out;
}
