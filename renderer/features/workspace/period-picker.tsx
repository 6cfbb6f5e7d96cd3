// 报表 and 期间 pickers at the top of the sidebar, with the period's due date (截止).
import { useMemo } from 'react';
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Submission } from '../../../shared/pack/schema';
import { storedPeriods } from './periods-repo';
import { usePeriodRecord } from './use-period-record';
import { periodOptions, todayIso } from './periods';
import { useStore } from '../../state/store';

export interface PeriodPickerProps {
  submissions: Submission[];
  submission: Submission;
  period: string;
}

export function PeriodPicker({ submissions, submission, period }: PeriodPickerProps) {
  const selectSubmission = useStore((s) => s.selectSubmission);
  const selectPeriod = useStore((s) => s.selectPeriod);
  const stored = useLiveQuery(() => storedPeriods(submission.code), [submission.code]);
  const record = usePeriodRecord(submission.code, period);
  const today = todayIso();
  const options = useMemo(() => periodOptions(submission, today, stored ?? []), [submission, today, stored]);
  const current = options.find((o) => o.value === period);
  const overdue = !!current && current.due < today && record?.status !== '已审核';

  return (
    <div className="ws-pickers">
      <label className="ws-field-label" htmlFor="pick-submission-input">
        报表
      </label>
      <Select
        id="pick-submission-input"
        data-testid="pick-submission"
        style={{ width: '100%' }}
        value={submission.code}
        options={submissions.map((s) => ({ value: s.code, label: s.name }))}
        onChange={(code: string) => {
          const next = submissions.find((s) => s.code === code);
          if (next) selectSubmission(code, periodOptions(next, today)[0]!.value);
        }}
      />
      <label className="ws-field-label" htmlFor="pick-period-input">
        {submission.periodKind === 'schoolYear' ? '学年' : '月份'}
      </label>
      <Select
        id="pick-period-input"
        data-testid="pick-period"
        style={{ width: '100%' }}
        value={period}
        options={options.map((o) => ({ value: o.value, label: o.label }))}
        onChange={(p: string) => selectPeriod(p)}
      />
      {current && (
        <div className={overdue ? 'ws-due overdue' : 'ws-due'} data-testid="period-due">
          截止 {current.due}
          {record?.status === '已审核' ? '　已审核' : overdue ? '　已逾期' : ''}
        </div>
      )}
    </div>
  );
}
