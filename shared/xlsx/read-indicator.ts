// Reads an indicator sheet back: checks its layout and takes the entered values by position.
import type { IndicatorSheet, Pack } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import type { SheetEntry } from '../model/data';
import { computeIndicatorTable } from '../compute/indicator';
import { cellKey } from '../pack/stat-cells';
import { indicatorLayout, sectionLabels } from './layout-indicator';
import type { GridValue } from './grid';
import { expectText } from './read-sheets';
import { ReportReadError, type ReadLocation } from './read-errors';

export function readIndicator(v: GridValue[][], sheet: IndicatorSheet, pack: Pack, school: SchoolProfile, period: string, where: ReadLocation): SheetEntry {
  // the layout depends only on which rows apply to the school, not on the values
  const submission = pack.submissions.find((s) => s.sheets.includes(sheet.id))?.code ?? '';
  const table = computeIndicatorTable(sheet, { pack, school, data: { submission, period, status: '草稿', version: 0, sheets: {} } });
  const L = indicatorLayout(table);
  expectText(v, 1, 1, sheet.title, where);
  const cells: Record<string, number | string> = {};
  table.sections.forEach((s, i) => {
    const at = L.sections[i]!;
    if (at.title) expectText(v, at.title, 1, s.title!, where);
    expectText(v, at.header, 1, '指标名称', where);
    expectText(v, at.header, 2, '代码', where);
    sectionLabels(s.section).forEach((l, k) => expectText(v, at.header, k + 3, l, where));
    const valueCol = 3 + s.section.columns.indexOf('value');
    for (const r of s.results) {
      const row1 = L.rowOf.get(r.row.code)!;
      expectText(v, row1, 1, r.row.label, where);
      expectText(v, row1, 2, r.row.code, where);
      if (r.row.value.op !== 'entered') continue;
      const g = v[row1 - 1]?.[valueCol - 1] ?? null;
      if (g === null || g === '') continue;
      if (!r.row.value.values && typeof g !== 'number')
        throw new ReportReadError(`应为数字，实为“${g}”`, { ...where, row: row1, col: valueCol });
      cells[cellKey(r.row.code, 'value')] = g;
    }
  });
  return { cells };
}
