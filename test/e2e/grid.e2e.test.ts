// The ledger grid in Chromium with the real clipboard: a 10 × 200 block pasted into 班级名册
// lands as 200 rows, Ctrl+Z takes the paste back, Ctrl+Y redoes it, and it survives a reload;
// with thousands of rows only a window of them is in the DOM; a range copies as Excel text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
let app: AppSession;
const tid = (id: string) => app.tid(id);
const count = async () => Number(/共 (\d+) 行/.exec((await app.page.locator('.ledger-toolbar .count').first().textContent()) ?? '')?.[1]);
const domRows = () => app.page.locator('[data-testid="ledger-classList"] tbody tr:not(.ledger-spacer)').count();

function block(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = GRADES[i % 6]!;
    lines.push(['小学', g, `${g}（${Math.floor(i / 6) + 1}）班`, 40 + (i % 9), 20, 1, 0, 0, 0, 0].join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

async function pasteAt(testId: string, text: string) {
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await tid(testId).focus();
  await app.page.keyboard.press('Control+V');
}

beforeAll(async () => {
  app = await openApp(TODAY);
  await app.env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await app?.close();
});

describe('ledger grid in Chromium', () => {
  let demoRows = 0;
  let firstName = '';

  it('opens 班级名册 of the demo 小学', async () => {
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
    await tid('sheet-nav-classList').click();
    await expect.poll(count).toBeGreaterThan(0);
    demoRows = await count();
    firstName = await tid('cell-classList-0-className').inputValue();
  });

  it('pastes 10 × 200 from the clipboard, undoes with Ctrl+Z, redoes with Ctrl+Y, keeps it over a reload', async () => {
    await pasteAt('cell-classList-0-stage', block(200));
    await expect.poll(count, { timeout: 15_000 }).toBe(200);
    expect(await tid('cell-classList-0-className').inputValue()).toBe('一年级（1）班');
    expect(await domRows()).toBeLessThan(120);

    await tid('cell-classList-0-students').focus();
    await app.page.keyboard.press('Control+Z');
    await expect.poll(count, { timeout: 10_000 }).toBe(demoRows);
    await expect.poll(() => tid('cell-classList-0-className').inputValue()).toBe(firstName);

    await tid('cell-classList-0-students').focus();
    await app.page.keyboard.press('Control+Y');
    await expect.poll(count, { timeout: 10_000 }).toBe(200);
    await expect.poll(() => tid('save-status').textContent(), { timeout: 10_000 }).toContain('已保存');

    await app.page.reload();
    await tid('sheet-nav-classList').click();
    await expect.poll(count, { timeout: 15_000 }).toBe(200);
    expect(await tid('cell-classList-199-className').count()).toBe(0); // far rows are not rendered
  });

  it('with 3,000 rows keeps the DOM small, and a range copies as tab-separated text', async () => {
    await pasteAt('cell-classList-0-stage', block(3000));
    await expect.poll(count, { timeout: 30_000 }).toBe(3000);
    expect(await domRows()).toBeLessThan(120);

    await tid('cell-classList-0-className').focus();
    await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.keyboard.press('Shift+ArrowDown');
    await app.page.keyboard.press('Control+C');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('一年级（1）班\t40\r\n二年级（1）班\t41\r\n');

    await app.page.keyboard.press('Control+End');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cell-classList-2999-remark');
    expect(await domRows()).toBeLessThan(120);
    expect(app.pageErrors).toEqual([]);
  });
});
