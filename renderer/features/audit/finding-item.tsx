// One audit finding in the panel. Clicking it jumps to the cell; a 经验校验 warning also
// takes the school's written 说明, which the bureau reads in the exported 校验说明 sheet.
import { useEffect, useState } from 'react';
import { Input, Tag } from 'antd';
import type { Finding } from '../../../shared/audit/types';

export interface FindingItemProps {
  finding: Finding;
  explanation?: string;
  /** the 说明 written for every warning of this finding's rule: covers it while it has none of its own */
  ruleExplanation?: string;
  onOpen: (f: Finding) => void;
  onExplain: (f: Finding, text: string) => void;
  /** the period is 已审核: the 说明 is part of what was approved and cannot change until 取消审核 */
  readOnly?: boolean;
}

export function FindingItem({ finding: f, explanation, ruleExplanation, onOpen, onExplain, readOnly }: FindingItemProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? explanation ?? '';
  // the saved 说明 has come back from the database: stop showing the local draft
  useEffect(() => setDraft(undefined), [explanation]);
  const covered = !text.trim() && !!ruleExplanation?.trim();
  return (
    <li className={`finding finding-${f.severity}`}>
      <div
        className="finding-main"
        role="button"
        tabIndex={0}
        data-testid={`finding-${f.ruleId}`}
        data-key={f.key}
        title="点击定位到该单元格"
        onClick={() => onOpen(f)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(f);
          }
        }}
      >
        <div className="finding-head">
          <Tag color={f.severity === 'error' ? 'red' : 'orange'} variant="outlined">
            {f.ruleId}
          </Tag>
          {f.cell && <span className="finding-cell">单元格 {f.cell}</span>}
        </div>
        <div className="finding-message">{f.message}</div>
      </div>
      {f.severity === 'warning' && (
        <Input.TextArea
          className="finding-explain"
          placeholder={covered ? '已由本规则的说明覆盖；如本条情况不同，可在此单独填写' : '请填写说明（例如：本学年新增两个教学班，学生数增加属实）'}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={200}
          value={text}
          readOnly={readOnly}
          status={text.trim() || covered ? undefined : 'warning'}
          aria-label={`${f.ruleId} 的说明`}
          data-testid={`explain-${f.ruleId}`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft !== undefined && draft !== (explanation ?? '')) onExplain(f, draft);
            else setDraft(undefined);
          }}
        />
      )}
      {f.severity === 'warning' && covered && (
        <div className="finding-covered" data-testid={`covered-${f.key}`}>
          本规则说明：{ruleExplanation!.trim()}
        </div>
      )}
    </li>
  );
}
