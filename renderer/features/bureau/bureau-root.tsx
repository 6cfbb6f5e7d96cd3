// Bureau mode's root: the pack the bureau chose, its set-up when editing, else the workspace.
import { useState } from 'react';
import { Button, Result } from 'antd';
import type { BureauProfile } from '../../../shared/consolidate/types';
import { getPack, packList } from '../../lib/packs';
import { BureauSetup } from './bureau-setup';
import { BureauWorkspace } from './bureau-workspace';
import './bureau.css';

export function BureauRoot({ bureau }: { bureau: BureauProfile }) {
  const [editing, setEditing] = useState(false);
  const pack = getPack(bureau.packId);
  if (editing || !pack) {
    if (!pack && !editing)
      return (
        <Result
          status="warning"
          title="找不到教育局所用的报表包"
          subTitle={`教育局信息中的报表包“${bureau.packId}”不在本版本中。请重新选择报表包。`}
          extra={<Button type="primary" onClick={() => setEditing(true)}>编辑教育局信息</Button>}
        />
      );
    return (
      <div className="setup-page">
        <div style={{ height: 32 }} />
        <BureauSetup packs={packList()} initial={bureau} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </div>
    );
  }
  return <BureauWorkspace bureau={bureau} pack={pack} onEdit={() => setEditing(true)} />;
}
