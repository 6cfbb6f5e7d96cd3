// Turns stored trail records (ids and keys) into what an administrator reads: the sheet's title
// from the pack, 第 n 行 from the row's place in its list today, the column's label, and the
// action in Chinese. Pure, so the drawer and the xlsx export show exactly the same words.
import type { Pack, Sheet } from '../../../shared/pack/schema';
import type { ChangeRow } from '../../../shared/xlsx/changes-workbook';
import type { ChangeAction, ChangeRecord, RowRecord } from '../../db/records';

export const ACTION_LABELS: Record<ChangeAction, string> = {
  edit: '修改',
  addRow: '新增行',
  deleteRow: '删除行',
  approve: '审核通过',
  reopen: '取消审核',
  explain: '填写说明',
  copyForward: '从上期结转',
  replaceAll: '载入数据',
  sort: '排序',
};

/** Row id → its 1-based position in its sheet, from a period's stored rows. */
export function rowNumbers(rows: readonly Pick<RowRecord, 'id' | 'sheetId' | 'seq'>[]): Map<string, number> {
  const bySheet = new Map<string, Pick<RowRecord, 'id' | 'seq'>[]>();
  for (const r of rows) bySheet.set(r.sheetId, [...(bySheet.get(r.sheetId) ?? []), r]);
  const out = new Map<string, number>();
  for (const list of bySheet.values()) [...list].sort((a, b) => a.seq - b.seq).forEach((r, i) => out.set(r.id, i + 1));
  return out;
}

export interface LabelContext {
  pack: Pack;
  /** the school's concrete sheets of the submission (per-学段 rows expanded) */
  sheets: readonly Sheet[];
  rowNumbers: ReadonlyMap<string, number>;
}

function sheetById(ctx: LabelContext, id: string): Sheet | undefined {
  return ctx.sheets.find((s) => s.id === id) ?? ctx.pack.sheets[id];
}

/** 行 and 字段 of a cell: a list row and column key, or a stat / indicator key `{代码}:{列}`. */
function place(sheet: Sheet | undefined, ctx: LabelContext, rowId: string | undefined, field: string | undefined): [string, string] {
  if (sheet?.kind === 'ledger') {
    const n = rowId ? ctx.rowNumbers.get(rowId) : undefined;
    const row = rowId ? (n ? `第 ${n} 行` : '已删除的行') : '';
    return [row, field ? (sheet.columns.find((c) => c.key === field)?.label ?? field) : ''];
  }
  if (!field) return ['', ''];
  const [code, col] = field.split(':');
  if (sheet?.kind === 'stat') {
    const row = sheet.rows.find((r) => r.code === code);
    const column = sheet.columns.find((c) => c.key === col);
    return [row ? `${code} ${row.label}` : field, column ? [column.group, column.label].filter(Boolean).join(' ') : (col ?? '')];
  }
  if (sheet?.kind === 'indicator') {
    const row = sheet.sections.flatMap((s) => s.rows).find((r) => r.code === code);
    return [row ? `${code} ${row.label}` : (code ?? field), col === 'value' ? '本校值' : (col ?? '')];
  }
  return ['', field];
}

/** One record as the drawer's and the workbook's row of text. */
export function describeChange(c: ChangeRecord, ctx: LabelContext): ChangeRow {
  const sheet = c.sheetId ? sheetById(ctx, c.sheetId) : undefined;
  let row: string;
  let field: string;
  if (c.action === 'explain' && c.field) {
    // a 说明's key is `{rule}|{sheet}|{row}|{column}`: place it at the cell it explains
    const [rule, , rowPart, col] = c.field.split('|');
    const [r, f] = sheet?.kind === 'ledger' ? place(sheet, ctx, rowPart, col) : place(sheet, ctx, undefined, rowPart && col ? `${rowPart}:${col}` : undefined);
    row = r;
    field = f ? `${f}（${rule}）` : (rule ?? '');
  } else [row, field] = place(sheet, ctx, c.rowId, c.field);
  return {
    at: c.at,
    who: c.who,
    sheet: c.sheetId ? (sheet?.title ?? c.sheetId) : '整个报表',
    row,
    field,
    old: c.old ?? null,
    new: c.new ?? null,
    action: ACTION_LABELS[c.action],
    reason: c.reason ?? '',
  };
}
