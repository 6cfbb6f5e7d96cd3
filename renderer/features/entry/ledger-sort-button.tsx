// 排序 on a ledger with a date column: 按「日期」从早到晚 / 从晚到早, for each date column.
// It reorders the list itself (one step, Ctrl+Z undoes it, recorded in the 修改记录), so the
// workbook exports the rows in the order shown; see renderer/features/entry/ledger-sort.ts for why.
import { App, Button, Dropdown } from 'antd';
import { SortAscendingOutlined } from '@ant-design/icons';
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { RowRecord } from '../../db/records';
import { dateColumns, sortMoves, type SortDirection } from './ledger-sort';
import type { RowMove } from './grid-history';

export interface LedgerSortButtonProps {
  sheetId: string;
  columns: LedgerColumn[];
  rows: readonly RowRecord[];
  moveRows: (label: string, moves: RowMove[]) => Promise<boolean>;
}

const WORDS: Record<SortDirection, string> = { asc: '从早到晚', desc: '从晚到早' };

export function LedgerSortButton({ sheetId, columns, rows, moveRows }: LedgerSortButtonProps) {
  const { message } = App.useApp();
  const dated = dateColumns(columns);
  if (!dated.length) return null;
  const sort = async (key: string, dir: SortDirection) => {
    const label = `按「${columns.find((c) => c.key === key)!.label}」${WORDS[dir]}排序`;
    const moves = sortMoves(rows, columns, key, dir);
    if (!moves.length) return void message.info(`已经是${label.slice(0, -2)}的顺序`, 1.5);
    if (await moveRows(label, moves)) message.success(`已${label}（Ctrl+Z 可撤销）；导出时也按这个顺序`, 2);
  };
  const items = dated.flatMap((c) =>
    (['asc', 'desc'] as const).map((dir) => ({
      key: `${c.key}|${dir}`,
      label: <span data-testid={`ledger-sort-${sheetId}-${c.key}-${dir}`}>{`按「${c.label}」${WORDS[dir]}`}</span>,
    })),
  );
  return (
    <Dropdown
      trigger={['click']}
      disabled={rows.length < 2}
      menu={{
        items,
        onClick: ({ key }) => {
          const [col, dir] = key.split('|') as [string, SortDirection];
          void sort(col, dir);
        },
      }}
    >
      <Button icon={<SortAscendingOutlined />} data-testid={`ledger-sort-${sheetId}`}>
        排序
      </Button>
    </Dropdown>
  );
}
