// Header and 合计 footer of a ledger grid. Column widths come from the pack (in Excel
// character units, as the export uses them), so the screen and the workbook look alike.
import { memo } from 'react';
import type { LedgerColumn } from '../../../shared/pack/schema';
import { toNumber } from '../../../shared/compute/conditions';
import type { RowRecord } from '../../db/records';

/** Excel width units are about one Latin character; at 14px that is ~8px, plus cell padding. */
const PX_PER_CHAR = 8;
const DEFAULT_WIDTH: Record<LedgerColumn['type'], number> = {
  integer: 9, decimal: 9, text: 12, date: 12, time: 8, datetime: 17, enum: 10, yearMonth: 10,
};

/** How to type a value of this column, shown under the header. */
const FORMAT_HINT: Partial<Record<LedgerColumn['type'], string>> = {
  date: '如 2025-09-01',
  time: '如 08:30',
  datetime: '如 2025-09-03 12:00',
  yearMonth: '如 1985-03',
};

export function columnWidthPx(col: LedgerColumn): number {
  return Math.round((col.width ?? DEFAULT_WIDTH[col.type]) * PX_PER_CHAR + 14);
}

export const SEQ_WIDTH = 45;
export const ACTIONS_WIDTH = 64;

/** The grid's full width, set on the table so the browser never sizes it from its content. */
export function gridWidthPx(columns: LedgerColumn[]): number {
  return SEQ_WIDTH + ACTIONS_WIDTH + columns.reduce((s, c) => s + columnWidthPx(c), 0) + 1;
}

function LedgerHeadImpl({ columns }: { columns: LedgerColumn[] }) {
  return (
    <>
      <colgroup>
        <col style={{ width: SEQ_WIDTH }} />
        <col style={{ width: ACTIONS_WIDTH }} />
        {columns.map((c) => (
          <col key={c.key} style={{ width: columnWidthPx(c) }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="seq">序号</th>
          <th className="actions">操作</th>
          {columns.map((c) => (
            <th key={c.key} title={c.required ? `${c.label}（必填）` : c.label}>
              {c.label}
              {c.required && <span aria-hidden style={{ color: '#cf1322' }}> *</span>}
              {FORMAT_HINT[c.type] && <span className="hint">{FORMAT_HINT[c.type]}</span>}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

// the view re-renders at every scroll frame (the virtualiser's state lives there); the header does not change
export const LedgerHead = memo(LedgerHeadImpl);

/** Column totals of the numeric columns — the figures an administrator checks against paper. */
function LedgerTotalsImpl({ columns, rows }: { columns: LedgerColumn[]; rows: RowRecord[] }) {
  const numeric = columns.some((c) => c.type === 'integer' || c.type === 'decimal');
  if (!numeric) return null;
  return (
    <tfoot>
      <tr>
        <td className="seq">合计</td>
        <td className="actions" />
        {columns.map((c) => {
          if (c.type !== 'integer' && c.type !== 'decimal') return <td key={c.key} />;
          const sum = rows.reduce((s, r) => s + (toNumber(r.values[c.key]) ?? 0), 0);
          return (
            <td key={c.key} data-testid={`ledger-total-${c.key}`}>
              {Math.round(sum * 100) / 100}
            </td>
          );
        })}
      </tr>
    </tfoot>
  );
}

// The sheet re-renders at every scroll frame (the virtualiser's window moves); the totals add up
// every row of the list, so they are worked out again only when the rows or columns change.
export const LedgerTotals = memo(LedgerTotalsImpl);
