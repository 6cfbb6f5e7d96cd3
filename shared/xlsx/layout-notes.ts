// 校验说明 (one row per 经验校验 warning left standing, with the school's written 说明) and _meta.
import type { Finding } from '../audit/types';
import { cell, type GridValue, type SheetGrid } from './grid';
import { META_SHEET, NOTES_SHEET, type ReportContext } from './context';
import { ledgerSubtitle } from './layout-ledger';

export const NOTES_HEADERS = ['规则编号', '表', '位置', '提示', '学校说明'] as const;

export function notesGrid(warnings: readonly Finding[], ctx: ReportContext): SheetGrid {
  const explanations = ctx.data.explanations ?? {};
  const pad = (v: string, role: 'title' | 'subtitle') => [cell(v, role), ...Array.from({ length: 4 }, () => cell(null, role))];
  return {
    name: NOTES_SHEET,
    kind: 'notes',
    rows: [
      pad(NOTES_SHEET, 'title'),
      pad(ledgerSubtitle(ctx), 'subtitle'),
      NOTES_HEADERS.map((h) => cell(h, 'header')),
      ...warnings.map((f) => [
        cell(f.ruleId, 'text'), cell(f.sheetTitle, 'text'), cell(f.cell ?? '—', 'text'),
        cell(f.message, 'text'), cell(explanations[f.key] ?? '', 'text'),
      ]),
    ],
    merges: [[1, 1, 1, 5], [2, 1, 2, 5]],
    widths: [16, 24, 8, 60, 40],
    freeze: { xSplit: 0, ySplit: 3 },
    printTitleRows: [3, 3],
    table: { top: 3, left: 1, bottom: 3 + warnings.length, right: 5 },
  };
}

export function metaGrid(entries: [string, GridValue][]): SheetGrid {
  return {
    name: META_SHEET,
    kind: 'meta',
    rows: entries.map(([k, v]) => [cell(k, 'text'), cell(v, 'text')]),
    merges: [],
    widths: [28, 72],
    hidden: true,
  };
}
