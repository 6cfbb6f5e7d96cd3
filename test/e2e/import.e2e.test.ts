// 从 Excel 导入 in Chromium: an .xlsx class list replaces the demo school's 班级名册 and a GBK CSV
// staff list (as 人事系统 exports it) is appended to the 教职工名册, both through the real file
// input; the rows are in IndexedDB and still there after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';
import { csvText, gbk, STAFF_ROWS, workbookBytes } from '../fixtures/import/make-files';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;
const tid = (id: string) => app.tid(id);

const CLASSES = [
  ['罗江区实验小学2025年秋季班级名册', null, null, null, null],
  ['学段', '年级', '班级', '学生人数', '女生'],
  ['小学', '一年级', '一年级(1)班', 40, 20],
  ['小学', '二年级', '二年级(1)班', 42, 21],
  ['小学', '三年级', '三年级(1)班', 44, 22],
];

/** the workers the page started: a file is read in one of its own (renderer/features/import/decode-worker.ts) */
const workers: string[] = [];

beforeAll(async () => {
  app = await openApp(TODAY);
  app.page.on('worker', (w) => workers.push(w.url()));
});
afterAll(async () => {
  await app?.close();
});

async function rowCount(sheetId: string): Promise<number> {
  await tid(`ledger-${sheetId}`).waitFor();
  // the toolbar says 读取中… until the sheet's rows are read: wait for the count itself
  const count = app.page.locator('.ledger-toolbar .count').filter({ hasText: /共 \d+ 行/ }).first();
  await count.waitFor();
  return Number(/共 (\d+) 行/.exec((await count.textContent()) ?? '')![1]);
}

async function importFile(sheetId: string, name: string, bytes: Uint8Array, replace: boolean) {
  await tid(`ledger-import-${sheetId}`).click();
  await tid('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await tid('import-summary').waitFor();
  if (replace) await app.page.getByText('替换现有数据（删除本表原有各行）').click();
  await tid('import-confirm').click();
  await tid('import-summary').waitFor({ state: 'detached' });
}

describe('import in Chromium', () => {
  it('loads the demo 小学', async () => {
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
  });

  it('an .xlsx class list replaces 班级名册; a GBK CSV staff list is appended to 教职工名册; both survive a reload', async () => {
    await tid('sheet-nav-classList').click();
    expect(await rowCount('classList')).toBeGreaterThan(3);
    await importFile('classList', '班级名册.xlsx', workbookBytes([{ name: '名册', rows: CLASSES, merges: ['A1:E1'] }]), true);
    await expect.poll(() => rowCount('classList')).toBe(3);
    expect(await tid('cell-classList-1-className').inputValue()).toBe('二年级(1)班');
    expect(workers.some((u) => u.includes('decode-worker'))).toBe(true);

    await tid('sheet-nav-staffList').click();
    const before = await rowCount('staffList');
    await importFile('staffList', '教职工.csv', gbk(csvText(STAFF_ROWS)), false);
    await expect.poll(() => rowCount('staffList')).toBe(before + 3);

    await app.page.reload();
    await tid('sheet-nav-staffList').click();
    await expect.poll(() => rowCount('staffList'), { timeout: 20_000 }).toBe(before + 3);
    await tid('sheet-nav-classList').click();
    await expect.poll(() => rowCount('classList')).toBe(3);
    expect(await tid('cell-classList-2-className').inputValue()).toBe('三年级(1)班');
    expect(app.pageErrors).toEqual([]);
  });
});
