// What restoring a workbook would change in a period: every entered cell, list cell and 说明 that
// differs, and list rows added or removed, named as the user sees them (worksheet, cell, row,
// column). Computed cells are left out — they follow the lists. List rows are paired by content
// first (align-rows.ts), so a row inserted in a 名册 is one row added, not every row below changed.
import type { CellValue, LedgerRow, PeriodData } from '../model/data';
import type { LedgerSheet, Pack, Sheet } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { groupParts, ledgerRows } from '../pack/ledger-rows';
import { cellKey } from '../pack/stat-cells';
import { computeIndicatorTable } from '../compute/indicator';
import { address, groupLayout, LEDGER_FIRST_DATA_ROW, statCellAddress } from './addresses';
import { indicatorLayout } from './layout-indicator';
import { alignRows } from './align-rows';
import { NOTES_SHEET } from './context';
import { ruleOfExplanationKey } from '../audit/explanations';

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface CellChange {
  /** the worksheet's title in the workbook (校验说明 for a 说明) */
  sheet: string;
  kind: ChangeKind;
  /** A1 address in the workbook, when the cell is there */
  cell?: string;
  /** 第 3 行 / the statistics row's 代码 and name / the rule of a 说明 */
  row: string;
  /** the column's header; empty for a whole row added or removed */
  column: string;
  old: string;
  new: string;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));
const rowText = (sheet: LedgerSheet, row: LedgerRow) => sheet.columns.map((c) => text(row[c.key])).filter(Boolean).join(' / ');

function ledgerChanges(title: string, sheet: LedgerSheet, before: LedgerRow[], after: LedgerRow[], firstDataRow: number, label = ''): CellChange[] {
  const out: CellChange[] = [];
  const key = (r: LedgerRow) => JSON.stringify(sheet.columns.map((c) => text(r[c.key])));
  for (const [i, j] of alignRows(before.map(key), after.map(key))) {
    // rows are named by where they are in the file; a removed row by where it is on this computer
    if (i === undefined) {
      out.push({ sheet: title, kind: 'added', cell: address(1, firstDataRow + j!), row: `${label}第 ${j! + 1} 行`, column: '', old: '', new: rowText(sheet, after[j!]!) });
      continue;
    }
    const a = before[i]!;
    if (j === undefined) {
      out.push({ sheet: title, kind: 'removed', row: `${label}本机第 ${i + 1} 行`, column: '', old: rowText(sheet, a), new: '' });
      continue;
    }
    const b = after[j]!;
    sheet.columns.forEach((c, ci) => {
      if (text(a[c.key]) !== text(b[c.key]))
        out.push({ sheet: title, kind: 'changed', cell: address(ci + 2, firstDataRow + j), row: `${label}第 ${j + 1} 行`, column: c.label, old: text(a[c.key]), new: text(b[c.key]) });
    });
  }
  return out;
}

function cellsChanges(sheet: Sheet, before: PeriodData, after: PeriodData, pack: Pack, school: SchoolProfile): CellChange[] {
  const a = before.sheets[sheet.id]?.cells ?? {};
  const b = after.sheets[sheet.id]?.cells ?? {};
  const out: CellChange[] = [];
  const push = (key: string, row: string, column: string, cell?: string) => {
    const [x, y] = [text(a[key]), text(b[key])];
    if (x !== y) out.push({ sheet: sheet.title, kind: 'changed', cell, row, column, old: x, new: y });
  };
  if (sheet.kind === 'stat')
    for (const r of sheet.rows) for (const c of sheet.columns) push(cellKey(r.code, c.key), `${r.code} ${r.label.trim()}`, c.label, statCellAddress(sheet, r.code, c.key));
  if (sheet.kind === 'indicator') {
    // the rows shown depend only on the school type, as in the workbook
    const table = computeIndicatorTable(sheet, { pack, school, data: { ...after, sheets: {} } });
    const rowOf = indicatorLayout(table).rowOf;
    for (const s of table.sections) {
      const col = 3 + s.section.columns.indexOf('value');
      for (const r of s.results) push(cellKey(r.row.code, 'value'), `${r.row.code} ${r.row.label}`, '本校值', address(col, rowOf.get(r.row.code)!));
    }
  }
  return out;
}

function noteChanges(before: PeriodData, after: PeriodData, pack: Pack): CellChange[] {
  const a = before.explanations ?? {};
  const b = after.explanations ?? {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => text(a[k]) !== text(b[k]))
    .map((k) => {
      const ruleWide = ruleOfExplanationKey(k);
      if (ruleWide) return { sheet: NOTES_SHEET, kind: 'changed' as const, row: `${ruleWide}（本规则全部）`, column: '学校说明', old: text(a[k]), new: text(b[k]) };
      const [rule, sheetId, where, col] = k.split('|');
      const title = pack.sheets[sheetId ?? '']?.title ?? sheetId;
      return { sheet: NOTES_SHEET, kind: 'changed' as const, row: `${rule}（${title} ${where ?? ''}${col ? ' ' + col : ''}）`, column: '学校说明', old: text(a[k]), new: text(b[k]) };
    });
}

/**
 * The same period with list rows renamed r1, r2… in their order and 说明 keys following them — how
 * a workbook numbers them — so the app's data and a file's can be compared cell by cell.
 */
export function positionalIds(data: PeriodData): PeriodData {
  const renamed = new Map<string, string>();
  const sheets = Object.fromEntries(
    Object.entries(data.sheets).map(([id, e]) => {
      if (!e.rows) return [id, e];
      const rows = e.rows.map((row, i) => {
        renamed.set(`${id}|${row.id}`, `r${i + 1}`);
        return { ...row, id: `r${i + 1}` };
      });
      return [id, { ...e, rows }];
    }),
  );
  const out: PeriodData = { ...data, sheets };
  if (data.explanations) {
    out.explanations = Object.fromEntries(
      Object.entries(data.explanations).map(([k, text]) => {
        const parts = k.split('|');
        const to = renamed.get(`${parts[1]}|${parts[2]}`);
        if (to) parts[2] = to;
        return [parts.join('|'), text];
      }),
    );
  }
  return out;
}

/** Changes from `current` (the app's period) to `incoming` (a workbook's), in workbook order. */
export function diffPeriods(pack: Pack, school: SchoolProfile, current: PeriodData, incoming: PeriodData): CellChange[] {
  const submission = findSubmission(pack, incoming.submission);
  if (!submission) return [];
  const before = positionalIds(current);
  const after = positionalIds(incoming);
  const out: CellChange[] = [];
  for (const sheet of sheetsFor(pack, submission, school.type)) {
    if (sheet.kind === 'ledger') out.push(...ledgerChanges(sheet.title, sheet, ledgerRows(sheet, before), ledgerRows(sheet, after), LEDGER_FIRST_DATA_ROW));
    if (sheet.kind === 'ledgerGroup') {
      const parts = groupParts(pack, sheet);
      const blocks = groupLayout(parts.map((p) => ledgerRows(p, after).length));
      parts.forEach((p, i) =>
        out.push(...ledgerChanges(sheet.title, p, ledgerRows(p, before), ledgerRows(p, after), blocks[i]!.firstDataRow, `${sheet.parts[i]!.title} `)),
      );
    }
    if (sheet.kind === 'stat' || sheet.kind === 'indicator') out.push(...cellsChanges(sheet, before, after, pack, school));
  }
  out.push(...noteChanges(before, after, pack));
  return out;
}

/** Counts per worksheet, in workbook order, for the preview's summary. */
export function changesBySheet(changes: readonly CellChange[]): { sheet: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.sheet, (counts.get(c.sheet) ?? 0) + 1);
  return [...counts].map(([sheet, count]) => ({ sheet, count }));
}
