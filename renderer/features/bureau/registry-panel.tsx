// 学校名册: imported from the file the bureau already has (xlsx, csv in UTF-8 or GBK) by core's
// parser (shared/consolidate/registry.ts, the CLI's --registry too), validated whole: the preview
// names every problem by row and column, and a file with any problem imports nothing. Schools
// confirmed from received files are marked as such.
import { useState } from 'react';
import { Alert, App, Button, Modal, Table, Tag } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import type { RowProblem } from '../../../shared/import/convert';
import type { FileProblem, RegistrySchool } from '../../../shared/consolidate/types';
import { ProblemsTable } from '../import/import-preview';
import { readFileBytes } from '../import/import-session';
import { importRegistry } from './bureau-repo';
import type { RegistryRecord } from './bureau-records';

const COLUMNS = [
  { title: '学校标识码', dataIndex: 'code', width: 120 },
  { title: '学校名称', dataIndex: 'name' },
  { title: '办学类型', dataIndex: 'type', width: 120 },
  { title: '举办者', dataIndex: 'sponsor', width: 70 },
  { title: '所在乡镇（街道）', dataIndex: 'township', width: 140 },
  { title: '城乡分类', dataIndex: 'urbanRural', width: 80 },
];

interface RegistryPreview {
  fileName: string;
  schools: RegistrySchool[];
  problems: RowProblem[];
  warnings: string[];
}

/** A registry problem as the import preview's table shows it: the row and column of its cell. */
export function rowProblem(p: FileProblem, index: number): RowProblem {
  const cell = /^([A-Z]+)(\d+)$/.exec(p.cell ?? '');
  const row = cell ? Number(cell[2]) : Number(/第(\d+)行/.exec(p.message)?.[1] ?? 0);
  return { index, sourceRow: row, ...(cell ? { sourceCol: cell[1] } : {}), colKey: '', severity: 'error', message: p.message };
}

export function RegistryPanel({ pack, registry }: { pack: Pack; registry: RegistryRecord[] }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<RegistryPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      // SheetJS and the parser load with the first registry import, not with the first screen
      const { parseRegistry } = await import('../../../shared/consolidate/registry');
      const r = parseRegistry(await readFileBytes(file), file.name, pack);
      setPreview(r.ok
        ? { fileName: file.name, schools: r.schools, problems: [], warnings: r.warnings }
        : { fileName: file.name, schools: [], problems: r.problems.map(rowProblem), warnings: [] });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const confirm = async () => {
    if (!preview) return;
    try {
      const n = await importRegistry(preview.schools);
      message.success(`已导入 ${n} 所学校`);
      setPreview(null);
    } catch {
      message.error('学校名册没有保存成功，请重试');
    }
  };

  return (
    <div data-testid="registry-panel">
      <div className="bureau-toolbar">
        <Button type="primary" onClick={() => document.getElementById('registry-file')?.click()}>从 Excel / CSV 导入学校名册</Button>
        <input id="registry-file" data-testid="registry-file" type="file" accept=".xlsx,.xls,.csv" hidden
          onChange={(e) => { void pick(e.target.files?.[0]); e.target.value = ''; }} />
        <span className="bureau-hint">表头：学校标识码、学校名称、办学类型、举办者、所在乡镇（街道）、城乡分类（幼儿园可加“是否普惠性幼儿园”）</span>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="registry-error" />}
      <Table
        size="small"
        rowKey="code"
        data-testid="registry-table"
        dataSource={registry}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有学校：请导入学校名册，或在接收报表时确认新学校' }}
        columns={[...COLUMNS, { title: '来源', key: 'source', width: 110, render: (_: unknown, r: RegistryRecord) => (r.source === 'confirmed' ? <Tag color="blue">接收时确认</Tag> : <Tag>名册导入</Tag>) }]}
      />
      <Modal
        open={!!preview}
        width={900}
        title={preview ? `导入学校名册：${preview.fileName}` : ''}
        okText={`导入 ${preview?.schools.length ?? 0} 所学校`}
        okButtonProps={{ disabled: !preview?.schools.length, 'data-testid': 'registry-confirm' }}
        cancelText="取消"
        onOk={() => void confirm()}
        onCancel={() => setPreview(null)}
      >
        {preview && (
          <div data-testid="registry-preview">
            <p data-testid="registry-summary">
              {preview.problems.length
                ? `发现 ${preview.problems.length} 个问题，名册没有导入：请在 Excel/WPS 中改正这些行后再导入。`
                : `可导入 ${preview.schools.length} 所学校，没有发现问题。`}
            </p>
            {preview.problems.length > 0 && <ProblemsTable problems={preview.problems} testId="registry-problems" />}
            {preview.warnings.length > 0 && <Alert type="warning" showIcon style={{ margin: '8px 0' }} message={preview.warnings.join('；')} />}
            <Table size="small" rowKey="code" dataSource={preview.schools} columns={COLUMNS} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
          </div>
        )}
      </Modal>
    </div>
  );
}
