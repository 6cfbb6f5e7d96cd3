// 全区汇总: one statistics sheet summed over the held reports, for the district or one group of a
// breakdown; a click on a total lists the schools in it, with each one's figure.
import { useMemo, useState } from 'react';
import { Drawer, Empty, Select, Table } from 'antd';
import type { Pack, StatSheet, Submission } from '../../../shared/pack/schema';
import { BREAKDOWN_LABEL, sheetTotals, sheetsWithFacts, type ScreenBreakdown, type TotalCell } from './totals-model';
import type { BureauData } from './use-bureau-data';

export function TotalsView({ pack, submission, data }: { pack: Pack; submission: Submission; data: BureauData }) {
  const order = submission.sheets.filter((id) => pack.sheets[id]?.kind === 'stat');
  const available = sheetsWithFacts(data.facts, order);
  const [picked, setSheetId] = useState<string | undefined>();
  const sheetId = picked && available.includes(picked) ? picked : available[0];
  const [breakdown, setBreakdown] = useState<ScreenBreakdown>('district');
  const [group, setGroup] = useState<string | undefined>();
  const [drill, setDrill] = useState<{ title: string; cell: TotalCell } | null>(null);
  const registry = useMemo(() => new Map(data.registry.map((s) => [s.code, s])), [data.registry]);
  const totals = useMemo(() => (sheetId ? sheetTotals(data.facts, registry, sheetId, breakdown) : new Map()), [data.facts, registry, sheetId, breakdown]);
  const groups = [...totals.keys()].sort();
  const current = group && totals.has(group) ? group : groups[0];
  const cells = current ? totals.get(current)! : new Map<string, TotalCell>();

  if (!sheetId) return <Empty description="还没有通过核验的报表，收到后这里显示全区汇总" data-testid="totals-empty" />;
  const sheet = pack.sheets[sheetId] as StatSheet;
  return (
    <div data-testid="totals-view">
      <div className="bureau-toolbar">
        <Select style={{ width: 280 }} value={sheetId} onChange={setSheetId} data-testid="totals-sheet"
          options={available.map((id) => ({ value: id, label: pack.sheets[id]!.title }))} />
        <span>按</span>
        <Select style={{ width: 140 }} value={breakdown} onChange={(b) => { setBreakdown(b); setGroup(undefined); }} data-testid="totals-breakdown"
          options={(Object.keys(BREAKDOWN_LABEL) as ScreenBreakdown[]).map((b) => ({ value: b, label: BREAKDOWN_LABEL[b] }))} />
        {breakdown !== 'district' && (
          <Select style={{ width: 180 }} value={current} onChange={setGroup} data-testid="totals-group" options={groups.map((g) => ({ value: g, label: g }))} />
        )}
        <span className="bureau-hint">点击数字查看由哪些学校汇成</span>
      </div>
      <Table
        size="small"
        bordered
        rowKey="code"
        pagination={false}
        data-testid="totals-table"
        scroll={{ x: true }}
        dataSource={sheet.rows}
        columns={[
          { title: '代码', dataIndex: 'code', width: 56, fixed: 'left' },
          { title: '项目', dataIndex: 'label', width: 200, fixed: 'left' },
          ...sheet.columns.map((col, i) => ({
            title: col.group ? `${col.group} ${col.label}` : col.label,
            key: col.key,
            width: 90,
            render: (_: unknown, row: StatSheet['rows'][number]) => {
              const cell = cells.get(`${row.code}|${i + 1}`);
              if (!cell) return null;
              return (
                <a data-testid={`total-${row.code}-${col.key}`} onClick={() => setDrill({ title: `${current} · ${sheet.title} · ${row.code} ${row.label} · ${col.label}`, cell })}>
                  {Math.round(cell.value * 100) / 100}
                </a>
              );
            },
          })),
        ]}
      />
      <Drawer open={!!drill} width={520} title={drill?.title} onClose={() => setDrill(null)}>
        {drill && (
          <Table
            size="small"
            rowKey="code"
            data-testid="totals-drill"
            pagination={false}
            dataSource={[...drill.cell.schools].sort((a, b) => b.value - a.value)}
            summary={() => <Table.Summary.Row><Table.Summary.Cell index={0} colSpan={2}>合计（{drill.cell.schools.length} 所）</Table.Summary.Cell><Table.Summary.Cell index={2}>{drill.cell.value}</Table.Summary.Cell></Table.Summary.Row>}
            columns={[
              { title: '学校标识码', dataIndex: 'code', width: 120 },
              { title: '学校名称', dataIndex: 'name' },
              { title: '数值', dataIndex: 'value', width: 90 },
            ]}
          />
        )}
      </Drawer>
    </div>
  );
}
