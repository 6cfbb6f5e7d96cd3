// 修改记录 as a workbook: the audit trail the app shows, filtered as shown, in one printable
// sheet. Rows come in already labelled (renderer/features/changes/change-labels.ts), so this stays a pure
// rows → grid step, and the bytes come from the same ExcelJS writer as the reports.
import type { SchoolProfile } from '../model/school';
import { cell, textWidth, type GridCell, type SheetGrid } from './grid';
import { renderWorkbook } from './render';

/** One change as text: what the drawer lists and the workbook holds. */
export interface ChangeRow {
  /** ISO time */
  at: string;
  who: string;
  sheet: string;
  row: string;
  field: string;
  old: string | number | null;
  new: string | number | null;
  action: string;
  reason: string;
}

export interface ChangesWorkbookInput {
  school: Pick<SchoolProfile, 'code' | 'name'>;
  /** e.g. "XNC 学年初统计报表 2025-2026学年" */
  scope: string;
  /** what the list was filtered by, in words ("表：班级名册；操作：修改"), or '' */
  filters: string;
  rows: readonly ChangeRow[];
  now: Date;
  appVersion: string;
}

export const CHANGE_HEADERS = ['序号', '时间', '填表人', '表', '行', '字段', '原值', '新值', '操作', '原因'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Local yyyy-mm-dd hh:mm:ss: the time the administrator saw on the clock. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `{学校标识码}_{学校名称}_修改记录_{yyyy-mm-dd}.xlsx`, characters Windows refuses replaced. */
export function changesFileName(school: Pick<SchoolProfile, 'code' | 'name'>, now: Date): string {
  return `${school.code}_${school.name.replace(UNSAFE_FILE_CHARS, '_')}_修改记录_${localDate(now)}.xlsx`;
}

export function changesGrid(input: ChangesWorkbookInput): SheetGrid {
  const n = CHANGE_HEADERS.length;
  const line = (v: string, role: 'title' | 'subtitle'): GridCell[] => [cell(v, role), ...Array.from({ length: n - 1 }, () => cell(null, role))];
  const body: GridCell[][] = input.rows.map((r, i) => [
    cell(i + 1, 'number'),
    cell(localTime(r.at), 'text'),
    cell(r.who, 'text'),
    cell(r.sheet, 'text'),
    cell(r.row, 'text'),
    cell(r.field, 'text'),
    cell(r.old, typeof r.old === 'number' ? 'data' : 'text'),
    cell(r.new, typeof r.new === 'number' ? 'data' : 'text'),
    cell(r.action, 'text'),
    cell(r.reason, 'text'),
  ]);
  const rows: GridCell[][] = [
    line('修改记录', 'title'),
    line(`${input.school.code} ${input.school.name}　${input.scope}　共 ${input.rows.length} 条${input.filters ? `（${input.filters}）` : ''}　导出时间：${localTime(input.now.toISOString())}`, 'subtitle'),
    CHANGE_HEADERS.map((h) => cell(h, 'header')),
    ...body,
  ];
  // widths from the longest text of each column, within reason for A4 landscape
  // (a loop, not Math.max(...rows): 100,000 arguments would overflow the stack)
  const widths = CHANGE_HEADERS.map((h, c) =>
    Math.min(40, body.reduce((w, r) => Math.max(w, textWidth(String(r[c]!.v ?? '')) + 2), textWidth(h) + 2)),
  );
  return {
    name: '修改记录',
    kind: 'ledger',
    rows,
    merges: [
      [1, 1, 1, n],
      [2, 1, 2, n],
    ],
    widths,
    freeze: { xSplit: 0, ySplit: 3 },
    printTitleRows: [3, 3],
    table: { top: 3, left: 1, bottom: 3 + body.length, right: n },
  };
}

export async function changesWorkbook(input: ChangesWorkbookInput): Promise<{ fileName: string; bytes: Uint8Array }> {
  const bytes = await renderWorkbook([changesGrid(input)], { creator: `校表通 ${input.appVersion}`, created: input.now });
  return { fileName: changesFileName(input.school, input.now), bytes };
}
