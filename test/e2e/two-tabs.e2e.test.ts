// Two windows on the same data (a second tab, or the web page next to the desktop app's
// browser profile): each shows the other's edits without a reload, edits to different cells of
// one row never overwrite each other, and when a newer 校表通 opens the database the older
// windows stop saving and ask for a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION, V3_STORES } from '../../renderer/db/migrations';
import { openApp, type AppSession } from './harness';
import { checkTrail } from './trail-check';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;
let a: Page;
let b: Page;

const saved = (p: Page) => p.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
const value = (p: Page, id: string) => p.getByTestId(id).inputValue();

async function typeInto(p: Page, id: string, text: string): Promise<void> {
  await p.getByTestId(id).click();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type(text);
  await p.keyboard.press('Tab');
}

/** The stored row 0 of 班级名册, read straight from IndexedDB. */
function storedRow0(p: Page): Promise<Record<string, unknown>> {
  return p.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('xiaobiao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('rows').objectStore('rows').index('[submission+period+sheetId]').getAll(['XNC', '2025-2026', 'classList']);
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { seq: number; values: Record<string, unknown> }[]).sort((x, y) => x.seq - y.seq)[0]!.values);
          };
        };
      }),
  );
}

beforeAll(async () => {
  app = await openApp(TODAY);
  a = app.page;
  await app.tid('setup-demo').click();
  await app.tid('demo-confirm').click();
  await app.page.getByText('罗江区').first().waitFor({ timeout: 20_000 });
  b = await app.env.context.newPage();
  b.on('pageerror', (e) => app.pageErrors.push(`B: ${e.message}`));
  await b.goto(a.url());
  for (const p of [a, b]) {
    await p.getByTestId('sheet-nav-classList').click();
    await p.getByTestId('cell-classList-0-className').waitFor();
  }
});

afterAll(async () => {
  expect(app?.pageErrors ?? []).toEqual([]);
  await app?.close();
});

describe('two tabs on the same data', () => {
  it('an edit in tab A appears in tab B without a reload', async () => {
    await typeInto(a, 'cell-classList-0-className', '一年级（9）班');
    await saved(a);
    await expect.poll(() => value(b, 'cell-classList-0-className'), { timeout: 10_000 }).toBe('一年级（9）班');
  });

  it('B editing another cell of the same row keeps A’s edit, on both screens and on disk', async () => {
    await typeInto(b, 'cell-classList-0-students', '41');
    await saved(b);
    await expect.poll(() => value(a, 'cell-classList-0-students'), { timeout: 10_000 }).toBe('41');
    expect(await value(b, 'cell-classList-0-className')).toBe('一年级（9）班');
    expect(await storedRow0(a)).toMatchObject({ className: '一年级（9）班', students: 41 });
  });

  it('both tabs typing into the same row at once: every field lands', async () => {
    await Promise.all([typeInto(a, 'cell-classList-0-female', '19'), typeInto(b, 'cell-classList-0-minority', '3')]);
    await Promise.all([saved(a), saved(b)]);
    expect(await storedRow0(b)).toMatchObject({ className: '一年级（9）班', students: 41, female: 19, minority: 3 });
    for (const p of [a, b]) {
      await expect.poll(() => value(p, 'cell-classList-0-female')).toBe('19');
      await expect.poll(() => value(p, 'cell-classList-0-minority')).toBe('3');
    }
  });

  it('both tabs typing key by key into the same row at once: the 修改记录 stays true, one entry per edit where nothing came between', async () => {
    // keys 0.5 s apart: each one is its own transaction (use-cell-commit writes a first change at once)
    const slowly = async (p: Page, id: string, keys: string) => {
      await p.getByTestId(id).click();
      await p.keyboard.press('ControlOrMeta+A');
      for (const k of keys) {
        await p.keyboard.press(k);
        await p.waitForTimeout(500);
      }
      await p.keyboard.press('Tab');
    };
    const before = (await checkTrail(a, 'XNC', '2025-2026')).edits;
    await Promise.all([slowly(a, 'cell-classList-0-leftBehind', '123'), slowly(b, 'cell-classList-0-boarding', '45')]);
    await Promise.all([saved(a), saved(b)]);
    expect(await storedRow0(a)).toMatchObject({ leftBehind: 123, boarding: 45, female: 19, minority: 3 });
    const trail = await checkTrail(a, 'XNC', '2025-2026');
    expect(trail.problems).toEqual([]);
    // interleaved edits may split into several true entries, never more than one per keystroke
    expect(trail.edits - before).toBeGreaterThanOrEqual(2);
    expect(trail.edits - before).toBeLessThanOrEqual(5);
    // one tab alone: one entry for its three keystrokes
    await slowly(a, 'cell-classList-0-leftBehind', '678');
    await saved(a);
    const after = await checkTrail(a, 'XNC', '2025-2026');
    expect(after.problems).toEqual([]);
    expect(after.edits - trail.edits).toBe(1);
  });

  it('a statistics cell typed in B shows in A', async () => {
    for (const p of [a, b]) await p.getByTestId('sheet-nav-jj3112').click();
    await typeInto(b, 'stat-jj3112-01-graduates', '77');
    await saved(b);
    await expect.poll(() => value(a, 'stat-jj3112-01-graduates'), { timeout: 10_000 }).toBe('77');
  });

  it('a newer version opening the database closes both tabs’ connections and asks them to reload', async () => {
    // a third page at the same origin (not the app: a static file of it) opens the database
    // the way a v(n+1) 校表通 would
    const newer = await app.env.context.newPage();
    await newer.goto(new URL('favicon.svg', a.url()).href);
    const opened = await newer.evaluate(
      (version) =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('xiaobiao', version);
          req.onblocked = () => resolve('blocked');
          req.onerror = () => resolve(`error ${req.error?.name}`);
          req.onsuccess = () => {
            const names = Array.from(req.result.objectStoreNames).join(',');
            req.result.close();
            resolve(`opened ${names}`);
          };
        }),
      (SCHEMA_VERSION + 1) * 10,
    );
    // not blocked: both tabs let go at once (IndexedDB lists the stores sorted)
    expect(opened).toBe(`opened ${Object.keys(V3_STORES).sort().join(',')}`);
    for (const p of [a, b]) {
      await expect.poll(() => p.getByTestId('version-banner').textContent()).toContain(`数据版本 ${SCHEMA_VERSION + 1}`);
      await expect.poll(() => p.getByTestId('version-banner').textContent()).toContain('请重新加载本页');
      expect(await p.getByTestId('version-gate').getAttribute('inert')).not.toBeNull();
    }
    await newer.close();
  });
});
