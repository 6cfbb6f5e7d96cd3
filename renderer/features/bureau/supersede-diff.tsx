// The cells a newer version changes, named as the clerk knows them: sheet, row and column
// (core's reportDiff, the same diff a school sees before restoring a workbook).
import { Table } from 'antd';
import type { CellChange } from './engine';

export function SupersedeDiff({ diff }: { diff: readonly CellChange[] }) {
  return (
    <Table
      size="small"
      data-testid="supersede-diff"
      rowKey={(d) => `${d.sheet}|${d.row}|${d.column}|${d.cell ?? ''}`}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      dataSource={diff as CellChange[]}
      locale={{ emptyText: '没有改动的格子' }}
      columns={[
        { title: '工作表', dataIndex: 'sheet' },
        { title: '行', dataIndex: 'row' },
        { title: '列', key: 'c', render: (_, d) => `${d.column}${d.cell ? `（${d.cell}）` : ''}` },
        { title: '原值', key: 'b', render: (_, d) => (d.old === '' ? '空' : d.old) },
        { title: '新值', key: 'a', render: (_, d) => (d.new === '' ? '空' : d.new) },
      ]}
    />
  );
}
