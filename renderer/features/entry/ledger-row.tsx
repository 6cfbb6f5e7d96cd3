// One row of a ledger grid: 序号, row actions (插入行 / 删除行), then its cells.
// Rows are memoised on their values and problems, so typing in one row re-renders only it.
import { memo } from 'react';
import { Popconfirm } from 'antd';
import { DeleteOutlined, VerticalAlignTopOutlined } from '@ant-design/icons';
import type { LedgerColumn, Pack } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import { enumValues } from '../../../shared/pack/applicability';
import type { RowRecord } from '../../db/records';
import { LedgerCell, type CellProblem } from './ledger-cell';

export interface LedgerRowProps {
  pack: Pack;
  schoolType: string;
  sheetId: string;
  columns: LedgerColumn[];
  row: RowRecord;
  index: number;
  problems?: Record<string, CellProblem>;
  /** columns the pack fills on a fixed-row list: read-only, and the row can be neither inserted nor deleted */
  fixedKeys?: ReadonlySet<string>;
  /** the period is 已审核: cells read-only, no insert/delete */
  locked?: boolean;
  /** `removed`: what parseInput cleaned out of the typed text (clean-text.ts), for a short notice */
  onCommit: (rowId: string, colKey: string, value: CellValue, removed?: string) => void;
  onInsert: (rowId: string) => void;
  onDelete: (rowId: string) => void;
  /** the columns of a selected range crossing this row, as "first-last" column indexes */
  selCols?: string;
  /** mounted while the list scrolls: its dropdowns complete their lists later (ledger-cell.tsx);
   * read at mount only, so not compared below */
  compact?: boolean;
  /** the virtualiser measures each rendered row through this */
  measureRef?: (el: HTMLTableRowElement | null) => void;
}

function LedgerRowImpl({ pack, schoolType, sheetId, columns, row, index, problems, fixedKeys, locked, onCommit, onInsert, onDelete, selCols, compact, measureRef }: LedgerRowProps) {
  const rowValues = { ...row.values, id: row.id };
  const [selFrom, selTo] = selCols ? selCols.split('-').map(Number) : [-1, -1];
  return (
    <tr ref={measureRef} data-index={index}>
      <td className="seq">{index + 1}</td>
      {fixedKeys || locked ? <td className="actions" /> : <td className="actions">
        {/* plain buttons: antd Buttons cost ~10 DOM nodes each, times two per row */}
        <button
          type="button"
          className="row-action"
          tabIndex={-1}
          title="在此行上方插入一行"
          aria-label={`在第${index + 1}行上方插入一行`}
          data-testid={`ledger-insert-row-${index}`}
          onClick={() => onInsert(row.id)}
        >
          <VerticalAlignTopOutlined />
        </button>
        <Popconfirm
          title={`删除第 ${index + 1} 行？`}
          description="删除后不能恢复。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => onDelete(row.id)}
        >
          <button
            type="button"
            className="row-action danger"
            tabIndex={-1}
            title="删除此行"
            aria-label={`删除第${index + 1}行`}
            data-testid={`ledger-delete-row-${index}`}
          >
            <DeleteOutlined />
          </button>
        </Popconfirm>
      </td>}
      {columns.map((col, c) => (
        <LedgerCell
          key={col.key}
          sheetId={sheetId}
          rowIndex={index}
          rowId={row.id}
          column={col}
          value={row.values[col.key]}
          options={col.type === 'enum' ? enumValues(pack, schoolType, col, rowValues) : undefined}
          problem={problems?.[col.key]}
          readOnly={fixedKeys?.has(col.key)}
          locked={locked}
          inRange={c >= selFrom! && c <= selTo!}
          compact={compact}
          onCommit={onCommit}
        />
      ))}
    </tr>
  );
}

function sameValues(a: Record<string, CellValue>, b: Record<string, CellValue>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function sameProblems(a?: Record<string, CellProblem>, b?: Record<string, CellProblem>): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k]?.message === b[k]?.message && a[k]?.severity === b[k]?.severity);
}

// The live query hands over fresh objects after every write; compare what is shown instead.
export const LedgerRow = memo(LedgerRowImpl, (p, n) =>
  p.index === n.index &&
  p.row.id === n.row.id &&
  sameValues(p.row.values, n.row.values) &&
  sameProblems(p.problems, n.problems) &&
  p.columns === n.columns &&
  p.fixedKeys === n.fixedKeys &&
  p.locked === n.locked &&
  p.selCols === n.selCols &&
  p.measureRef === n.measureRef &&
  p.pack === n.pack &&
  p.schoolType === n.schoolType &&
  p.onCommit === n.onCommit &&
  p.onInsert === n.onInsert &&
  p.onDelete === n.onDelete,
);
