// District-level plan indicators and 义务教育校际差异系数. Computed by the balance helper's
// modules (shared/consolidate/district-indicators.ts, balance.ts); until those are merged this
// panel lists the district targets with the data each one needs.
import { Table } from 'antd';
import type { HeldReport, RegistrySchool } from '../../../shared/consolidate/types';
import type { Pack } from '../../../shared/pack/schema';
import { formatTarget } from '../../../shared/pack/targets';
import type { PopulationRecord } from './bureau-records';

export interface DistrictPanelProps {
  pack: Pack;
  registry: readonly RegistrySchool[];
  held: readonly HeldReport[];
  population: readonly PopulationRecord[];
}

export function DistrictPanel({ pack }: DistrictPanelProps) {
  const district = pack.targets.filter((t) => t.level === 'district');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="district-targets"
      dataSource={district}
      columns={[
        { title: '指标', dataIndex: 'name' },
        { title: '目标', key: 't', width: 100, render: (_, t) => formatTarget(t) },
        { title: '说明', dataIndex: 'note' },
      ]}
    />
  );
}
