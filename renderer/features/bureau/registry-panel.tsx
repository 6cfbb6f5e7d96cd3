// 学校名册: imported from the file the bureau already has (xlsx, csv in UTF-8 or GBK), previewed
// with every problem named by row and column before anything is written; schools confirmed from
// received files are marked as such.
import { useState } from 'react';
import { Alert, App, Button, Modal, Table, Tag } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import { decodeOffThread } from '../../lib/decode-off-thread';
import { ProblemsTable } from '../../components/import-preview';
import { readFileBytes } from '../../lib/import-session';
import { parseRegistryBook, type RegistryParse } from './registry-parse';
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

export function RegistryPanel({ pack, registry }: { pack: Pack; registry: RegistryRecord[] }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<(RegistryParse & { fileName: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const book = await decodeOffThread(file.name, await readFileBytes(file));
      setPreview({ ...parseRegistryBook(book, pack), fileName: file.name });
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
        okText={preview?.problems.length ? `导入没有问题的 ${preview.schools.length} 所` : `导入 ${preview?.schools.length ?? 0} 所学校`}
        okButtonProps={{ disabled: !preview?.schools.length, 'data-testid': 'registry-confirm' }}
        cancelText="取消"
        onOk={() => void confirm()}
        onCancel={() => setPreview(null)}
      >
        {preview && (
          <div data-testid="registry-preview">
            <p data-testid="registry-summary">
              可导入 {preview.schools.length} 所学校{preview.problems.length ? `；${preview.problems.length} 个问题（有问题的行不导入，请改正后再导入）` : '，没有发现问题'}。
            </p>
            {preview.problems.length > 0 && <ProblemsTable problems={preview.problems} testId="registry-problems" />}
            <Table size="small" rowKey="code" dataSource={preview.schools} columns={COLUMNS} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
          </div>
        )}
      </Modal>
    </div>
  );
}
