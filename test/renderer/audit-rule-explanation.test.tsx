// The 审核 panel's rule-level 说明: one text for every warning of a rule ("为本规则的全部 N 条写一条
// 说明"), stored as `rule:{ruleId}` in the period's explanations, covers each of those warnings for
// 审核通过 while any other warning still needs its own.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuditPanel } from '../../renderer/features/audit/audit-panel';
import { getPeriod } from '../../renderer/features/workspace/periods-repo';
import { db } from '../../renderer/db/db';
import { runAudit } from '../../shared/audit/run';
import { findSubmission, sheetsFor } from '../../shared/pack/applicability';
import type { PeriodData } from '../../shared/model/data';
import { selfCheckDone } from '../fixtures/spaq-ledgers';
import { leaderCompanion, mealSample } from '../fixtures/spaq-meals';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

vi.mock('../../renderer/platform', () => ({ platform: { kind: 'web', saveFile: async () => ({ saved: true }) } }));
beforeEach(resetAll);

const REF = { submission: 'SPAQ', period: '2025-10' };
const DAYS = ['2025-10-09', '2025-10-10', '2025-10-13', '2025-10-14'];
/** four meal days with 留样 and 晨检, a 负责人 陪餐 only on the first: 3 × SPAQ-PC-W01 and 1 × SPAQ-ZC-W03 */
const month: PeriodData = {
  ...REF, status: '草稿', version: 0,
  sheets: {
    sampleLog: { rows: DAYS.map((d, i) => mealSample(`ly${i}`, d, '午餐')) },
    mealCompanion: { rows: [leaderCompanion('pc0', DAYS[0]!, '午餐')] },
    foodStaff: { rows: [{ id: 's0', name: '赵敏', post: '厨师', certNo: '510626202512345', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是' }] },
    morningCheck: { rows: DAYS.map((date, i) => ({ id: `m${i}`, date, expected: 6, checked: 6, abnormal: 0, checker: '赵敏' })) },
    purchaseCheck: { rows: [{ id: 'j0', date: DAYS[0]!, name: '大米', spec: '25kg/袋', quantity: 6, unit: '袋', batch: '2025-09-20', shelfLife: '12个月', supplier: '粮油公司', supplierContact: '0838-6212345', tickets: '是', inspector: '赵敏' }] },
    selfCheck: { rows: selfCheckDone() },
  },
};

describe('AuditPanel: one 说明 for all warnings of a rule', { timeout: 30_000 }, () => {
  it('covers the rule’s 3 warnings, leaves the other one to its own 说明, then allows 审核通过', async () => {
    const pack = luojiang();
    const findings = runAudit({ pack, school: SCHOOL, data: month });
    expect(findings.map((f) => f.ruleId)).toEqual(['SPAQ-PC-W01', 'SPAQ-PC-W01', 'SPAQ-PC-W01', 'SPAQ-ZC-W03']);
    const sheets = sheetsFor(pack, findSubmission(pack, 'SPAQ')!, SCHOOL.type);
    renderApp(<AuditPanel open onClose={() => {}} submission="SPAQ" period="2025-10" periodText="2025年10月" sheets={sheets} findings={findings} />);
    const u = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

    expect(((await screen.findByTestId('audit-approve')) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('还有 4 条经验校验未填写说明')).toBeTruthy();
    const box = screen.getByTestId('rule-explain-SPAQ-PC-W01');
    expect(box.textContent).toContain('为本规则的全部 3 条写一条说明');
    // a rule with a single warning has only its own 说明 box
    expect(screen.queryByTestId('rule-explain-SPAQ-ZC-W03')).toBeNull();

    await u.click(screen.getByTestId('explain-rule-SPAQ-PC-W01'));
    await u.paste('本月第二周起校领导外出培训，陪餐由年级组长代行');
    await u.tab();
    await waitFor(async () => expect((await getPeriod(REF))?.explanations).toEqual({ 'rule:SPAQ-PC-W01': '本月第二周起校领导外出培训，陪餐由年级组长代行' }));
    // the trail files it under the rule's sheet
    expect(await db.changes.orderBy('id').last()).toMatchObject({ action: 'explain', sheetId: 'sampleLog', field: 'rule:SPAQ-PC-W01', new: '本月第二周起校领导外出培训，陪餐由年级组长代行' });
    // each of the three shows the rule's text; the fourth warning still needs its own
    for (const f of findings.slice(0, 3)) expect((await screen.findByTestId(`covered-${f.key}`)).textContent).toContain('年级组长代行');
    expect(await screen.findByText('还有 1 条经验校验未填写说明')).toBeTruthy();
    expect((screen.getByTestId('audit-approve') as HTMLButtonElement).disabled).toBe(true);

    await u.click(screen.getByTestId('explain-SPAQ-ZC-W03'));
    await u.paste('同上，自查时按年级组长陪餐记为“是”');
    await u.tab();
    await waitFor(() => expect((screen.getByTestId('audit-approve') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByText('可以审核通过')).toBeTruthy();
  });

  it('a finding’s own 说明 stands beside the rule’s: it is no longer shown as covered', async () => {
    const pack = luojiang();
    const findings = runAudit({ pack, school: SCHOOL, data: month });
    const sheets = sheetsFor(pack, findSubmission(pack, 'SPAQ')!, SCHOOL.type);
    renderApp(<AuditPanel open onClose={() => {}} submission="SPAQ" period="2025-10" periodText="2025年10月" sheets={sheets} findings={findings} />);
    const u = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await u.click(await screen.findByTestId('explain-rule-SPAQ-PC-W01'));
    await u.paste('家长开放周');
    await u.tab();
    await screen.findByTestId(`covered-${findings[1]!.key}`);
    const own = screen.getAllByTestId('explain-SPAQ-PC-W01')[1]!;
    await u.click(own);
    await u.paste('当日校领导在食堂值班，漏记');
    await u.tab();
    await waitFor(async () => expect((await getPeriod(REF))?.explanations?.[findings[1]!.key]).toBe('当日校领导在食堂值班，漏记'));
    await waitFor(() => expect(screen.queryByTestId(`covered-${findings[1]!.key}`)).toBeNull());
    expect(screen.getByTestId(`covered-${findings[0]!.key}`)).toBeTruthy();
  });
});
