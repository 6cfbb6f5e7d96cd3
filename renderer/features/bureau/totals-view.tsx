// 全区汇总: every statistics and indicator sheet of the submission summed over the held reports
// (core's districtTotals: only accepted, current reports of registry schools count; a school's
// group is the registry's word), for the district or one group of a breakdown; a click on a
// total lists the schools in it, with each one's figure (drillDown).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Select, Table } from 'antd';
import { platform } from '../../platform';
import { populationTable } from './bureau-repo';
import { factsCsvFile, summaryWorkbookBytes } from './district-export';
import type { Breakdown, BureauProfile } from '../../../shared/consolidate/types';
import type { Pack, Submission } from '../../../shared/pack/schema';
import { BREAKDOWN_LABEL, BREAKDOWNS, districtTotals, drillDown, type DrillRow } from '../../../shared/consolidate/totals';
import { registryOf } from './engine';
import type { BureauData } from './use-bureau-data';

export interface TotalsViewProps {
  pack: Pack;
  bureau: BureauProfile;
  submission: Submission;
  period: string;
  data: BureauData;
}

const round = (v: number) => Math.round(v * 100) / 100;

export function TotalsView({ pack, bureau, submission, period, data }: TotalsViewProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const save = async (make: () => Promise<{ fileName: string; bytes: Uint8Array }>, mime?: string) => {
    setBusy(true);
    try {
      const f = await make();
      const saved = await platform.saveFile(f.fileName, f.bytes, mime);
      if (saved.saved) message.success(`已导出 ${f.fileName}`);
    } catch {
      message.error('导出没有成功，请重试');
    } finally {
      setBusy(false);
    }
  };
  const exportSummary = () => save(() => summaryWorkbookBytes({
    pack, bureau, schools: data.registry, submission, period, held: data.held, history: data.history, receipts: data.verdicts, population: populationTable(data.population),
  }));
  const exportFacts = () => save(() => factsCsvFile(pack, bureau, data.registry, submission.code, period, data.held), 'text/csv');
  const registry = useMemo(() => registryOf(bureau, data.registry), [bureau, data.registry]);
  const totals = useMemo(
    () => districtTotals({ pack, registry, submission: submission.code, period, held: data.held }),
    [pack, registry, submission, period, data.held],
  );
  const [picked, setSheet] = useState<string | undefined>();
  const [breakdown, setBreakdown] = useState<Breakdown>('district');
  const [groupKey, setGroupKey] = useState<string | undefined>();
  const [drill, setDrill] = useState<{ title: string; rows: DrillRow[]; total: number | null } | null>(null);
  const counted = Object.keys(totals.schoolValues).length;
  const sheets = totals.sheets.filter((l) => totals.totals['district:全区']?.[l.sheetId]?.schools.length);
  const layout = sheets.find((l) => l.sheetId === picked) ?? sheets[0];
  const groups = totals.groups.filter((g) => g.breakdown === breakdown);
  const group = groups.find((g) => g.key === groupKey) ?? groups[0];

  if (!counted || !layout) return <Empty description="这一期还没有通过核验的报表，收到后这里显示全区汇总" data-testid="totals-empty" />;
  const total = group ? totals.totals[group.key]?.[layout.sheetId] : undefined;
  return (
    <div data-testid="totals-view">
      <div className="bureau-toolbar">
        <Select style={{ width: 300 }} value={layout.sheetId} onChange={setSheet} data-testid="totals-sheet"
          options={sheets.map((l) => ({ value: l.sheetId, label: l.title }))} />
        <span>按</span>
        <Select style={{ width: 140 }} value={breakdown} onChange={(b) => { setBreakdown(b); setGroupKey(undefined); }} data-testid="totals-breakdown"
          options={BREAKDOWNS.map((b) => ({ value: b, label: BREAKDOWN_LABEL[b] }))} />
        {breakdown !== 'district' && (
          <Select style={{ width: 180 }} value={group?.key} onChange={setGroupKey} data-testid="totals-group"
            options={groups.map((g) => ({ value: g.key, label: g.label }))} />
        )}
        <span data-testid="totals-count">汇总 {total?.schools.length ?? 0} 所学校的报表</span>
        <span className="bureau-hint">点击数字查看由哪些学校汇成</span>
        <span style={{ flex: 1 }} />
        <Button loading={busy} onClick={() => void exportSummary()} data-testid="summary-export">导出全区汇总工作簿（xlsx）</Button>
        <Button disabled={busy} onClick={() => void exportFacts()} data-testid="facts-export">导出明细数据（CSV）</Button>
      </div>
      {totals.missing.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`名册中 ${totals.missing.length} 所学校这一期没有通过核验的报表，未计入汇总（见“报送情况”）`} />
      )}
      <Table
        size="small"
        bordered
        rowKey="code"
        pagination={false}
        data-testid="totals-table"
        scroll={{ x: true }}
        dataSource={layout.rows.map((row, r) => ({ ...row, r }))}
        columns={[
          { title: '代码', dataIndex: 'code', width: 56, fixed: 'left' },
          { title: '项目', dataIndex: 'label', width: 220, fixed: 'left' },
          ...layout.columns.map((col, c) => ({
            title: col.label,
            key: col.key,
            width: 96,
            render: (_: unknown, row: (typeof layout.rows)[number] & { r: number }) => {
              if (layout.blocked[row.r]![c]) return '—';
              const v = total?.values[row.r]?.[c];
              if (v === null || v === undefined || !group) return null;
              return (
                <a data-testid={`total-${row.code}-${col.key}`}
                  onClick={() => setDrill({
                    title: `${group.label} · ${layout.title} · ${row.code} ${row.label} · ${col.label}`,
                    rows: drillDown(totals, registry, group.key, layout.sheetId, row.code, col.key), total: v,
                  })}>
                  {round(v)}
                </a>
              );
            },
          })),
        ]}
      />
      <Drawer open={!!drill} size={560} title={drill?.title} onClose={() => setDrill(null)}>
        {drill && (
          <Table
            size="small"
            rowKey={(d) => d.school.code}
            data-testid="totals-drill"
            pagination={false}
            dataSource={[...drill.rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>汇总（{drill.rows.length} 所）</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{drill.total === null ? '—' : round(drill.total)}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
            columns={[
              { title: '学校标识码', key: 'code', width: 120, render: (_, d) => d.school.code },
              { title: '学校名称', key: 'name', render: (_, d) => d.school.name },
              { title: '乡镇（街道）', key: 't', width: 110, render: (_, d) => d.school.township },
              { title: '数值', key: 'v', width: 90, render: (_, d) => (d.value === null ? '空' : round(d.value)) },
            ]}
          />
        )}
      </Drawer>
    </div>
  );
}
