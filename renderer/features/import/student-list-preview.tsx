// 学生名单 recognised in 从 Excel 导入: what the per-pupil file will become — the counted classes,
// the rules that counted them (which source column feeds which figure), the pupils that could not
// be counted, and, when the period already has a class list, the class-by-class change a replace
// makes. The school can still import the file row by row when the recognition is wrong.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Table, Tabs, Tag } from 'antd';
import type { LedgerSheet } from '../../../shared/pack/schema';
import type { RecordListResult, RuleLine } from '../../../shared/import/student-list';
import { classDiff, countedColumns, type ClassChange } from '../../../shared/import/class-diff';
import { formatValue } from '../../../shared/model/values';
import { listRows } from '../entry/rows-repo';
import { ProblemsTable } from './import-preview';
import type { SheetRef } from '../../db/records';

export interface StudentListPreviewProps {
  sheet: LedgerSheet;
  result: RecordListResult;
  sheetRef: SheetRef;
  /** the school says this is not a pupil list: import it row by row instead */
  onRowByRow: () => void;
}

const PAGE = { pageSize: 20, showSizeChanger: false, size: 'small' as const };
const KIND = { added: ['green', '新增'], removed: ['red', '减少'], changed: ['orange', '变化'] } as const;

function changeText(c: ClassChange): string {
  if (c.kind !== 'changed') return c.changes.map((x) => `${x.label} ${formatValue(c.kind === 'added' ? x.new : x.old) || 0}`).join('，');
  return c.changes.map((x) => `${x.label} ${formatValue(x.old) || 0}→${formatValue(x.new) || 0}`).join('，');
}

export function StudentListPreview({ sheet, result, sheetRef, onRowByRow }: StudentListPreviewProps) {
  const rules = sheet.recordImport!;
  const existing = useLiveQuery(() => listRows(sheetRef), [sheetRef.submission, sheetRef.period, sheetRef.sheetId]);
  const diff = useMemo(
    () => (existing && existing.length ? classDiff(sheet, existing.map((r) => r.values), result.rows.map((r) => r.values)) : undefined),
    [sheet, existing, result],
  );
  const shown = countedColumns(sheet).map((k) => sheet.columns.find((c) => c.key === k)!).filter(Boolean);
  const rows = result.rows.map((r, index) => ({ ...r, index }));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const { records, groups, uncounted } = result.summary;
  return (
    <>
      <Alert
        type={uncounted ? 'warning' : 'info'}
        showIcon
        data-testid="student-list-summary"
        message={`${rules.title}：${records} ${rules.recordNoun}，将统计为 ${groups} ${rules.groupNoun}${uncounted ? `（${uncounted} ${rules.recordNoun}未能统计，见“问题”）` : ''}`}
        description={
          <>
            每名学生一行的名单按学段、年级、班级统计为各班一行；姓名、身份证件号、出生日期只在内存中用于识别，不会保存。
            <Button size="small" type="link" onClick={onRowByRow} data-testid="student-list-row-by-row">
              识别有误？按行导入
            </Button>
          </>
        }
      />
      {diff && (
        <Alert
          type="warning"
          showIcon
          data-testid="student-list-diff-summary"
          message={`本期已有 ${existing!.length} 个班：新增 ${diff.added} 个，减少 ${diff.removed} 个，人数有变化 ${diff.changed} 个，不变 ${diff.unchanged} 个。替换后各班的班主任、是否复式班、备注保留原值。`}
        />
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'classes',
            label: `统计结果（${groups} ${rules.groupNoun}）`,
            children: (
              <Table
                size="small"
                rowKey="index"
                pagination={PAGE}
                scroll={{ x: 'max-content' }}
                dataSource={rows}
                rowClassName={(r) => (result.invalid.has(r.index) ? 'import-row-bad' : '')}
                data-testid="student-list-classes"
                columns={shown.map((c) => ({ title: c.label, key: c.key, render: (_: unknown, r: (typeof rows)[number]) => formatValue(r.values[c.key]) }))}
              />
            ),
          },
          ...(diff
            ? [{
                key: 'diff',
                label: `与现有名册比较（${diff.list.length} 处）`,
                children: (
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={PAGE}
                    dataSource={diff.list}
                    data-testid="student-list-diff"
                    locale={{ emptyText: '各班人数都没有变化' }}
                    columns={[
                      { title: '班级', dataIndex: 'label', width: 200 },
                      { title: '', key: 'kind', width: 70, render: (_: unknown, c: ClassChange) => <Tag color={KIND[c.kind][0]}>{KIND[c.kind][1]}</Tag> },
                      { title: '明细', key: 'what', render: (_: unknown, c: ClassChange) => changeText(c) },
                    ]}
                  />
                ),
              }]
            : []),
          {
            key: 'rules',
            label: '统计规则',
            children: (
              <>
                <Table
                  size="small"
                  rowKey="column"
                  pagination={false}
                  dataSource={result.rules}
                  data-testid="student-list-rules"
                  columns={[
                    { title: '班级名册的列', dataIndex: 'column', width: 200 },
                    { title: '来自文件的列', key: 'src', width: 260, render: (_: unknown, l: RuleLine) => (l.missing ? <Tag>文件中没有此列，记为 0</Tag> : l.sources.join('、') || '—') },
                    { title: '规则', dataIndex: 'note' },
                  ]}
                />
                <div className="import-unused" data-testid="student-list-grades">
                  年级的写法：
                  {result.grades.map((g) => `${g.text || '（空）'} → ${g.stage ? `${g.stage} ${g.grade}` : '无法识别'}（${g.records} 人）`).join('；')}
                </div>
              </>
            ),
          },
          {
            key: 'problems',
            label: `问题（错误 ${errors}，提示 ${result.problems.length - errors}）`,
            children: (
              <ProblemsTable problems={result.problems} testId="student-list-problems" />
            ),
          },
        ]}
      />
    </>
  );
}
