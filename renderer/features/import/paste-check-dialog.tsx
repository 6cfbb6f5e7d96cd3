// A pasted block with cells the list cannot take: the block as pasted, bad cells marked with
// their messages. The user pastes the good rows only, pastes it whole (bad cells kept as typed
// and marked red in the grid, as a bad value typed by hand is) or cancels; nothing is half-written.
import { Alert, Button, Modal, Table } from 'antd';
import type { LedgerColumn } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import { formatValue } from '../../../shared/model/values';
import type { ValueChoice } from '../../../shared/import/value-map';
import { ValueMappingStep } from './value-mapping-step';
import './import.css';

export interface PasteProblem {
  index: number;
  colKey: string;
  message: string;
}

export interface PasteCheckDialogProps {
  columns: readonly LedgerColumn[];
  /** grid row number (1-based, 序号) of the block's first row */
  firstRow: number;
  block: readonly Record<string, CellValue>[];
  problems: readonly PasteProblem[];
  /** values the list does not offer, for the 对应 step (answers apply to the block at once) */
  choices?: readonly ValueChoice[];
  onChoose?: (colKey: string, value: string, to: string | undefined) => void;
  onAccept: () => void;
  /** writes the whole block, bad cells included */
  onAcceptAll: () => void;
  onCancel: () => void;
}

export function PasteCheckDialog({ columns, firstRow, block, problems, choices = [], onChoose, onAccept, onAcceptAll, onCancel }: PasteCheckDialogProps) {
  const keys = new Set(block.flatMap((r) => Object.keys(r)));
  const shown = columns.filter((c) => keys.has(c.key));
  const bad = new Map(problems.map((p) => [`${p.index}|${p.colKey}`, p.message]));
  const badRows = new Set(problems.map((p) => p.index));
  const good = block.length - badRows.size;
  const data = block.map((values, index) => ({ index, values }));
  return (
    <Modal
      title="粘贴的内容有错误"
      open
      width={900}
      onCancel={onCancel}
      footer={
        <>
          <Button onClick={onCancel} data-testid="paste-cancel">
            取消粘贴
          </Button>
          <Button danger onClick={onAcceptAll} data-testid="paste-accept-all">
            全部粘贴（错误的格子标红）
          </Button>
          <Button type="primary" disabled={good === 0} onClick={onAccept} data-testid="paste-accept">
            {`只粘贴正确的 ${good} 行`}
          </Button>
        </>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        message={`粘贴的 ${block.length} 行中有 ${badRows.size} 行有错误（红色标出，鼠标停留可看原因）。还没有写入任何数据：可以只粘贴正确的行，也可以全部粘贴，错误的格子在表中标红，改正后即消失。`}
      />
      {onChoose && choices.length > 0 ? <ValueMappingStep choices={choices} onChoose={onChoose} source="粘贴的内容中" /> : null}
      <Table
        size="small"
        rowKey="index"
        pagination={block.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        dataSource={data}
        rowClassName={(r) => (badRows.has(r.index) ? 'import-row-bad' : '')}
        data-testid="paste-check"
        columns={[
          { title: '行', key: 'n', width: 56, render: (_: unknown, r: (typeof data)[number]) => firstRow + r.index },
          ...shown.map((c) => ({
            title: c.label,
            key: c.key,
            render: (_: unknown, r: (typeof data)[number]) => {
              const msg = bad.get(`${r.index}|${c.key}`);
              const text = formatValue(r.values[c.key]);
              return msg ? <span className="import-cell-bad" title={msg}>{text || '（空）'}</span> : text;
            },
          })),
        ]}
      />
      <ul className="paste-problems" data-testid="paste-problems">
        {problems.slice(0, 200).map((p) => (
          <li key={`${p.index}|${p.colKey}|${p.message}`}>第 {firstRow + p.index} 行：{p.message}</li>
        ))}
        {problems.length > 200 && <li>……还有 {problems.length - 200} 条</li>}
      </ul>
    </Modal>
  );
}
