// The SPAQ ledgers in the app: 从业人员健康管理 shows its two lists under their block headings, each
// its own grid stored under its own id; a finding of the 晨检 block jumps to its cell; the 自查表's
// 21 items are there from the first showing, with 检查项目 and 检查内容 read-only.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerGroupSheet, LedgerSheet } from '../../shared/pack/schema';
import type { Finding } from '../../shared/audit/types';
import { SheetContent } from '../../renderer/features/workspace/sheet-content';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { Workspace } from '../../renderer/features/workspace/workspace';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { useStore } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const MONTH = '2025-10';
const at = (sheetId: string) => ({ submission: 'SPAQ', period: MONTH, sheetId });
const cook = { name: '赵敏', post: '厨师', certNo: '510626202512345', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是' };
const check = { date: '2025-10-09', expected: 6, checked: 7, abnormal: 0, checker: '赵敏' };

beforeEach(resetAll);

function renderGroup(findings: Finding[] = []) {
  const pack = luojiang();
  const spaq = pack.submissions.find((s) => s.code === 'SPAQ')!;
  renderApp(
    <SheetContent pack={pack} school={SCHOOL} submission={spaq} period={MONTH} periodText="2025年10月"
      sheet={pack.sheets.foodHealth as LedgerGroupSheet} findings={findings} onEditSchool={() => undefined} />,
  );
}

describe('从业人员健康管理', { timeout: 30_000 }, () => {
  it('shows both blocks under their headings, each list with its own rows', async () => {
    await addRow(at('foodStaff'), cook);
    await addRow(at('foodStaff'), { ...cook, name: '钱伟', post: '帮厨' });
    await addRow(at('morningCheck'), check);
    renderGroup();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('从业人员健康管理');
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['一、从业人员名单', '二、晨检记录']);
    const staff = await screen.findByTestId('ledger-foodStaff');
    expect(within(staff).getAllByRole('columnheader').map((h) => h.textContent?.replace(/ \*|如 .*/g, '')))
      .toEqual(['序号', '操作', '姓名', '岗位', '健康证明编号', '发证日期', '有效期至', '食品安全培训']);
    expect(((await screen.findByTestId('cell-foodStaff-1-name')) as HTMLInputElement).value).toBe('钱伟');
    const checks = screen.getByTestId('ledger-morningCheck');
    expect(within(checks).getAllByRole('columnheader').map((h) => h.textContent?.replace(/ \*|如 .*/g, '')))
      .toEqual(['序号', '操作', '日期', '应检人数', '实检人数', '异常人数', '异常情况', '处理措施', '检查人']);
    // each list reads its own rows: the second may arrive a render after the first
    expect(((await screen.findByTestId('cell-morningCheck-0-checked')) as HTMLInputElement).value).toBe('7');
  });

  it('新增一行 of the 晨检 block adds a 晨检 row, and what is typed is stored under 晨检', async () => {
    const user = userEvent.setup({ delay: null });
    await addRow(at('foodStaff'), cook);
    renderGroup();
    await user.click(await screen.findByTestId('ledger-add-row-morningCheck'));
    await user.type(await screen.findByTestId('cell-morningCheck-0-expected'), '6');
    await waitFor(async () => expect((await listRows(at('morningCheck'))).map((r) => r.values)).toEqual([{ expected: 6 }]));
    expect(await listRows(at('foodStaff'))).toHaveLength(1);
  });

  it('a 晨检 finding marks the 晨检 cell, not the 名单’s', async () => {
    const id = await addRow(at('morningCheck'), check);
    await addRow(at('foodStaff'), cook);
    const f: Finding = {
      key: `SPAQ-JKCJ-02|morningCheck|${id}|checked`, ruleId: 'SPAQ-JKCJ-02', severity: 'error', sheetId: 'foodHealth', partId: 'morningCheck',
      sheetTitle: '从业人员健康管理', row: { kind: 'ledger', index: 0, id }, colKey: 'checked', cell: 'D9',
      message: '从业人员健康管理 晨检记录 第1行「实检人数」(D9)：实检人数不得大于应检人数（7 > 6）',
    };
    renderGroup([f]);
    const td = (await screen.findByTestId('cell-morningCheck-0-checked')).closest('td')!;
    expect(td.className).toContain('cell-error');
    expect(td.getAttribute('title')).toBe(f.message);
    expect((await screen.findByTestId('cell-foodStaff-0-name')).closest('td')!.className).not.toContain('cell-error');
  });

  it('from the audit panel, a 晨检 finding opens 从业人员健康管理 and focuses its cell', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await addRow(at('morningCheck'), check);
    useStore.getState().selectSubmission('SPAQ', MONTH);
    renderApp(<Workspace pack={luojiang()} school={SCHOOL} onEditSchool={() => undefined} />);
    await user.click(await screen.findByTestId('audit-open'));
    await user.click(await screen.findByTestId('finding-SPAQ-JKCJ-02'));
    const cell = await screen.findByTestId('cell-morningCheck-0-checked');
    await waitFor(() => expect(document.activeElement).toBe(cell));
    expect(useStore.getState().sheetId).toBe('foodHealth');
  });
});

describe('食品安全自查表', { timeout: 30_000 }, () => {
  function renderSelfCheck() {
    const pack = luojiang();
    renderApp(<LedgerSheetView pack={pack} school={SCHOOL} submission="SPAQ" period={MONTH} periodText="2025年10月" sheet={pack.sheets.selfCheck as LedgerSheet} />);
  }

  it('its 21 items are stored at the first showing, 检查项目 and 检查内容 read-only, no row added or removed', async () => {
    renderSelfCheck();
    await waitFor(async () => expect(await listRows(at('selfCheck'))).toHaveLength(21));
    const rows = await listRows(at('selfCheck'));
    expect(rows[0]!.values).toEqual({ item: '许可和公示', content: '许可证合法有效' });
    expect(rows[20]!.values).toEqual({ item: '明厨亮灶', content: '视频监控正常' });
    const content = (await screen.findByTestId('cell-selfCheck-11-content')) as HTMLInputElement;
    expect(content.value).toBe('无禁用原料(四季豆、鲜黄花菜、野生蘑菇、发芽土豆等)');
    expect(content.readOnly).toBe(true);
    expect((screen.getByTestId('cell-selfCheck-11-item') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByTestId('cell-selfCheck-11-problem') as HTMLInputElement).readOnly).toBe(false);
    expect(screen.queryByTestId('ledger-add-row')).toBeNull();
    expect(screen.queryByTestId('ledger-insert-row-0')).toBeNull();
    expect(screen.queryByTestId('ledger-delete-row-0')).toBeNull();
  });

  it('typing into a fixed cell changes nothing; 结果 and 问题描述 are stored', async () => {
    const user = userEvent.setup({ delay: null });
    renderSelfCheck();
    const item = (await screen.findByTestId('cell-selfCheck-9-content')) as HTMLInputElement;
    await user.type(item, '改');
    expect(item.value).toBe('防蝇防鼠设施');
    await user.selectOptions(screen.getByTestId('cell-selfCheck-9-result'), '否');
    await user.type(screen.getByTestId('cell-selfCheck-9-problem'), '挡鼠板松脱');
    await waitFor(async () =>
      expect((await listRows(at('selfCheck')))[9]!.values).toEqual({ item: '环境卫生', content: '防蝇防鼠设施', result: '否', problem: '挡鼠板松脱' }),
    );
  });

  it('a paste fills only the school’s columns and stops at the 21st item', async () => {
    renderSelfCheck();
    const start = await screen.findByTestId('cell-selfCheck-19-result');
    fireEvent.paste(start, { clipboardData: { getData: () => '是\t\r\n否\t未配备\r\n是\t\r\n' } });
    await waitFor(async () => expect((await listRows(at('selfCheck'))).map((r) => r.values.result ?? '')).toEqual([...Array(19).fill(''), '是', '否']));
    const rows = await listRows(at('selfCheck'));
    expect(rows).toHaveLength(21);
    expect(rows[20]!.values).toEqual({ item: '明厨亮灶', content: '视频监控正常', result: '否', problem: '未配备' });
  });
});
