// 接收报表: pick files, a whole folder, or drop them here. Each file is verified whole in a
// worker before anything is stored; the list then says, per file, what it was and what was done.
import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import type { BureauProfile } from '../../../shared/consolidate/types';
import { droppedFiles, inputFiles } from './pick-files';
import { useReceive } from './use-receive';
import type { ReceiveEntry } from './receive-flow';
import { actionWord, KIND_WORD } from './receive-words';
import { SupersedeDiff } from './supersede-diff';

export function ReceivePanel({ pack, bureau }: { pack: Pack; bureau: BureauProfile }) {
  const { state, receive, cancel, resolve, dismiss } = useReceive(pack, bureau);
  const [over, setOver] = useState(false);
  const [diffOf, setDiffOf] = useState<ReceiveEntry | null>(null);
  const pct = state.total ? Math.round((state.done / state.total) * 100) : 0;

  const problems = (e: ReceiveEntry) => {
    const ps = e.verdict.problems;
    if (!ps.length) return null;
    return (
      <ul className="bureau-problems">
        {ps.slice(0, 5).map((p, i) => <li key={i}>{p.message}{p.cell && !p.message.includes(p.cell) ? `（${p.sheet ?? ''} ${p.cell}）` : ''}</li>)}
        {ps.length > 5 && <li>……另有 {ps.length - 5} 条</li>}
      </ul>
    );
  };

  return (
    <div data-testid="receive-panel">
      <div
        className={`bureau-drop${over ? ' over' : ''}`}
        data-testid="receive-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void droppedFiles(e.dataTransfer).then(receive);
        }}
      >
        <p>把各校导出的报表（.xlsx）或整个文件夹拖到这里，或：</p>
        <Space>
          <Button disabled={state.running} onClick={() => document.getElementById('receive-files')?.click()}>选择文件（可多选）</Button>
          <Button disabled={state.running} onClick={() => document.getElementById('receive-folder')?.click()}>选择文件夹</Button>
        </Space>
        <input id="receive-files" data-testid="receive-files" type="file" multiple accept=".xlsx" hidden
          onChange={(e) => { void receive(inputFiles(e.target.files)); e.target.value = ''; }} />
        <input id="receive-folder" data-testid="receive-folder" type="file" hidden
          {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
          onChange={(e) => { void receive(inputFiles(e.target.files)); e.target.value = ''; }} />
        <p className="bureau-hint">每个文件先完整核验（格式、报表包、学校、校验值、逻辑校验），通过后才保存；原文件原样留存。</p>
      </div>

      {state.total > 0 && (
        <div className="bureau-toolbar" data-testid="receive-progress" data-done={state.done} data-total={state.total} data-running={state.running}>
          <Progress percent={pct} style={{ width: 360 }} status={state.cancelled ? 'exception' : state.running ? 'active' : 'success'} />
          <span>已核验 {state.done} / {state.total} 个文件</span>
          {state.running && <Button danger onClick={cancel} data-testid="receive-cancel">取消</Button>}
          {state.cancelled && <span>已取消：未核验的 {state.total - state.done} 个文件没有保存</span>}
        </div>
      )}
      {state.skipped.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`已跳过 ${state.skipped.length} 个不是 .xlsx 的文件：${state.skipped.slice(0, 5).join('、')}${state.skipped.length > 5 ? ' 等' : ''}`} />
      )}
      {state.entries.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          data-testid="receive-results"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={state.entries}
          onRow={(e) => ({ 'data-testid': `receive-row-${e.fileName}`, 'data-kind': e.verdict.kind, 'data-action': e.action, 'data-outcome': e.outcome } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: '文件', dataIndex: 'fileName', width: 260 },
            { title: '学校', key: 'school', width: 200, render: (_, e) => (e.verdict.schoolName ? `${e.verdict.schoolName}（${e.verdict.schoolCode}）` : '—') },
            { title: '版本', key: 'v', width: 60, render: (_, e) => e.verdict.version ?? '—' },
            { title: '核验', key: 'kind', width: 100, render: (_, e) => <Tag color={KIND_WORD[e.verdict.kind].color}>{KIND_WORD[e.verdict.kind].text}</Tag> },
            {
              title: '处理', key: 'action',
              render: (_, e) => (
                <Space direction="vertical" size={4}>
                  <Typography.Text type={e.outcome === 'pending' ? 'warning' : undefined}>{actionWord(e, e.heldVersion)}</Typography.Text>
                  {e.outcome === 'pending' && e.action === 'unknownSchool' && (
                    <Space>
                      <Button size="small" type="primary" onClick={() => void resolve(e)} data-testid={`confirm-school-${e.verdict.schoolCode}`}>
                        确认加入名册并接收
                      </Button>
                      <Button size="small" onClick={() => dismiss(e)}>不接收</Button>
                    </Space>
                  )}
                  {e.outcome === 'pending' && e.action === 'supersede' && (
                    <Button size="small" type="primary" onClick={() => setDiffOf(e)} data-testid={`review-supersede-${e.verdict.schoolCode}`}>
                      查看差异（{e.diff?.length ?? 0} 格）
                    </Button>
                  )}
                  {problems(e)}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={!!diffOf}
        title={diffOf ? `${diffOf.verdict.schoolName}：第 ${diffOf.verdict.version} 版将替换已收到的版本` : ''}
        width={760}
        okText="确认替换"
        cancelText="暂不替换"
        okButtonProps={{ 'data-testid': 'supersede-confirm' }}
        onOk={() => {
          if (diffOf) void resolve(diffOf);
          setDiffOf(null);
        }}
        onCancel={() => setDiffOf(null)}
      >
        {diffOf && <SupersedeDiff diff={diffOf.diff ?? []} />}
      </Modal>
    </div>
  );
}
