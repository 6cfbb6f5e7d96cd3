// 校验说明 (one row per 经验校验 warning left standing, with the school's written 说明) and _meta.
// A 说明 written once for all findings of a rule stands on each of its rows that has no own 说明,
// the 说明范围 column saying which it is, so the bureau reads every row whole and a read-back
// knows to store it once under the rule (audit/explanations.ts).
import type { Finding } from '../audit/types';
import { explanationFor } from '../audit/explanations';
import { cell, type GridValue, type SheetGrid } from './grid';
import { META_SHEET, NOTES_SHEET, type ReportContext } from './context';
import { ledgerSubtitle } from './layout-ledger';

export const NOTES_HEADERS = ['规则编号', '表', '位置', '提示', '学校说明', '说明范围'] as const;

/** The 说明范围 of a row: its own 说明, or the one written for every finding of its rule. */
export const NOTE_SCOPE = { own: '本条', rule: '本规则全部' } as const;

export function notesGrid(warnings: readonly Finding[], ctx: ReportContext): SheetGrid {
  const explanations = ctx.data.explanations ?? {};
  const width = NOTES_HEADERS.length;
  const pad = (v: string, role: 'title' | 'subtitle') => [cell(v, role), ...Array.from({ length: width - 1 }, () => cell(null, role))];
  return {
    name: NOTES_SHEET,
    kind: 'notes',
    rows: [
      pad(NOTES_SHEET, 'title'),
      pad(ledgerSubtitle(ctx), 'subtitle'),
      NOTES_HEADERS.map((h) => cell(h, 'header')),
      ...warnings.map((f) => {
        const e = explanationFor(f, explanations);
        return [
          cell(f.ruleId, 'text'), cell(f.sheetTitle, 'text'), cell(f.cell ?? '—', 'text'),
          cell(f.message, 'text'), cell(e?.text ?? '', 'text'), cell(e ? NOTE_SCOPE[e.source] : '', 'text'),
        ];
      }),
    ],
    merges: [[1, 1, 1, width], [2, 1, 2, width]],
    widths: [16, 24, 8, 60, 40, 12],
    freeze: { xSplit: 0, ySplit: 3 },
    printTitleRows: [3, 3],
    table: { top: 3, left: 1, bottom: 3 + warnings.length, right: width },
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
