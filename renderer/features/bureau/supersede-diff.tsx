// The cells a newer version changes, named as the clerk knows them: sheet title, row and column.
import { Table } from 'antd';
import type { Pack, StatSheet } from '../../../shared/pack/schema';
import type { CellDiff } from './engine';

export function SupersedeDiff({ pack, diff }: { pack: Pack; diff: readonly CellDiff[] }) {
  const sheet = (id: string) => { const s = pack.sheets[id]; return s?.kind === 'stat' ? (s as StatSheet) : undefined; };
  // an indicator sheet's rows sit in sections; its one column is the value
  const indicatorRow = (id: string, code: string) => {
    const s = pack.sheets[id];
    return s?.kind === 'indicator' ? s.sections.flatMap((x) => x.rows).find((r) => r.code === code)?.label : undefined;
  };
  return (
    <Table
      size="small"
      data-testid="supersede-diff"
      rowKey={(d) => `${d.sheet}|${d.rowCode}|${d.column}`}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      dataSource={diff as CellDiff[]}
      locale={{ emptyText: '统计表的数字没有变化（只有名册等内容不同）' }}
      columns={[
        { title: '工作表', key: 's', render: (_, d) => pack.sheets[d.sheet]?.title ?? d.sheet },
        { title: '行', key: 'r', render: (_, d) => `${d.rowCode} ${sheet(d.sheet)?.rows.find((r) => r.code === d.rowCode)?.label ?? indicatorRow(d.sheet, d.rowCode) ?? ''}` },
        { title: '列', key: 'c', render: (_, d) => sheet(d.sheet)?.columns[d.column - 1]?.label ?? (sheet(d.sheet) ? d.column : '数值') },
        { title: '原值', key: 'b', render: (_, d) => d.before ?? '空' },
        { title: '新值', key: 'a', render: (_, d) => d.after ?? '空' },
      ]}
    />
  );
}
