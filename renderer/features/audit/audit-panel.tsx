// 审核: every finding of the current period, grouped by sheet. A click jumps to the cell;
// warnings take a written 说明; with no errors and every warning explained the period can
// be 审核通过, which freezes a numbered version for the bureau.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Space, Tag } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import type { Finding } from '../../../shared/audit/types';
import type { Sheet } from '../../../shared/pack/schema';
import { approvePeriod, reopenPeriod, setExplanation } from '../workspace/periods-repo';
import { usePeriodRecord } from '../workspace/use-period-record';
import { todayIso } from '../workspace/periods';
import { trackSave, useStore } from '../../state/store';
import { FindingItem } from './finding-item';
import { RuleExplanation } from './rule-explanation';
import { ruleExplanationKey, unexplainedWarnings, warningsByRule } from '../../../shared/audit/explanations';
import { ReopenDialog } from '../workspace/reopen-dialog';
import './audit.css';

export interface AuditPanelProps {
  open: boolean;
  onClose: () => void;
  submission: string;
  period: string;
  periodText: string;
  sheets: Sheet[];
  findings: readonly Finding[];
  auditError?: string;
}

export function AuditPanel({ open, onClose, submission, period, periodText, sheets, findings, auditError }: AuditPanelProps) {
  const { message } = App.useApp();
  const focusCell = useStore((s) => s.focusCell);
  const record = usePeriodRecord(submission, period);
  const ref = { submission, period };
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  // each warning needs its own 说明 or its rule's (one 说明 for all findings of a rule)
  const unexplained = unexplainedWarnings(warnings, record?.explanations);
  const byRule = warningsByRule(warnings);
  const canApprove = !auditError && errors.length === 0 && unexplained.length === 0;
  const approved = record?.status === '已审核';
  const [reopening, setReopening] = useState(false);
  // closed by a jump to a cell: the keyboard stays in that cell. Closed otherwise (Esc, ×) the
  // drawer gives the focus back to the 审核 button as usual.
  const [jumped, setJumped] = useState(false);
  useEffect(() => {
    if (open) setJumped(false);
  }, [open]);

  const open1 = (f: Finding) => {
    setJumped(true);
    focusCell({
      sheetId: f.sheetId,
      partId: f.partId,
      rowIndex: f.row?.kind === 'ledger' ? f.row.index : undefined,
      code: f.row?.kind === 'stat' ? f.row.code : undefined,
      colKey: f.colKey,
    });
    onClose();
  };
  const explain = (f: Finding, text: string) => void trackSave(setExplanation(ref, f.key, text));
  const explainRule = (sheetId: string) => (ruleId: string, text: string) =>
    void trackSave(setExplanation(ref, ruleExplanationKey(ruleId), text, sheetId));
  const reopen = async (reason: string) => {
    await trackSave(reopenPeriod(ref, reason));
    setReopening(false);
    message.info(`已取消审核：${periodText} 回到草稿，可以修改。`);
  };
  const approve = async () => {
    const next = await trackSave(approvePeriod(ref, todayIso()));
    if (next) message.success(`审核通过：${periodText} 第 ${next.version} 版，可以导出上报了。`);
  };

  const groups = sheets
    .map((s) => ({ sheet: s, items: findings.filter((f) => f.sheetId === s.id) }))
    .filter((g) => g.items.length);

  const blocker = auditError
    ? '审核程序出错，不能审核通过'
    : errors.length
      ? `还有 ${errors.length} 条逻辑校验错误，改正后才能审核通过`
      : unexplained.length
        ? `还有 ${unexplained.length} 条经验校验未填写说明`
        : undefined;

  return (
    <Drawer
      title={`审核：${periodText}`}
      open={open}
      onClose={onClose}
      size={560}
      focusable={{ focusTriggerAfterClose: !jumped }}
      data-testid="audit-panel"
      footer={
        <div className="audit-footer">
          <span className="audit-footer-state">
            {approved ? `已审核通过（第 ${record!.version} 版，报出日期 ${record!.reportDate ?? ''}）` : (blocker ?? '可以审核通过')}
          </span>
          {approved ? (
            <Button onClick={() => setReopening(true)} data-testid="audit-reopen">
              取消审核
            </Button>
          ) : (
            <Button type="primary" icon={<CheckCircleOutlined />} disabled={!canApprove} onClick={approve} data-testid="audit-approve">
              审核通过
            </Button>
          )}
        </div>
      }
    >
      <ReopenDialog open={reopening} periodText={periodText} version={record?.version ?? 0} onCancel={() => setReopening(false)} onConfirm={reopen} />
      {auditError && <Alert type="error" showIcon title={auditError} style={{ marginBottom: 12 }} />}
      <Space className="audit-summary" data-testid="audit-summary">
        <Tag color={errors.length ? 'red' : 'green'}>逻辑校验 {errors.length} 条</Tag>
        <Tag color={warnings.length ? 'orange' : 'green'}>经验校验 {warnings.length} 条</Tag>
      </Space>
      <p className="audit-help">
        逻辑校验是必须改正的错误；经验校验是少见的情况，核实无误后填写说明即可。点击一条可定位到对应单元格。
      </p>
      {groups.length === 0 && !auditError && <Empty description="没有发现问题" />}
      {groups.map(({ sheet, items }) => (
        <section key={sheet.id} className="audit-group">
          <h4>
            {sheet.title}
            <span className="audit-group-count">{items.length} 条</span>
          </h4>
          <ul>
            {items.map((f, i) => {
              const all = f.severity === 'warning' ? (byRule.get(f.ruleId) ?? []) : [];
              // the rule's 说明 box stands before its first warning, when the rule has several
              const first = all.length > 1 && items.findIndex((x) => x.ruleId === f.ruleId && x.severity === 'warning') === i;
              return [
                first && (
                  <RuleExplanation key={`rule:${f.ruleId}`} ruleId={f.ruleId} count={all.length}
                    explanation={record?.explanations[ruleExplanationKey(f.ruleId)]} onExplain={explainRule(f.sheetId)} readOnly={approved} />
                ),
                <FindingItem key={f.key} finding={f} explanation={record?.explanations[f.key]}
                  ruleExplanation={record?.explanations[ruleExplanationKey(f.ruleId)]} onOpen={open1} onExplain={explain} readOnly={approved} />,
              ];
            })}
          </ul>
        </section>
      ))}
    </Drawer>
  );
}
