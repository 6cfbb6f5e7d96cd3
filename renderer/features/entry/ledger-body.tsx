// The rows of a ledger grid, virtualised: only the rows in view (plus overscan) are rendered,
// between two spacer rows as tall as the rows left out, so the table keeps its sticky header,
// sticky 序号 column and native inputs (see use-row-virtualizer for why this library).
import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { LedgerColumn, Pack } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import type { RowRecord } from '../../db/records';
import { rectOf, type Selection } from './grid-range';
import type { CellProblem } from './ledger-cell';
import { LedgerRow } from './ledger-row';

export interface LedgerBodyProps {
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  virtualizer: Virtualizer<HTMLElement, Element>;
  pack: Pack;
  schoolType: string;
  sheetId: string;
  columns: LedgerColumn[];
  rows: RowRecord[];
  problems: Map<string, Record<string, CellProblem>>;
  fixedKeys?: ReadonlySet<string>;
  locked?: boolean;
  sel?: Selection;
  /** `removed`: what parseInput cleaned out of the typed text (clean-text.ts), for a short notice */
  onCommit: (rowId: string, colKey: string, value: CellValue, removed?: string) => void;
  onInsert: (rowId: string) => void;
  onDelete: (rowId: string) => void;
}

function Spacer({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden className="ledger-spacer">
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

export function LedgerBody({ bodyRef, virtualizer, rows, sel, columns, problems, ...rest }: LedgerBodyProps) {
  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const top = items.length ? items[0]!.start - margin : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - margin) : 0;
  // only a range of several cells is drawn; one cell is shown by its focus ring
  const range = sel && (sel.anchor.row !== sel.end.row || sel.anchor.col !== sel.end.col) ? rectOf(sel) : undefined;
  return (
    <tbody ref={bodyRef}>
      <Spacer height={top} span={columns.length + 2} />
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const inRange = range && item.index >= range.top && item.index <= range.bottom;
        return (
          <LedgerRow
            key={row.id}
            {...rest}
            columns={columns}
            row={row}
            index={item.index}
            problems={problems.get(row.id)}
            selCols={inRange ? `${range.left}-${range.right}` : undefined}
            compact={virtualizer.isScrolling}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
      <Spacer height={bottom} span={columns.length + 2} />
    </tbody>
  );
}
