// What an import will write: the converted rows (paged, bad cells marked) and every problem
// with its source row, column letter and header, so the school can fix the file or import
// only the good rows knowingly.
import { useMemo } from 'react';
import { Table, Tabs, Tag } from 'antd';
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { ConversionResult, RowProblem } from '../../../shared/import/convert';
import { formatValue } from '../../../shared/model/values';

export interface ImportPreviewProps {
  columns: readonly LedgerColumn[];
  result: ConversionResult;
}

const PAGE = { pageSize: 20, showSizeChanger: false, size: 'small' as const };

/** Every problem of an import with its source row, column letter and header (row by row or counted). */
export function ProblemsTable({ problems, testId }: { problems: readonly RowProblem[]; testId: string }) {
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.sourceRow}|${p.index}|${p.colKey}|${p.message}`}
      pagination={PAGE}
      dataSource={problems as RowProblem[]}
      data-testid={testId}
      locale={{ emptyText: '没有发现问题' }}
      columns={[
        { title: '行', dataIndex: 'sourceRow', width: 56 },
        { title: '列', key: 'col', width: 140, render: (_: unknown, p: RowProblem) => `${p.sourceCol ?? ''} ${p.header ?? ''}` },
        {
          title: '类型', key: 'sev', width: 90,
          render: (_: unknown, p: RowProblem) => (p.severity === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">提示</Tag>),
        },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}

export function ImportPreview({ columns, result }: ImportPreviewProps) {
  const bad = useMemo(() => {
    const m = new Map<string, RowProblem>();
    for (const p of result.problems) if (p.severity === 'error') m.set(`${p.index}|${p.colKey}`, p);
    return m;
  }, [result]);
  const rows = useMemo(() => result.rows.map((r, index) => ({ ...r, index })), [result]);
  const used = columns.filter((c) => result.rows.some((r) => r.values[c.key] !== undefined) || result.problems.some((p) => p.colKey === c.key));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'rows',
          label: `数据预览（${result.rows.length} 行）`,
          children: (
            <Table
              size="small"
              rowKey="index"
              pagination={PAGE}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              rowClassName={(r) => (result.invalid.has(r.index) ? 'import-row-bad' : '')}
              data-testid="import-preview"
              columns={[
                { title: '行', dataIndex: 'sourceRow', width: 56, fixed: 'left' },
                ...used.map((c) => ({
                  title: c.label,
                  key: c.key,
                  render: (_: unknown, r: (typeof rows)[number]) => {
                    const p = bad.get(`${r.index}|${c.key}`);
                    const text = formatValue(r.values[c.key]);
                    return p ? <span className="import-cell-bad" title={p.message}>{text || '（空）'}</span> : text;
                  },
                })),
              ]}
            />
          ),
        },
        {
          key: 'problems',
          label: `问题（错误 ${errors}，提示 ${result.problems.length - errors}）`,
          children: (
            <ProblemsTable problems={result.problems} testId="import-problems" />
          ),
        },
      ]}
    />
  );
}
