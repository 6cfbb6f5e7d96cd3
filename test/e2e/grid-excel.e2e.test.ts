// The grid behaving like Excel, in Chromium (issue 11 item 8): a paste with bad cells written
// whole; 序号, the name column and the header stay put when the pane scrolls either way; a
// Shift+click range fills down with Ctrl+D; quick ↓ presses (no delay) move exactly N rows or
// N options; a jump from 审核 leaves the keyboard in the cell — a far (virtualised) row, a 基表
// cell and an indicator value; the units of 办学条件 are in view, not under the 代码 column.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useDemoSession } from './demo-session';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
/** the pasted row whose 女 exceeds its 学生数 (0-based) */
const BAD = 250;
const session = useDemoSession(TODAY);
const tid = (id: string) => session.tid(id);
const page = () => session.app.page;
const active = () => page().evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
};

function block(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = GRADES[i % 6]!;
    lines.push(['小学', g, `${g}（${Math.floor(i / 6) + 1}）班`, 40, i === BAD ? 50 : 20, 1, 0, 0, 0, 0].join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Clicks a finding of the 审核 and waits until the drawer is gone (it hands the focus back on closing). */
async function jump(ruleId: string, text: string) {
  await tid('audit-open').click();
  await page().locator(`[data-testid="finding-${ruleId}"]`).filter({ hasText: text }).first().click();
  await expect.poll(() => page().locator('.ant-drawer-content-wrapper:visible').count(), { timeout: 10_000 }).toBe(0);
}

describe('the grid like Excel, in Chromium', () => {
  it('pastes a block with a bad cell whole (全部粘贴), the bad cell marked red', async () => {
    await session.app.env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await session.loadDemo();
    await tid('sheet-nav-classList').click();
    await page().evaluate((t) => navigator.clipboard.writeText(t), block(300));
    await tid('cell-classList-0-stage').focus();
    await page().keyboard.press('Control+V');
    await tid('paste-accept-all').click();
    await expect.poll(() => page().locator('.ledger-toolbar .count').first().textContent(), { timeout: 20_000 }).toContain('共 300 行');
    await tid('cell-classList-0-stage').focus();
    // Ctrl+Home right after Ctrl+End, before the last row has rendered, ends at the top
    await page().keyboard.press('Control+End');
    await page().keyboard.press('Control+Home');
    await expect.poll(active, { timeout: 10_000 }).toBe('cell-classList-0-stage');
    await expect.poll(() => page().locator('.ws-content').evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeLessThan(200);
    expect(await active()).toBe('cell-classList-0-stage');
  });

  it('keeps 序号, 班级名称 and the header in view when the pane scrolls right and down', async () => {
    const pane = page().locator('.ws-content');
    const grid = tid('ledger-classList');
    const seqHead = grid.locator('thead th.seq');
    const nameHead = grid.locator('thead th').nth(4); // 序号, 操作, 学段, 年级, 班级名称
    const studentsHead = grid.locator('thead th').nth(5);
    expect(await nameHead.textContent()).toContain('班级名称');
    const name5 = tid('cell-classList-5-className');
    const before = { seq: await box(seqHead), name: await box(nameHead), students: await box(studentsHead), cell: await box(name5) };

    await pane.evaluate((el) => el.scrollBy(600, 0));
    await expect.poll(() => pane.evaluate((el) => el.scrollLeft), { timeout: 10_000 }).toBeGreaterThan(300);
    const right = { seq: await box(seqHead), name: await box(nameHead), students: await box(studentsHead), cell: await box(name5) };
    const paneLeft = (await box(pane)).x;
    expect(before.seq.x).toBeGreaterThan(paneLeft); // the sheet's padding, before scrolling
    expect(right.seq.x).toBe(paneLeft); // then stuck to the pane's edge
    await pane.evaluate((el) => el.scrollBy(200, 0));
    expect(await box(seqHead)).toEqual(right.seq);
    expect(await box(nameHead)).toEqual(right.name);
    expect(right.students.x).toBeLessThan(before.students.x - 300); // the rest scrolled
    // the name column sticks right after 序号, on the header and on the rows
    expect(right.name.x).toBeCloseTo(right.seq.x + right.seq.width, 0);
    expect(right.cell.x).toBeCloseTo(right.name.x, 0);
    // what is on top at the frozen column is the frozen cell, not a cell scrolled under it
    const topAt = (x: number, y: number) => page().evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('td,th')?.textContent ?? '', [x, y]);
    expect(await topAt(right.cell.x + 10, right.cell.y + right.cell.height / 2)).toBe('');
    expect(await name5.evaluate((el, p) => el === document.elementFromPoint(p.x, p.y) || el.contains(document.elementFromPoint(p.x, p.y)), { x: right.cell.x + 10, y: right.cell.y + right.cell.height / 2 })).toBe(true);

    await pane.evaluate((el) => el.scrollBy(0, 3000));
    await expect.poll(() => pane.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeGreaterThan(2000);
    const down = { seq: await box(seqHead), name: await box(nameHead) };
    const paneTop = (await box(pane)).y;
    expect(right.seq.y).toBeGreaterThan(paneTop + 50); // under the title and toolbar, before
    expect(down.seq.y).toBe(paneTop); // then stuck to the pane's top
    expect(down.seq.x).toBe(right.seq.x);
    expect(down.name.x).toBe(right.name.x);
    expect(down.name.y).toBe(paneTop);
    await pane.evaluate((el) => el.scrollBy(0, 1500));
    expect(await box(seqHead)).toEqual(down.seq);
    expect(await box(nameHead)).toEqual(down.name);
    // a row now in view has its 序号 and 班级名称 at the same left as the header
    const row = grid.locator('tbody tr:not(.ledger-spacer)').nth(20);
    const seqCell = await box(row.locator('td.seq'));
    const nameCell = await box(row.locator('td').nth(4));
    expect(seqCell.x).toBe(down.seq.x);
    expect(nameCell.x).toBeCloseTo(down.name.x, 0);
    expect(seqCell.y).toBeGreaterThan(down.seq.y + down.seq.height - 1); // below the header, not under it
    await pane.evaluate((el) => el.scrollTo(0, 0));
  });

  it('keeps a 基表 header (both levels) and 指标名称 in view when the form scrolls down and right', async () => {
    // a small laptop screen less the browser's bars: 4155's 24 columns and its rows both overflow
    await page().setViewportSize({ width: 1100, height: 480 });
    try {
      await tid('sheet-nav-jj4155').click();
      const pane = page().locator('.ws-content');
      const head = page().locator('.stat-grid thead').first();
      const firstHead = page().locator('.stat-grid thead th').first();
      await head.waitFor();
      const before = await box(head);
      const paneBox = await box(pane);
      expect(before.y).toBeGreaterThan(paneBox.y + 30); // under the form's title, before
      expect(await pane.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(150); // a form taller than the pane
      await pane.evaluate((el) => el.scrollBy(400, 150));
      await expect.poll(() => pane.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeGreaterThan(100);
      const down = await box(head);
      expect(down.y).toBe(paneBox.y); // stuck to the pane's top
      expect(down.height).toBeCloseTo(before.height, 0); // every header row, not only the first
      // what is drawn at the header's place is the header, not a data row scrolled under it
      const onTop = await page().evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('thead') != null, [paneBox.x + 300, down.y + 5]);
      expect(onTop).toBe(true);
      expect(await pane.evaluate((el) => el.scrollLeft)).toBeGreaterThan(50);
      expect((await box(firstHead)).x).toBe(paneBox.x); // 指标名称's header stuck to the left edge too
      await pane.evaluate((el) => el.scrollTo(0, 0));
    } finally {
      await page().setViewportSize({ width: 1440, height: 900 });
      await tid('sheet-nav-classList').click();
    }
  });

  it('a Shift+click range fills down with Ctrl+D', async () => {
    await tid('cell-classList-0-className').click();
    await tid('cell-classList-2-students').click({ modifiers: ['Shift'] });
    await expect.poll(() => tid('cell-classList-1-className').evaluate((el) => el.closest('td')!.className), { timeout: 10_000 }).toContain('in-range');
    await page().keyboard.press('Control+D');
    await expect.poll(() => tid('cell-classList-2-className').inputValue(), { timeout: 10_000 }).toBe('一年级（1）班');
    expect(await tid('cell-classList-1-className').inputValue()).toBe('一年级（1）班');
    expect(await tid('cell-classList-1-grade').inputValue()).toBe('二年级'); // outside the range
    await page().keyboard.press('Control+Z');
    await expect.poll(() => tid('cell-classList-2-className').inputValue(), { timeout: 10_000 }).toBe('三年级（1）班');
  });

  it('quick ↓ presses move exactly N options in a dropdown and N rows in a column', async () => {
    const grade = tid('cell-classList-0-grade');
    await grade.focus();
    expect(await grade.inputValue()).toBe('一年级');
    for (let i = 0; i < 4; i++) await page().keyboard.press('ArrowDown');
    expect(await grade.inputValue()).toBe('五年级');
    await expect.poll(() => tid('save-status').textContent(), { timeout: 10_000 }).toContain('已保存');
    expect(await grade.inputValue()).toBe('五年级');

    await tid('cell-classList-0-students').focus();
    for (let i = 0; i < 60; i++) await page().keyboard.press('ArrowDown');
    await expect.poll(active, { timeout: 10_000 }).toBe('cell-classList-60-students');
    for (let i = 0; i < 45; i++) await page().keyboard.press('ArrowUp');
    await expect.poll(active, { timeout: 10_000 }).toBe('cell-classList-15-students');
  });

  it('a jump from 审核 to a far row leaves the keyboard in that cell', async () => {
    await page().locator('.ws-content').evaluate((el) => el.scrollTo(0, 0));
    expect(await tid(`cell-classList-${BAD}-female`).count()).toBe(0); // not rendered
    await jump('XNC-BJMC-02', `第${BAD + 1}行`);
    await expect.poll(active, { timeout: 10_000 }).toBe(`cell-classList-${BAD}-female`);
    // pasted whole in the first test: the bad cell kept its value and is marked
    expect(await tid(`cell-classList-${BAD}-female`).inputValue()).toBe('50');
    expect(await tid(`cell-classList-${BAD}-female`).evaluate((el) => el.closest('td')!.className)).toContain('cell-error');
    await page().keyboard.type('30');
    await expect.poll(() => tid(`cell-classList-${BAD}-female`).inputValue(), { timeout: 10_000 }).toBe('30');
    await page().keyboard.press('Enter');
    await expect.poll(active, { timeout: 10_000 }).toBe(`cell-classList-${BAD + 1}-female`);
  });

  it('a jump to a 基表 cell and to an indicator value leaves the keyboard there', async () => {
    await tid('sheet-nav-disabledStudents').click();
    await tid('stat-disabledStudents-02-total').fill('5');
    await page().keyboard.press('Tab');
    await jump('XNC-CJXS-01', '');
    await expect.poll(active, { timeout: 10_000 }).toMatch(/^stat-disabledStudents-01-/);
    const at = await active();
    expect(await page().evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page().keyboard.type('5');
    await expect.poll(() => tid(at!).inputValue(), { timeout: 10_000 }).toBe('5');

    await tid('sheet-nav-studentDev').click();
    await tid('ind-studentDev-01').fill('10');
    await tid('ind-studentDev-02').fill('20');
    await page().keyboard.press('Tab');
    await tid('sheet-nav-classList').click();
    await jump('XNC-XSFZ-01', '');
    await expect.poll(active, { timeout: 10_000 }).toBe('ind-studentDev-02');
    await page().keyboard.type('8');
    await page().keyboard.press('Tab');
    await expect.poll(() => tid('ind-studentDev-02').inputValue(), { timeout: 10_000 }).toBe('8');
  });

  it('shows the units of 办学条件 in their own column, clear of the 代码 column', async () => {
    await tid('sheet-nav-conditions').click();
    for (const [code, unit] of [['01', '㎡'], ['03', '万元'], ['04', '间'], ['05', '册'], ['06', '台']] as const) {
      const u = tid(`ind-unit-conditions-${code}`);
      expect(await u.textContent()).toBe(unit);
      const ub = await box(u);
      const cb = await box(u.locator('xpath=preceding-sibling::td[1]'));
      expect(cb.x + cb.width).toBeLessThanOrEqual(ub.x + 1); // 代码 ends where 单位 starts
      // the unit is what is drawn there, not a sticky cell over it
      expect(await u.evaluate((el, p) => document.elementFromPoint(p.x, p.y) === el, { x: ub.x + ub.width / 2, y: ub.y + ub.height / 2 })).toBe(true);
    }
    // a section without a 单位 column says the unit after the label, unless the label has it
    const labels = await tid('indicator-conditions-1').locator('td.label').allTextContents();
    expect(labels).toContain('每百名学生拥有县级以上骨干教师数（人）');
    expect(labels).toContain('生均教学仪器设备值(元)');
    expect(session.app.pageErrors).toEqual([]);
  });
});
