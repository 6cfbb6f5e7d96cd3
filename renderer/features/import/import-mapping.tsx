// The column mapping of an import: each column of the list with the source column it reads
// from (matched by name, changeable), required columns marked, unmatched ones flagged.
import { Select, Table, Tag } from 'antd';
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { ColumnMapping } from '../../../shared/import/header';
import type { SourceColumn } from './import-session';

export interface ImportMappingProps {
  columns: readonly LedgerColumn[];
  mapping: ColumnMapping;
  sources: readonly SourceColumn[];
  unused: readonly string[];
  onChange: (mapping: ColumnMapping) => void;
}

const NONE = -1;

export function ImportMapping({ columns, mapping, sources, unused, onChange }: ImportMappingProps) {
  const options = [{ value: NONE, label: '（不导入）' }, ...sources.map((s) => ({ value: s.index, label: s.label }))];
  const set = (key: string, index: number) => {
    const next: ColumnMapping = {};
    // one source column feeds one list column: taking it here frees it elsewhere
    for (const [k, v] of Object.entries(mapping)) if (k !== key && v !== index) next[k] = v;
    if (index !== NONE) next[key] = index;
    onChange(next);
  };
  return (
    <div data-testid="import-mapping">
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        scroll={{ y: 240 }}
        dataSource={columns as LedgerColumn[]}
        columns={[
          {
            title: '本表的列',
            dataIndex: 'label',
            width: 200,
            render: (label: string, col: LedgerColumn) => (
              <span>
                {label}
                {col.required && <Tag color="red" style={{ marginLeft: 6 }}>必填</Tag>}
              </span>
            ),
          },
          {
            title: '文件中的列',
            key: 'source',
            render: (_: unknown, col: LedgerColumn) => (
              <Select
                size="small"
                style={{ width: 260 }}
                value={mapping[col.key] ?? NONE}
                options={options}
                status={mapping[col.key] === undefined && col.required ? 'warning' : undefined}
                onChange={(v: number) => set(col.key, v)}
                data-testid={`import-map-${col.key}`}
                aria-label={`${col.label} 对应的列`}
              />
            ),
          },
        ]}
      />
      {unused.length > 0 && (
        <div className="import-unused" data-testid="import-unused">
          文件中未导入的列：{unused.join('、')}
        </div>
      )}
    </div>
  );
}
