// The restore dialog's preview: whose file it is and for which period, its warnings (an edit made
// after export), and — when this computer already holds the period — every cell restoring would
// change, grouped by worksheet and paged so a whole changed 名册 stays readable.
import { useMemo, useState } from 'react';
import { Alert, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import type { CellChange } from '../../../shared/xlsx/period-diff';
import { changesBySheet } from '../../../shared/xlsx/period-diff';
import { findSubmission } from '../../../shared/pack/applicability';
import { periodLabel } from '../../../shared/model/period';
import type { RestorePreview } from './restore-preview';

const KIND_LABEL: Record<CellChange['kind'], string> = { changed: '', added: '整行新增', removed: '整行删除' };

export function RestorePreviewView({ preview }: { preview: RestorePreview }) {
  const { book, current, hasData, changes } = preview;
  const [sheet, setSheet] = useState<string>('');
  const sub = findSubmission(book.pack, book.data.submission)!;
  const groups = useMemo(() => changesBySheet(changes), [changes]);
  const shown = useMemo(() => (sheet ? changes.filter((c) => c.sheet === sheet) : changes), [changes, sheet]);
  const version = (status: string, v: number) => (status === '已审核' ? `已审核（第 ${v} 版）` : `${status}（第 ${v} 版）`);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={2} bordered data-testid="restore-summary">
        <Descriptions.Item label="学校">{`${book.school.name}（${book.school.code}）`}</Descriptions.Item>
        <Descriptions.Item label="报表包">{book.pack.bureau}</Descriptions.Item>
        <Descriptions.Item label="报表">{`${sub.code} ${sub.name}`}</Descriptions.Item>
        <Descriptions.Item label="期间">{periodLabel(sub.periodKind, book.data.period)}</Descriptions.Item>
        <Descriptions.Item label="文件中的状态">{version(book.data.status, book.data.version)}</Descriptions.Item>
        <Descriptions.Item label="本机现状">{current ? version(current.status, current.version) : '无数据'}</Descriptions.Item>
        <Descriptions.Item label="导出时间" span={2}>{book.meta.exportedAt ? new Date(book.meta.exportedAt).toLocaleString('zh-CN') : '—'}</Descriptions.Item>
      </Descriptions>
      {book.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="restore-warnings"
          message="请注意"
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{book.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        />
      )}
      {!hasData && <Alert type="info" showIcon message="本机这一期还没有数据：恢复后即为文件中的数据。" />}
      {hasData && changes.length === 0 && <Alert type="success" showIcon message="文件中的数据与本机这一期完全相同。" />}
      {hasData && changes.length > 0 && (
        <div data-testid="restore-changes">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            恢复将替换本机这一期的数据，共 <b data-testid="restore-change-count">{changes.length}</b> 处不同（计算格随名册重算，不单列）：
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 8 }}>
            {groups.map((g) => (
              <Tag key={g.sheet} color={g.sheet === sheet ? 'blue' : undefined} style={{ cursor: 'pointer' }} onClick={() => setSheet(g.sheet === sheet ? '' : g.sheet)}>
                {g.sheet} {g.count}
              </Tag>
            ))}
            <Select
              size="small"
              style={{ width: 220 }}
              value={sheet}
              onChange={setSheet}
              aria-label="按工作表筛选"
              options={[{ value: '', label: '全部工作表' }, ...groups.map((g) => ({ value: g.sheet, label: `${g.sheet}（${g.count}）` }))]}
            />
          </Space>
          <Table<CellChange & { n: number }>
            size="small"
            rowKey="n"
            dataSource={shown.map((c, n) => ({ ...c, n }))}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处` }}
            columns={[
              { title: '工作表', dataIndex: 'sheet', width: 150, ellipsis: true },
              { title: '单元格', dataIndex: 'cell', width: 70, render: (v?: string) => v ?? '—' },
              { title: '行', dataIndex: 'row', width: 150, ellipsis: true },
              { title: '列', dataIndex: 'column', width: 110, render: (v: string, c) => v || <Tag>{KIND_LABEL[c.kind]}</Tag> },
              { title: '本机现值', dataIndex: 'old', ellipsis: true, render: (v: string) => v || <Typography.Text type="secondary">空</Typography.Text> },
              { title: '文件中的值', dataIndex: 'new', ellipsis: true, render: (v: string) => v || <Typography.Text type="secondary">空</Typography.Text> },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
