// Indicator sheets: title, 填报单位 line, then per section an optional section title, a header
// row (指标名称 · 代码 · 单位/本校值/目标/是否达标 as the pack lists), the 甲/乙/1… row and the
// rows; a blank row between sections; the signature line last.
import type { IndicatorSection } from '../pack/indicator-schema';
import type { IndicatorTable } from '../compute/indicator';
import { cell, textWidth, type GridCell, type SheetGrid } from './grid';
import { signatureLine, type ReportContext } from './context';
import { whenLine } from '../model/period';

const DEFAULT_LABELS = { unit: '单位', value: '本校值', target: '目标', met: '是否达标' } as const;

export function sectionLabels(s: IndicatorSection): string[] {
  return s.columns.map((c) => s.labels?.[c] ?? DEFAULT_LABELS[c]);
}

/** Where each row and section lands: 1-based row numbers, and the width of the sheet. */
export function indicatorLayout(table: IndicatorTable) {
  const width = 2 + Math.max(...table.sections.map((s) => s.section.columns.length));
  const rowOf = new Map<string, number>();
  const sections: { title?: number; header: number; numbers: number; first: number; last: number; note?: number }[] = [];
  let r = 3;
  for (const s of table.sections) {
    const title = s.title ? r++ : undefined;
    const header = r++;
    const numbers = r++;
    const first = r;
    for (const res of s.results) rowOf.set(res.row.code, r++);
    const last = r - 1;
    const note = s.section.note ? r++ : undefined;
    sections.push({ title, header, numbers, first, last, note });
    r++; // blank row between sections
  }
  return { width, rowOf, sections, signatureRow: r };
}

export function indicatorGrid(table: IndicatorTable, ctx: ReportContext): SheetGrid {
  const L = indicatorLayout(table);
  const W = L.width;
  const line = (first: GridCell) => [first, ...Array.from({ length: W - 1 }, () => cell(null, first.role))];
  const rows: GridCell[][] = [];
  const merges: SheetGrid['merges'] = [[1, 1, 1, W]];
  rows.push(line(cell(table.sheet.title, 'title')));
  const { periodKind } = ctx.submission;
  const when = whenLine(periodKind, ctx.data.period);
  // 填报单位 over the label and code columns, the 统计时点 over the value columns, right-aligned
  const sub = line(cell(`填报单位：${ctx.school.name}`, 'subtitle'));
  for (let c = 2; c < W; c++) sub[c] = cell(null, 'subtitleRight');
  sub[2] = cell(when, 'subtitleRight');
  rows.push(sub);
  merges.push([2, 1, 2, 2], [2, 3, 2, W]);
  table.sections.forEach((s, i) => {
    const at = L.sections[i]!;
    const def = s.section;
    if (at.title) {
      rows.push(line(cell(s.title!, 'key')));
      merges.push([at.title, 1, at.title, W]);
    }
    const pad = (cells: GridCell[], role: GridCell['role']) => [...cells, ...Array.from({ length: W - cells.length }, () => cell(null, role))];
    rows.push(pad([cell('指标名称', 'header'), cell('代码', 'header'), ...sectionLabels(def).map((l) => cell(l, 'header'))], 'data'));
    rows.push(pad([cell('甲', 'number'), cell('乙', 'number'), ...def.columns.map((_, k) => cell(String(k + 1), 'number'))], 'data'));
    for (const res of s.results) {
      const values = def.columns.map((c): GridCell => {
        if (c === 'unit') return cell(res.row.unit ?? null, 'text');
        if (c === 'value') return cell(res.value, res.kind === 'computed' ? 'computed' : typeof res.value === 'string' ? 'text' : 'data');
        if (c === 'target') return cell(res.target, typeof res.target === 'string' ? 'text' : 'data');
        return cell(res.met === undefined ? null : res.met ? '是' : '否', 'blocked');
      });
      rows.push(pad([cell(res.row.label, 'label'), cell(res.row.code, 'code'), ...values], 'data'));
    }
    if (at.note) {
      rows.push(line(cell(`注：${def.note}`, 'sign')));
      merges.push([at.note, 1, at.note, W]);
    }
    rows.push(line(cell(null, 'data')));
  });
  rows.push(line(cell(signatureLine(ctx), 'sign')));
  merges.push([L.signatureRow, 1, L.signatureRow, W]);
  const labelWidth = Math.max(16, ...table.sections.flatMap((s) => s.results.map((r) => textWidth(r.row.label) + 2)));
  return {
    name: table.sheet.title,
    kind: 'stat',
    rows,
    merges,
    widths: [Math.min(labelWidth, 60), 6, ...Array.from({ length: W - 2 }, () => 12)],
    freeze: { xSplit: 0, ySplit: 2 },
    tables: L.sections.map((s, i) => ({ top: s.header, left: 1, bottom: s.last, right: 2 + table.sections[i]!.section.columns.length })),
  };
}
