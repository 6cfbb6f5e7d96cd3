// One 说明 for every warning of a rule in the period (13 identical 陪餐 warnings → one 说明). It is
// stored under `rule:{ruleId}` beside the findings' own 说明 (shared/audit/explanations.ts); a
// finding's own 说明 still wins, and 校验说明 prints this text on each row that has none.
import { useEffect, useState } from 'react';
import { Input } from 'antd';

export interface RuleExplanationProps {
  ruleId: string;
  /** how many warnings of this rule the period has */
  count: number;
  explanation?: string;
  onExplain: (ruleId: string, text: string) => void;
  readOnly?: boolean;
}

export function RuleExplanation({ ruleId, count, explanation, onExplain, readOnly }: RuleExplanationProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? explanation ?? '';
  // the saved 说明 has come back from the database: stop showing the local draft
  useEffect(() => setDraft(undefined), [explanation]);
  const label = `为本规则的全部 ${count} 条写一条说明`;
  return (
    <li className="rule-explain" data-testid={`rule-explain-${ruleId}`}>
      <div className="rule-explain-head">
        {ruleId}：{label}
        <span className="rule-explain-hint">（单条另写的说明优先）</span>
      </div>
      <Input.TextArea
        placeholder="例如：本月第二周为家长开放周，陪餐由家长代表完成"
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={200}
        value={text}
        readOnly={readOnly}
        aria-label={`${ruleId} ${label}`}
        data-testid={`explain-rule-${ruleId}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== undefined && draft !== (explanation ?? '')) onExplain(ruleId, draft);
          else setDraft(undefined);
        }}
      />
    </li>
  );
}
