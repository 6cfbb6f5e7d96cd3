// 修改记录: who changed what, when — every edit, added or deleted row, 说明, 审核通过 and
// 取消审核 (with its reason), newest first. Filters narrow it; the table pages, so a school
// with 100,000 records still opens it at once; 导出 saves exactly the filtered list as xlsx.
import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Dayjs } from 'dayjs';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { findSubmission, sheetsFor, submissionsFor } from '../../../shared/pack/applicability';
import { periodLabel } from '../../../shared/model/period';
import type { ChangeRow } from '../../../shared/xlsx/changes-workbook';
import { db } from '../../db/db';
import { listChanges, type ChangeFilter } from './changes-repo';
import { storedPeriods } from '../workspace/periods-repo';
import { CHANGE_ACTIONS, type ChangeAction } from '../../db/records';
import { ACTION_LABELS, describeChange, rowNumbers } from './change-labels';
import { APP_VERSION } from '../../lib/app-version';
import { defaultPeriod, todayIso } from '../workspace/periods';
import { platform } from '../../platform';

export interface ChangesDrawerProps {
  open: boolean;
  onClose: () => void;
  pack: Pack;
  school: SchoolProfile;
  /** the workspace's submission and period: the default filter */
  submission: string;
  period: string;
}

type Keyed = ChangeRow & { key: number };

/** One side of 原值 → 新值: an empty side reads （空）, so "cleared" and "filled" are plain. */
const shown = (v: string | number | null) => (v === null || v === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : String(v));

export function ChangesDrawer({ open, onClose, pack, school, submission, period }: ChangesDrawerProps) {
  const { message } = App.useApp();
  const [sub, setSub] = useState(submission);
  const [per, setPer] = useState(period);
  const [sheetId, setSheetId] = useState<string>();
  const [action, setAction] = useState<ChangeAction>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [text, setText] = useState('');

  const subDef = findSubmission(pack, sub);
  const sheets = useMemo(() => (subDef ? sheetsFor(pack, subDef, school.type) : []), [pack, subDef, school.type]);
  // a worksheet of several lists records its changes under each list's own id
  const sheetOptions = sheets
    .flatMap((s) => (s.kind === 'ledgerGroup' ? s.parts.map((p) => ({ value: p.id, label: `${s.title} · ${p.title}` })) : [{ value: s.id, label: s.title }]))
    .filter((o) => pack.sheets[o.value]?.kind !== 'cover');
  const periods = useLiveQuery(() => (open ? storedPeriods(sub) : Promise.resolve([])), [open, sub]) ?? [];
  const periodList = periods.includes(per) ? periods : [per, ...periods];

  const filter: ChangeFilter = {
    submission: sub, period: per, sheetId, action, text,
    from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const rows = useLiveQuery(async (): Promise<Keyed[] | undefined> => {
    if (!open) return undefined;
    const [changes, stored] = await Promise.all([
      listChanges(filter),
      db.rows.where('[submission+period]').equals([sub, per]).toArray(),
    ]);
    const ctx = { pack, sheets, rowNumbers: rowNumbers(stored) };
    return changes.map((c) => ({ ...describeChange(c, ctx), key: c.id! }));
  }, [open, sub, per, sheetId, action, filter.from, filter.to, text, pack, sheets]);

  const scope = `${subDef?.name ?? sub} ${subDef ? periodLabel(subDef.periodKind, per) : per}`;
  const filterWords = [
    sheetId && `表：${sheetOptions.find((o) => o.value === sheetId)?.label ?? sheetId}`,
    action && `操作：${ACTION_LABELS[action]}`,
    (filter.from || filter.to) && `日期：${filter.from ?? ''}至${filter.to ?? ''}`,
    text.trim() && `包含“${text.trim()}”`,
  ].filter(Boolean).join('；');

  const exportXlsx = async () => {
    try {
      // the workbook writer is large: load it only when a file is made
      const { changesWorkbook } = await import('../../../shared/xlsx/changes-workbook');
      const file = await changesWorkbook({ school, scope, filters: filterWords, rows: rows ?? [], now: new Date(), appVersion: APP_VERSION });
      const saved = await platform.saveFile(file.fileName, file.bytes);
      if (saved.saved) message.success(`已导出修改记录：${saved.path ?? file.fileName}`);
    } catch (e) {
      message.error(`导出修改记录失败：${(e as Error).message}`);
    }
  };

  const changeSub = (v: string) => {
    setSub(v);
    setSheetId(undefined);
    const def = findSubmission(pack, v);
    // another submission's periods are of another kind (学年 / 月份): start from its newest
    if (v === submission) setPer(period);
    else void storedPeriods(v).then((list) => setPer(list[0] ?? (def ? defaultPeriod(def, todayIso()) : per)));
  };

  return (
    <Drawer
      title="修改记录"
      open={open}
      onClose={onClose}
      size={1100}
      data-testid="changes-drawer"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} disabled={!rows?.length} data-testid="changes-export">
          导出 Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="报表" style={{ width: 200 }} value={sub} onChange={changeSub} data-testid="changes-submission"
          options={submissionsFor(pack, school.type).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))} />
        <Select aria-label="期间" style={{ width: 150 }} value={per} onChange={setPer} data-testid="changes-period"
          options={periodList.map((p) => ({ value: p, label: subDef ? periodLabel(subDef.periodKind, p) : p }))} />
        <Select aria-label="表" allowClear placeholder="全部表" style={{ width: 220 }} value={sheetId} onChange={setSheetId}
          options={sheetOptions} data-testid="changes-sheet" showSearch={{ optionFilterProp: 'label' }} />
        <Select aria-label="操作" allowClear placeholder="全部操作" style={{ width: 130 }} value={action} onChange={setAction}
          options={CHANGE_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }))} data-testid="changes-action" />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} placeholder={['开始日期', '结束日期']} data-testid="changes-range" />
        <Input.Search aria-label="查找" allowClear placeholder="查找填表人、数值、原因" style={{ width: 220 }}
          onSearch={setText} data-testid="changes-text" />
      </Space>
      <Table<Keyed>
        size="small"
        loading={rows === undefined}
        dataSource={rows ?? []}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '没有修改记录' }}
        data-testid="changes-table"
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }) },
          { title: '填表人', dataIndex: 'who', width: 80 },
          { title: '表', dataIndex: 'sheet', width: 150 },
          { title: '行', dataIndex: 'row', width: 140 },
          { title: '字段', dataIndex: 'field', width: 140 },
          { title: '原值 → 新值', key: 'values', render: (_: unknown, r) => <span>{shown(r.old)} → {shown(r.new)}</span> },
          { title: '操作', dataIndex: 'action', width: 90 },
          { title: '原因', dataIndex: 'reason', width: 160 },
        ]}
      />
    </Drawer>
  );
}
