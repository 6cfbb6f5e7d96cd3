// A 人事 staff list imported in Chromium as a new user would: the export's own wordings (大学本科,
// 大专, 一级教师, 未评, 在编, 编外, 汉) are read through the pack's synonyms, the three values no
// synonym knows go through one 对应 step, the list then has 0 errors and is imported; after a
// reload a similar file (a GBK CSV) needs no 对应 step — the answers were remembered; a paste
// goes through the same answers, and one given in the paste dialog is remembered too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';
import { csvText, gbk, workbookBytes } from '../fixtures/import/make-files';
import { staffExportRows } from '../fixtures/import/staff-export';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;
const tid = (id: string) => app.tid(id);

beforeAll(async () => {
  app = await openApp(TODAY);
});
afterAll(async () => {
  await app?.close();
});

async function rowCount(): Promise<number> {
  await tid('ledger-staffList').waitFor();
  const count = app.page.locator('.ledger-toolbar .count').filter({ hasText: /共 \d+ 行/ }).first();
  await count.waitFor();
  return Number(/共 (\d+) 行/.exec((await count.textContent()) ?? '')![1]);
}

async function pick(name: string, bytes: Uint8Array) {
  await tid('ledger-import-staffList').click();
  await tid('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await tid('import-summary').waitFor();
}

describe('a 人事 staff list in Chromium', () => {
  it('loads the demo 小学', async () => {
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
  });

  it('unknown values → one 对应 step → 0 errors → imported', async () => {
    await tid('sheet-nav-staffList').click();
    await rowCount();
    const rows = staffExportRows(40);
    await pick('教职工花名册.xlsx', workbookBytes([{ name: '花名册', rows, merges: ['A1:O1'] }]));
    expect(await tid('import-summary').textContent()).toContain('共 40 行数据，其中 10 行有错误');
    const step = tid('value-mapping');
    await expect.poll(() => step.locator('tbody tr').filter({ hasText: '×' }).count()).toBe(3);
    expect(await step.textContent()).toMatch(/后勤\s*×3.*心理健康\s*×4.*校级骨干\s*×4/);
    await app.pickOption('value-map-post-后勤', '工勤人员');
    await app.pickOption('value-map-subject-心理健康', '其他');
    await app.pickOption('value-map-backbone-校级骨干', '无');
    await expect.poll(() => tid('import-summary').textContent()).toContain('都没有错误，可导入 40 行');
    await app.page.getByText('替换现有数据（删除本表原有各行）').click();
    await tid('import-confirm').click();
    await tid('import-summary').waitFor({ state: 'detached' });
    await expect.poll(() => rowCount()).toBe(40);
    expect(await tid('cell-staffList-0-name').inputValue()).toBe(rows[2]![1]);
    // 大学本科 → 本科, 一级教师 → 中级, 汉 → 汉族, 在编 → 是, 1966.01 (a number) → 1966-01
    expect(await tid('cell-staffList-0-education').inputValue()).toBe('本科');
    expect(await tid('cell-staffList-0-title').inputValue()).toBe('中级');
    expect(await tid('cell-staffList-0-ethnicity').inputValue()).toBe('汉族');
    expect(await tid('cell-staffList-0-inEstablishment').inputValue()).toBe('是');
    expect(await tid('cell-staffList-0-birth').inputValue()).toBe('1966-01');
  });

  it('after a reload, a similar GBK CSV needs no 对应 step', async () => {
    await app.page.reload();
    await tid('sheet-nav-staffList').click();
    await expect.poll(() => rowCount(), { timeout: 20_000 }).toBe(40);
    await pick('人事导出.csv', gbk(csvText(staffExportRows(40, 3))));
    expect(await tid('import-summary').textContent()).toContain('都没有错误，可导入 40 行');
    expect(await tid('value-mapping').count()).toBe(0);
    expect(await tid('value-mapping-remembered').textContent()).toContain('已按记住的对应换算 3 种写法');
    await tid('import-confirm').click();
    await tid('import-summary').waitFor({ state: 'detached' });
    await expect.poll(() => rowCount()).toBe(80);
    expect(app.pageErrors).toEqual([]);
  });

  it('a paste uses the same 对应: remembered wordings convert, a new one is answered once in the paste dialog', async () => {
    await app.env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const paste = async (text: string) => {
      await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await tid('cell-staffList-0-subject').focus();
      await app.page.keyboard.press('Control+V');
    };
    await paste('心理健康\r\n书法\r\n');
    const step = tid('value-mapping');
    await step.waitFor();
    expect(await step.textContent()).toContain('粘贴的内容中有 1 种写法不是本表的可选值');
    await app.pickOption('value-map-subject-书法', '其他');
    await expect.poll(() => tid('paste-accept').textContent()).toBe('只粘贴正确的 2 行');
    await tid('paste-accept').click();
    await expect.poll(() => tid('cell-staffList-1-subject').inputValue(), { timeout: 10_000 }).toBe('其他');
    expect(await tid('cell-staffList-0-subject').inputValue()).toBe('其他');
    // remembered on paste: the next paste of 书法 needs no dialog
    await paste('语文\r\n书法\r\n');
    await expect.poll(() => tid('cell-staffList-0-subject').inputValue(), { timeout: 10_000 }).toBe('语文');
    expect(await tid('cell-staffList-1-subject').inputValue()).toBe('其他');
    expect(await tid('paste-check').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
