// Upgrading in place: for every stored database of an earlier schema (test/fixtures/db), real
// Chromium gets that database built with raw IndexedDB exactly as the old Dexie schema made it,
// then loads today's app. Nothing may be lost: every record is there as expected, the new
// tables exist and take writes, and the screen shows the school, its rows and the approval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION, STORES, TABLE_NAMES } from '../../renderer/db/migrations';
import { createRawDb, dbFixtures, idbStores } from '../fixtures/db/db-fixtures';
import { launch, serveDist } from './harness';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let server: Awaited<ReturnType<typeof serveDist>>;
let env: Awaited<ReturnType<typeof launch>>;
const pageErrors: string[] = [];

/** Every store's records, straight from IndexedDB, plus the database's version and store names. */
function dumpDb(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; tables: Record<string, Record<string, unknown>[]> }>((resolve, reject) => {
        const req = indexedDB.open('xiaobiao');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const stores = Array.from(idb.objectStoreNames);
          const tx = idb.transaction(stores);
          const tables: Record<string, Record<string, unknown>[]> = {};
          for (const s of stores) {
            const all = tx.objectStore(s).getAll();
            all.onsuccess = () => (tables[s] = all.result as Record<string, unknown>[]);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve({ version: idb.version, stores, tables });
          };
        };
      }),
  );
}

const byJson = (records: Record<string, unknown>[]) => [...records].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

beforeAll(async () => {
  server = await serveDist();
  env = await launch();
});

afterAll(async () => {
  await env?.close();
  await server?.close();
});

describe('databases of earlier versions open in the current app', () => {
  for (const { name, fixture, expected } of dbFixtures()) {
    it(`${name}: every record is kept, the new tables work, the app shows the data`, async () => {
      const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      await context.clock.setFixedTime(TODAY);
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      // same origin as the app, but not the app: nothing opens the database before the old one exists
      await page.goto(new URL('favicon.svg', server.url).href);
      await page.evaluate(createRawDb, {
        name: 'xiaobiao', idbVersion: fixture.schemaVersion * 10, stores: idbStores(STORES[fixture.schemaVersion]!), tables: fixture.tables,
      });
      await page.goto(server.url);
      const profile = fixture.tables.school[0]!.profile as { name: string };
      await expect.poll(() => page.getByTestId('school-name').textContent(), { timeout: 20_000 }).toContain(profile.name);

      const after = await dumpDb(page);
      expect(after.version).toBe(SCHEMA_VERSION * 10);
      expect(after.stores.sort()).toEqual(Object.keys(STORES[SCHEMA_VERSION]!).sort());
      for (const t of TABLE_NAMES) {
        expect(after.tables[t]!.length, `${t} count`).toBe(expected.tables[t].length);
        expect(byJson(after.tables[t]!), t).toEqual(byJson(expected.tables[t]));
      }

      // on screen: the current 学年's 班级名册 as stored, and the approved one locked
      const rows = expected.tables.rows
        .filter((r) => r.submission === 'XNC' && r.period === '2025-2026' && r.sheetId === 'classList')
        .sort((a, b) => (a.seq as number) - (b.seq as number)) as { values: Record<string, unknown> }[];
      await page.getByTestId('sheet-nav-classList').click();
      for (const i of [0, 1, 2]) {
        await expect.poll(() => page.getByTestId(`cell-classList-${i}-className`).inputValue()).toBe(String(rows[i]!.values.className));
        expect(await page.getByTestId(`cell-classList-${i}-students`).inputValue()).toBe(String(rows[i]!.values.students));
      }
      const graduates = expected.tables.cells.find((c) => c.period === '2025-2026' && c.sheetId === 'jj3112' && c.key === '01:graduates');
      await page.getByTestId('sheet-nav-jj3112').click();
      await expect.poll(() => page.getByTestId('stat-jj3112-01-graduates').inputValue()).toBe(String(graduates?.value ?? ''));

      // the new 修改记录 table takes the first edit
      await page.getByTestId('stat-jj3112-01-graduates').fill('61');
      await page.getByTestId('stat-jj3112-01-enrol').click();
      await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
      await expect.poll(async () => (await dumpDb(page)).tables.changes!.length).toBe(1);

      await page.getByTestId('pick-period').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '2024-2025' }).click();
      await expect.poll(() => page.getByTestId('locked-banner').textContent()).toContain('审核通过（第 1 版），数据已锁定');
      await context.close();
      expect(pageErrors).toEqual([]);
    });
  }
});
