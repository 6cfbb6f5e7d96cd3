// Blank templates: the bureau's workbook for a pack × submission × school type with no data,
// for a school that prints and fills by hand, or checks what it will have to report.
// Ledger sheets get numbered blank rows with borders to write in.
import type { Pack } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { isValidPeriod, periodOf } from '../model/period';
import { buildReport } from './report';
import { renderWorkbook } from './render';
import { cell, type SheetGrid } from './grid';

export const TEMPLATE_BLANK_ROWS = 20;
export const TEMPLATE_STATUS = '空白模板';

export interface TemplateInput {
  pack: Pack;
  submission: string;
  schoolType: string;
  /** the period printed on the sheets; by default the one containing `today` */
  period?: string;
  today: string;
  appVersion: string;
  /** fill 填报单位 and 封面 with the school's own details when the app has them */
  school?: SchoolProfile;
}

function withBlankRows(g: SheetGrid): SheetGrid {
  if (g.kind !== 'ledger' || !g.table) return g;
  const width = g.rows[0]!.length;
  const start = g.rows.length - 3; // rows already numbered
  const blank = Array.from({ length: TEMPLATE_BLANK_ROWS }, (_, i) => [cell(start + i + 1, 'code'), ...Array.from({ length: width - 1 }, () => cell(null, 'data'))]);
  return { ...g, rows: [...g.rows, ...blank], table: { ...g.table, bottom: g.table.bottom + TEMPLATE_BLANK_ROWS } };
}

export async function exportTemplate(input: TemplateInput): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { pack, schoolType } = input;
  const sub = findSubmission(pack, input.submission);
  if (!sub) throw new Error(`报表包 ${pack.id} 没有报表 ${input.submission}，可选：${pack.submissions.map((s) => s.code).join('、')}`);
  if (!pack.schoolTypes.some((t) => t.id === schoolType))
    throw new Error(`办学类型“${schoolType}”不在报表包中，可选：${pack.schoolTypes.map((t) => t.id).join('、')}`);
  const period = input.period ?? periodOf(sub.periodKind, input.today);
  if (!isValidPeriod(sub.periodKind, period)) throw new Error(`期间“${period}”格式不对`);
  const school: SchoolProfile = input.school ?? {
    code: '', name: '', type: schoolType, sponsor: '公办', township: '', urbanRural: '城区',
    head: '', statHead: '', filler: '', phone: '', packId: pack.id,
  };
  // a worksheet of several lists gets its blank rows block by block, as empty rows of each list (the
  // blocks below move down with them); a list whose rows the pack fixes (自查表) cannot grow: none
  const sheets = sheetsFor(pack, sub, schoolType);
  const blank = { rows: Array.from({ length: TEMPLATE_BLANK_ROWS }, (_, i) => ({ id: `blank-${i + 1}` })) };
  const parts = Object.fromEntries(sheets.flatMap((s) => (s.kind === 'ledgerGroup' ? s.parts.map((p) => [p.id, blank]) : [])));
  const asIs = new Set(sheets.filter((s) => s.kind === 'ledgerGroup' || (s.kind === 'ledger' && s.fixedRows)).map((s) => s.title));
  const report = buildReport({
    pack, school: { ...school, type: schoolType }, appVersion: input.appVersion, now: new Date(`${input.today}T00:00:00Z`),
    data: { submission: sub.code, period, status: '草稿', version: 0, reportDate: input.today, sheets: parts },
  });
  // a template is not a report: _meta says so, and readers refuse it as data
  const grids = report.grids.map((g) =>
    g.kind === 'meta' ? { ...g, rows: g.rows.map((r) => (r[0]!.v === 'status' ? [r[0]!, cell(TEMPLATE_STATUS, 'text')] : r)) } : asIs.has(g.name) ? g : withBlankRows(g),
  );
  const bytes = await renderWorkbook(grids, { creator: `校表通 ${input.appVersion}`, created: new Date(`${input.today}T00:00:00Z`) });
  const who = input.school ? `${input.school.code}_${input.school.name}` : `${pack.id}_${schoolType}`;
  return { fileName: `空白模板_${who}_${sub.code}_${period}.xlsx`, bytes };
}
