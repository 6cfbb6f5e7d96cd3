// 修改记录 in Chromium: an edit in 班级名册 is in the trail under its 填表人, the drawer stays
// usable with 100,000 records in the period, filters find the edit among them, and 导出 Excel
// downloads exactly the filtered list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openApp, type AppSession } from './harness';
import { checkTrail } from './trail-check';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
const BULK = 100_000;
let app: AppSession;
const tid = (id: string) => app.tid(id);
const rows = () => app.page.locator('[data-testid="changes-table"] .ant-table-tbody tr.ant-table-row');

beforeAll(async () => {
  app = await openApp(TODAY);
});
afterAll(async () => {
  await app?.close();
});

/** Writes `n` edits of 教基3112 into the period straight through IndexedDB (Dexie stores version 2 as 20). */
async function addBulkChanges(n: number): Promise<void> {
  await app.page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('xiaobiao');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('changes', 'readwrite');
      const store = tx.objectStore('changes');
      for (let i = 0; i < count; i++)
        store.add({ at: new Date(Date.UTC(2025, 8, 1, 0, 0, i % 86400)).toISOString(), who: '批量', submission: 'XNC', period: '2025-2026', sheetId: 'jj3112', field: '01:graduates', old: i, new: i + 1, action: 'edit' });
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, n);
}

describe('修改记录 in Chromium', () => {
  it('loads the demo 小学', async () => {
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
  });

  it('with 100,000 records, finds one edit of 班级名册 and exports it', async () => {
    await addBulkChanges(BULK);
    await tid('sheet-nav-classList').click();
    const cell = tid('cell-classList-0-students');
    const before = await cell.inputValue();
    await cell.fill(String(Number(before) + 1));
    await cell.press('Enter');
    await expect.poll(() => tid('save-status').textContent(), { timeout: 10_000 }).toContain('已保存');

    await tid('more-menu').click();
    await tid('changes-open').click();
    // one page of 50 is on screen, not 100,000 rows (how fast it opens is `npm run bench`'s, not a test's)
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(50);
    await expect.poll(() => app.page.locator('[data-testid="changes-drawer"] .ant-pagination-total-text').textContent()).toMatch(/^共 \d+ 条$/);
    const total = Number(/\d+/.exec((await app.page.locator('[data-testid="changes-drawer"] .ant-pagination-total-text').textContent())!)![0]);
    expect(total).toBeGreaterThan(BULK);
    // newest first: the edit just made
    await expect.poll(() => rows().first().locator('td').nth(5).textContent()).toBe(`${before} → ${Number(before) + 1}`);

    await app.pickOption('changes-sheet', '班级名册');
    await app.pickOption('changes-action', '修改');
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(1);
    expect(await rows().first().locator('td').nth(3).textContent()).toBe('第 1 行');
    expect(await rows().first().locator('td').nth(4).textContent()).toBe('学生数');

    const file = await app.download(() => tid('changes-export').click());
    expect(file.name).toMatch(/^\d{10}_罗江区实验小学_修改记录_2025-10-20\.xlsx$/);
    const ws = XLSX.read(file.bytes, { type: 'array' }).Sheets['修改记录']!;
    expect([ws.D4?.v, ws.E4?.v, ws.F4?.v, ws.G4?.v, ws.H4?.v, ws.I4?.v]).toEqual(['班级名册', '第 1 行', '学生数', Number(before), Number(before) + 1, '修改']);
    expect(ws.A5).toBeUndefined();
    expect(app.pageErrors).toEqual([]);
  });

  it('keys typed one by one into a cell, each written at once, leave one entry: old → final', async () => {
    await app.page.locator('.ant-drawer-open .ant-drawer-close').first().click();
    const cell = tid('cell-classList-1-students');
    const before = await cell.inputValue();
    const start = await checkTrail(app.page, 'XNC', '2025-2026');
    await cell.click();
    await app.page.keyboard.press('ControlOrMeta+A');
    for (const k of ['5', '2', '7']) {
      await app.page.keyboard.press(k);
      await app.page.waitForTimeout(500); // past use-cell-commit's 400 ms: this key is its own transaction
    }
    await app.page.keyboard.press('Backspace'); // 52 — and the trail still says old → 52
    await app.page.waitForTimeout(500);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => tid('save-status').textContent(), { timeout: 10_000 }).toContain('已保存');
    const end = await checkTrail(app.page, 'XNC', '2025-2026');
    // (the bulk records above are not true to the data; nothing new may be added to them)
    expect(end.problems).toEqual(start.problems);
    expect(end.edits - start.edits).toBe(1);

    await tid('more-menu').click();
    await tid('changes-open').click();
    await expect.poll(() => rows().first().locator('td').nth(5).textContent(), { timeout: 20_000 }).toBe(`${before} → 52`);
    expect(await rows().first().locator('td').nth(3).textContent()).toBe('第 2 行');
    expect(app.pageErrors).toEqual([]);
  });
});
