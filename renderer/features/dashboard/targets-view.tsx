// 规划目标: the targets the bureau's plan sets, read-only, so a school sees what its bureau steers
// by. Grouped into what the school can work out from its own reports and what only the bureau
// can total up. The entry sits in the workspace sidebar below the sheet list.
import { useState } from 'react';
import { Button, Drawer, Empty } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import type { Pack, Target } from '../../../shared/pack/schema';
import { formatBaseline, formatTarget, targetsByLevel } from '../../../shared/pack/targets';
import './targets.css';

function TargetRow({ t }: { t: Target }) {
  return (
    <tr data-testid={`target-${t.id}`}>
      <td className="targets-name">
        {t.name}
        {t.note ? <div className="targets-note">{t.note}</div> : null}
      </td>
      <td className="targets-value" data-col="target">
        {formatTarget(t)}
      </td>
      <td data-col="property">{t.property}</td>
      <td data-col="year">{t.year} 年</td>
      <td data-col="baseline">{formatBaseline(t)}</td>
      <td data-col="source">{t.source}</td>
    </tr>
  );
}

export interface TargetsViewProps {
  pack: Pack;
  open: boolean;
  onClose: () => void;
}

export function TargetsView({ pack, open, onClose }: TargetsViewProps) {
  const groups = targetsByLevel(pack.targets);
  return (
    <Drawer title={`规划目标：${pack.bureau}`} open={open} onClose={onClose} size={820} data-testid="targets-view">
      <p className="targets-help">
        {pack.notes[0] ?? pack.name} 以下目标只供对照，不能在这里修改；“目标年份”是规划要求达到的年份，“2020 年”是规划给出的基数。
      </p>
      {groups.length === 0 ? <Empty description="本报表包没有规划目标" /> : null}
      {groups.map((g) => (
        <section key={g.level} className="targets-group" data-testid={`targets-${g.level}`}>
          <h4>
            {g.label}
            <span className="targets-count">{g.targets.length} 项 · {g.hint}</span>
          </h4>
          <table className="targets-table">
            <thead>
              <tr>
                <th>指标</th>
                <th>目标</th>
                <th>属性</th>
                <th>目标年份</th>
                <th>2020 年</th>
                <th>出处</th>
              </tr>
            </thead>
            <tbody>
              {g.targets.map((t) => (
                <TargetRow key={t.id} t={t} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Drawer>
  );
}

/** The sidebar entry and the drawer it opens. */
export function TargetsEntry({ pack }: { pack: Pack }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="text" block icon={<AimOutlined />} className="targets-entry" data-testid="targets-open" onClick={() => setOpen(true)}>
        规划目标
        <span className="targets-entry-count">{pack.targets.length}</span>
      </Button>
      <TargetsView pack={pack} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
