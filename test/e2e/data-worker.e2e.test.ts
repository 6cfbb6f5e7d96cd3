// Keystrokes are written by the data worker in Chromium (off the page's thread, see
// renderer/db/data-worker.ts), and a page whose worker cannot load writes them itself: either
// way each one is saved and still there after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;

// counts the transactions that add to the 修改记录, in whichever thread this runs in
const COUNT_TRAIL_WRITES = `(() => {
  self.__trailWrites = 0;
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (...args) {
    if (this.name === 'changes') self.__trailWrites++;
    return add.apply(this, args);
  };
})()`;

async function openClassList() {
  await app.tid('sheet-nav-classList').click();
  await app.tid('cell-classList-0-headTeacher').waitFor();
}

async function typeAndSave(text: string) {
  await app.tid('cell-classList-0-headTeacher').click();
  await app.page.keyboard.press('ControlOrMeta+A');
  await app.page.keyboard.type(text);
  await app.page.keyboard.press('Enter');
  await app.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

const dataWorker = () => app.page.workers().find((w) => w.url().includes('data-worker'));

beforeAll(async () => {
  app = await openApp(TODAY);
});
afterAll(async () => {
  await app?.close();
});

describe('data worker in Chromium', () => {
  it('writes the keystrokes off the page, and they survive a reload', async () => {
    await app.tid('setup-demo').click();
    await app.pickOption('demo-type', '小学');
    await app.tid('demo-confirm').click();
    await expect.poll(() => app.tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
    await openClassList();
    await expect.poll(() => dataWorker() !== undefined, { timeout: 10_000 }).toBe(true);
    await dataWorker()!.evaluate(COUNT_TRAIL_WRITES);
    await app.page.evaluate(COUNT_TRAIL_WRITES);

    await typeAndSave('王老师');
    expect(await dataWorker()!.evaluate('self.__trailWrites')).toBeGreaterThan(0);
    expect(await app.page.evaluate('self.__trailWrites')).toBe(0);

    await app.page.reload();
    await openClassList();
    expect(await app.tid('cell-classList-0-headTeacher').inputValue()).toBe('王老师');
  });

  it('Enter on the last row adds a row; what is typed while it appears goes into it', async () => {
    await app.tid('sheet-nav-staffList').click();
    const count = app.page.locator('.ledger-toolbar .count').filter({ hasText: /共 \d+ 行/ }).first();
    const rows = async () => Number(/共 (\d+) 行/.exec((await count.textContent()) ?? '')![1]);
    const n = await rows();
    await app.page.keyboard.press('Escape');
    await app.tid(`cell-staffList-0-name`).click();
    await app.page.keyboard.press('ControlOrMeta+End'); // the last row
    await app.tid(`cell-staffList-${n - 1}-name`).click();
    await app.page.keyboard.press('ControlOrMeta+A');
    await app.page.keyboard.type('Last');
    // no pause: the next name is typed while the new row is still being written and drawn
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('Next');
    await expect.poll(rows, { timeout: 10_000 }).toBe(n + 1);
    await expect.poll(() => app.tid(`cell-staffList-${n}-name`).inputValue(), { timeout: 10_000 }).toBe('Next');
    expect(await app.tid(`cell-staffList-${n - 1}-name`).inputValue()).toBe('Last');
    await app.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await app.page.reload();
    await app.tid('sheet-nav-staffList').click();
    await expect.poll(rows, { timeout: 10_000 }).toBe(n + 1);
  });

  it('without a worker (its script cannot load) the page writes them itself', async () => {
    await app.env.context.route('**/data-worker-*.js', (route) => route.abort());
    await app.page.reload();
    await openClassList();
    await app.page.evaluate(COUNT_TRAIL_WRITES);
    await typeAndSave('李老师');
    expect(await app.page.evaluate('self.__trailWrites')).toBeGreaterThan(0);
    expect(dataWorker()).toBeUndefined();

    await app.page.reload();
    await openClassList();
    expect(await app.tid('cell-classList-0-headTeacher').inputValue()).toBe('李老师');
    expect(app.pageErrors).toEqual([]);
  });
});
