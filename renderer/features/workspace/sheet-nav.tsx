// The sheets of the chosen submission, in the bureau's order, with a red count of the
// 逻辑校验 errors each one still has.
import type { ReactNode } from 'react';
import { Badge, Menu } from 'antd';
import { DashboardOutlined, FileTextOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { Sheet } from '../../../shared/pack/schema';
import type { Finding } from '../../../shared/audit/types';

const ICONS: Record<Sheet['kind'], ReactNode> = {
  cover: <FileTextOutlined />, ledger: <UnorderedListOutlined />, stat: <TableOutlined />, indicator: <DashboardOutlined />,
  ledgerGroup: <UnorderedListOutlined />,
};

export interface SheetNavProps {
  sheets: Sheet[];
  sheetId: string;
  findings: readonly Finding[];
  onSelect: (sheetId: string) => void;
}

export function SheetNav({ sheets, sheetId, findings, onSelect }: SheetNavProps) {
  const errors = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') errors.set(f.sheetId, (errors.get(f.sheetId) ?? 0) + 1);
  return (
    <Menu
      mode="inline"
      selectedKeys={[sheetId]}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => onSelect(key)}
      items={sheets.map((s) => ({
        key: s.id,
        icon: ICONS[s.kind],
        'data-testid': `sheet-nav-${s.id}`,
        title: s.title,
        label: (
          <span style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis' }}>{s.title}</span>
            {errors.get(s.id) ? <Badge count={errors.get(s.id)} size="small" title="逻辑校验错误" /> : null}
          </span>
        ),
      }))}
    />
  );
}
