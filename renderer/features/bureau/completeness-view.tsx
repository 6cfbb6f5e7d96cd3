// 报送情况: every registry school's state word for the chosen submission × period, the reporting
// and on-time rates for the district and each 乡镇（街道）, filters, and the xlsx export.
import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Input, Select, Statistic, Table, Tag } from 'antd';
import type { BureauProfile, CompletenessState } from '../../../shared/consolidate/types';
import type { Pack, Submission } from '../../../shared/pack/schema';
import { periodLabel } from '../../../shared/model/period';
import { platform } from '../../platform';
import { completeness, pct, STATES, type CompletenessRow } from './completeness-model';
import { completenessWorkbook } from './completeness-export';
import { registryOf } from './engine';
import { receivedFile } from './bureau-repo';
import type { BureauData } from './use-bureau-data';

const STATE_COLOR: Record<CompletenessState, string> = { 未报: 'default', 已报: 'green', 校验不通过: 'orange', 哈希不符: 'red', 逾期: 'volcano', 冲突: 'magenta' };

export interface CompletenessViewProps {
  pack: Pack;
  bureau: BureauProfile;
  submission: Submission;
  period: string;
  due: string;
  data: BureauData;
}

export function CompletenessView({ pack, bureau, submission, period, due, data }: CompletenessViewProps) {
  const { message } = App.useApp();
  const { rows, rates } = useMemo(() => completeness(pack, bureau, submission.code, period, data, new Date().toISOString()), [pack, bureau, submission, period, data]);
  const [state, setState] = useState<CompletenessState | undefined>();
  const [town, setTown] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const shown = rows.filter((r) =>
    (!state || r.state === state) && (!town || r.school.township === town) && (!overdue || r.overdue || r.state === '逾期') &&
    (!q || r.school.name.includes(q) || r.school.code.includes(q)));
  const title = `${submission.name}（${periodLabel(submission.periodKind, period)}）`;
  // the file each state word comes from: the held report's, else the latest one received
  const fileOf = useMemo(() => {
    const out = new Map<string, string>();
    for (const v of [...data.verdicts].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))) if (v.schoolCode) out.set(v.schoolCode, v.fileSha256);
    for (const h of data.held) if (h.submission === submission.code && h.period === period) out.set(h.schoolCode, h.fileSha256);
    return out;
  }, [data, submission, period]);

  /** The bureau shows what it got: the original bytes, exactly as received. */
  const original = async (sha: string) => {
    const f = await receivedFile(sha);
    if (!f) return message.error('找不到这份原文件');
    await platform.saveFile(f.fileName, new Uint8Array(f.bytes));
  };

  const exportXlsx = async () => {
    const bytes = await completenessWorkbook(bureau, registryOf(bureau, data.registry), title, rows, rates);
    const saved = await platform.saveFile(`${bureau.name}_${submission.code}_${period}_报送情况.xlsx`, bytes);
    if (saved.saved) message.success('报送情况已导出');
  };

  if (!data.registry.length)
    return <p data-testid="completeness-empty">还没有学校名册：请先在“学校名册”中导入，或在“接收报表”中接收各校报表并确认学校。</p>;
  return (
    <div data-testid="completeness-view">
      <div className="bureau-rates" data-testid="completeness-rates">
        {rates.map((r) => (
          <Card key={r.group} size="small" style={{ minWidth: 170 }} data-testid={`rate-${r.group}`}>
            <Statistic title={`${r.group} 报送率`} value={pct(r.reportingRate)} />
            <div>已报 {r.reported} / {r.expected} 所 · 按时 {pct(r.onTimeRate)}</div>
          </Card>
        ))}
      </div>
      <div className="bureau-toolbar">
        <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={state} onChange={setState} options={STATES.map((s) => ({ value: s, label: s }))} data-testid="filter-state" />
        <Select allowClear placeholder="全部乡镇（街道）" style={{ width: 180 }} value={town} onChange={setTown} data-testid="filter-town"
          options={rates.filter((r) => r.group !== '全区').map((r) => ({ value: r.group, label: r.group }))} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>只看逾期</Checkbox>
        <Input.Search allowClear placeholder="学校名称或标识码" style={{ width: 220 }} onChange={(e) => setQ(e.target.value.trim())} />
        <span>截止日期 {due}</span>
        <span style={{ flex: 1 }} />
        <Button onClick={() => void exportXlsx()} data-testid="completeness-export">导出报送情况（xlsx）</Button>
      </div>
      <Table
        size="small"
        rowKey={(r) => r.school.code}
        dataSource={shown}
        data-testid="completeness-table"
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `state-${r.school.code}`, 'data-state': r.state } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '学校标识码', key: 'code', width: 120, render: (_, r: CompletenessRow) => r.school.code },
          { title: '学校名称', key: 'name', render: (_, r: CompletenessRow) => r.school.name },
          { title: '办学类型', key: 'type', width: 120, render: (_, r: CompletenessRow) => r.school.type },
          { title: '乡镇（街道）', key: 'town', width: 130, render: (_, r: CompletenessRow) => r.school.township },
          { title: '举办者', key: 'sponsor', width: 70, render: (_, r: CompletenessRow) => r.school.sponsor },
          {
            title: '状态', key: 'state', width: 170,
            render: (_, r: CompletenessRow) => (
              <>
                <Tag color={STATE_COLOR[r.state]}>{r.label}</Tag>
                {r.overdue && <Tag color="volcano">已过截止日期</Tag>}
              </>
            ),
          },
          { title: '说明', key: 'why', render: (_, r: CompletenessRow) => (r.problems ?? []).slice(0, 2).join('；') },
          {
            title: '原文件', key: 'file', width: 90,
            render: (_, r: CompletenessRow) => {
              const sha = fileOf.get(r.school.code);
              return sha ? <a onClick={() => void original(sha)} data-testid={`original-${r.school.code}`}>下载</a> : null;
            },
          },
        ]}
      />
    </div>
  );
}
