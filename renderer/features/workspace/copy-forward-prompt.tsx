// Offered when the user opens an empty period whose previous period holds data: a preview of what
// would be copied forward — per sheet how many rows, and for 班级名册 which grade becomes which —
// and nothing is written unless the user confirms. 不结转 leaves the period empty; the offer comes
// back only when the period is picked again.
import { useEffect, useState } from 'react';
import { App, Button, Modal, Typography } from 'antd';
import type { Pack, Submission } from '../../../shared/pack/schema';
import type { CopyPlan, SheetCopy } from '../../../shared/model/copy-forward';
import { periodLabel } from '../../../shared/model/period';
import { applyCopyForward, previewCopyForward } from './copy-forward-repo';

export interface CopyForwardPromptProps {
  pack: Pack;
  schoolType: string;
  submission: Submission;
  period: string;
  /** opened from the toolbar (从上一期复制…): says why when there is nothing to copy, and reports closing */
  onClose?: () => void;
}

function SheetLine({ s }: { s: SheetCopy }) {
  const rows = s.rows?.length ?? 0;
  const cells = Object.keys(s.cells ?? {}).length;
  const what = s.cells ? `${cells} 项填报值` : `${rows} 行`;
  const left =
    s.how === 'carry' ? `上期未销号的结转过来，已销号的 ${s.dropped} 行不结转` : s.dropped ? `${s.dropped} 行毕业，不结转` : '';
  return (
    <li data-testid={`copy-forward-sheet-${s.sheetId}`}>
      <b>{s.title}</b>：{what}
      {left && `（${left}）`}
      {s.grades && (
        <ul className="copy-forward-grades">
          {s.grades.map((g) => (
            <li key={`${g.stage ?? ''}|${g.from}`}>
              {g.stage && g.stage !== '学前' ? `${g.stage} ` : ''}
              {g.from} → {g.to ?? '毕业（不结转）'}：{g.rows} 个班
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function CopyForwardPrompt({ pack, schoolType, submission, period, onClose }: CopyForwardPromptProps) {
  const { message } = App.useApp();
  const [plan, setPlan] = useState<CopyPlan>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setPlan(undefined);
    previewCopyForward(pack, schoolType, { submission: submission.code, period })
      .then((p) => {
        if (!live) return;
        setPlan(p);
        if (!p && onClose) {
          message.info('本期已有数据，或上期没有可结转的内容：从上一期复制只用于还没有数据的期间。');
          onClose();
        }
      })
      .catch((e: unknown) => console.error('结转预览失败', e));
    return () => {
      live = false;
    };
    // onClose/message are the caller's: a new one does not mean a new preview
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pack, schoolType, submission.code, period]);

  if (!plan) return null;
  const kind = submission.periodKind;
  const confirm = async () => {
    setBusy(true);
    try {
      const n = await applyCopyForward(plan);
      if (n) message.success(`已从${periodLabel(kind, plan.from)}结转 ${n} 项到${periodLabel(kind, plan.to)}`);
      else message.info(`${periodLabel(kind, plan.to)}已有数据，未结转`);
      setPlan(undefined);
      onClose?.();
    } catch (e) {
      message.error(`结转失败，未写入任何数据：${(e as Error)?.message ?? String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="从上期结转"
      closable={false}
      maskClosable={false}
      footer={[
        <Button key="cancel" data-testid="copy-forward-cancel" disabled={busy} onClick={() => (setPlan(undefined), onClose?.())}>
          不结转
        </Button>,
        <Button key="ok" type="primary" data-testid="copy-forward-confirm" loading={busy} onClick={() => void confirm()}>
          结转
        </Button>,
      ]}
    >
      <div data-testid="copy-forward-preview">
        <Typography.Paragraph>
          {periodLabel(kind, plan.to)}还没有数据。是否从{periodLabel(kind, plan.from)}结转以下内容？结转后仍可逐行修改、删除。
        </Typography.Paragraph>
        <ul>
          {plan.sheets.map((s) => (
            <SheetLine key={s.sheetId} s={s} />
          ))}
        </ul>
      </div>
    </Modal>
  );
}
