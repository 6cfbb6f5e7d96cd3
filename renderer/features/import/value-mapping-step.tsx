// The 对应 step of an import: each value of the file that is not one of the column's values (after
// the pack's synonyms) is listed once with how often it occurs — “特级教师 ×3 → [副高级 ▾]” — so the
// school says once what it means instead of fixing it row by row. Answers given at an earlier
// import are applied already; the step then folds to one line, which opens to change them.
import { useState } from 'react';
import { Alert, Button, Select, Table, Tag } from 'antd';
import type { ValueChoice } from '../../../shared/import/value-map';

export interface ValueMappingStepProps {
  choices: readonly ValueChoice[];
  /** `to` undefined: keep the value as it is (the row stays an error) */
  onChoose: (colKey: string, value: string, to: string | undefined) => void;
  /** where the values come from, for the message: 文件中 (an import) or 粘贴的内容中 (a paste) */
  source?: string;
}

const KEEP = '\u0000keep';

const choiceKey = (c: ValueChoice) => `${c.colKey}|${c.value}`;

export function ValueMappingStep({ choices, onChoose, source = '文件中' }: ValueMappingStepProps) {
  const open = choices.some((c) => c.to === undefined);
  // once open (something to answer, or the user asked), it stays open while answers are given
  const [expanded, setExpanded] = useState(open);
  if (!choices.length) return null;
  if (!expanded && !open) {
    const sample = choices.slice(0, 3).map((c) => `${c.value}→${c.to}`).join('、');
    return (
      <Alert
        type="info"
        showIcon
        data-testid="value-mapping-remembered"
        message={`已按记住的对应换算 ${choices.length} 种写法（${sample}${choices.length > 3 ? '…' : ''}）`}
        action={<Button size="small" onClick={() => setExpanded(true)} data-testid="value-mapping-edit">查看或修改</Button>}
      />
    );
  }
  const left = choices.filter((c) => c.to === undefined).length;
  return (
    <div data-testid="value-mapping" className="value-mapping">
      <Alert
        type={left ? 'warning' : 'success'}
        showIcon
        message={
          left
            ? `${source}有 ${left} 种写法不是本表的可选值：请为每种选一次它对应的值（会记住，下次导入或粘贴同样的写法自动对应）`
            : `每种写法都已对应；${source === '文件中' ? '导入' : '粘贴'}后会记住这些对应`
        }
      />
      <Table
        size="small"
        pagination={false}
        rowKey={choiceKey}
        scroll={{ y: 240 }}
        dataSource={choices as ValueChoice[]}
        columns={[
          { title: '列', dataIndex: 'label', width: 140 },
          {
            title: '文件中的写法',
            key: 'value',
            render: (_: unknown, c: ValueChoice) => (
              <span>
                {c.value} <Tag>×{c.count}</Tag>
              </span>
            ),
          },
          {
            title: '对应为',
            key: 'to',
            width: 260,
            render: (_: unknown, c: ValueChoice) => (
              <Select
                size="small"
                style={{ width: 240 }}
                value={c.to ?? KEEP}
                status={c.to === undefined ? 'warning' : undefined}
                options={[{ value: KEEP, label: '保持原样（报错）' }, ...c.allowed.map((v) => ({ value: v, label: v }))]}
                onChange={(v: string) => onChoose(c.colKey, c.value, v === KEEP ? undefined : v)}
                data-testid={`value-map-${c.colKey}-${c.value}`}
                aria-label={`${c.label}“${c.value}”对应为`}
                showSearch
                // every option in the DOM (56 民族 at most): found by typing or by eye, never scrolled out of existence
                virtual={false}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
