// 从上一期复制…: opens the copy-forward prompt for the current period on demand (it also opens
// by itself when an empty period is picked). Shown only where the pack carries something over
// for this submission (班级名册, 隐患, 从业人员 …).
import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { Pack } from '../../../shared/pack/schema';
import { findSubmission } from '../../../shared/pack/applicability';
import { CopyForwardPrompt } from './copy-forward-prompt';

/** Whether any sheet of the submission (or a list inside one) is copied or carried forward. */
export function definesCopyForward(pack: Pack, submission: string): boolean {
  const sub = findSubmission(pack, submission);
  const carries = (id: string): boolean => {
    const s = pack.sheets[id] as { copyForward?: unknown; carryOver?: unknown; parts?: { id: string }[] } | undefined;
    return !!s && (!!s.copyForward || !!s.carryOver || (s.parts ?? []).some((p) => carries(p.id)));
  };
  return !!sub && sub.sheets.some(carries);
}

export interface CopyForwardEntryProps {
  pack: Pack;
  schoolType: string;
  submission: string;
  period: string;
}

export function CopyForwardEntry({ pack, schoolType, submission, period }: CopyForwardEntryProps) {
  const [open, setOpen] = useState(false);
  const sub = useMemo(() => findSubmission(pack, submission), [pack, submission]);
  if (!sub || !definesCopyForward(pack, submission)) return null;
  return (
    <>
      <Button icon={<CopyOutlined />} onClick={() => setOpen(true)} data-testid="copy-forward-open">
        从上一期复制…
      </Button>
      {open && <CopyForwardPrompt pack={pack} schoolType={schoolType} submission={sub} period={period} onClose={() => setOpen(false)} />}
    </>
  );
}
