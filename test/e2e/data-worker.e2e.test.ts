// Keystrokes are written by the data worker in Chromium (off the page's thread, see
// renderer/db/data-worker.ts), and a page whose worker cannot load writes them itself: either
// way each one is saved and still there after a reload.
import { describe, expect, it } from 'vitest';
import { useDemoSession } from './demo-session';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
const session = useDemoSession(TODAY);

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
  await session.tid('sheet-nav-classList').click();
  await session.tid('cell-classList-0-headTeacher').waitFor();
}

async function typeAndSave(text: string) {
  await session.tid('cell-classList-0-headTeacher').click();
  await session.app.page.keyboard.press('ControlOrMeta+A');
  await session.app.page.keyboard.type(text);
  await session.app.page.keyboard.press('Enter');
  await session.app.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

const dataWorker = () => session.app.page.workers().find((w) => w.url().includes('data-worker'));


describe('data worker in Chromium', () => {
  it('writes the keystrokes off the page, and they survive a reload', async () => {
    await session.loadDemo();
    await openClassList();
    await expect.poll(() => dataWorker() !== undefined, { timeout: 10_000 }).toBe(true);
    await dataWorker()!.evaluate(COUNT_TRAIL_WRITES);
    await session.app.page.evaluate(COUNT_TRAIL_WRITES);

    await typeAndSave('王老师');
    expect(await dataWorker()!.evaluate('self.__trailWrites')).toBeGreaterThan(0);
    expect(await session.app.page.evaluate('self.__trailWrites')).toBe(0);

    await session.app.page.reload();
    await openClassList();
    expect(await session.tid('cell-classList-0-headTeacher').inputValue()).toBe('王老师');
  });

  it('Enter on the last row adds a row; what is typed while it appears goes into it', async () => {
    await session.tid('sheet-nav-staffList').click();
    const count = session.app.page.locator('.ledger-toolbar .count').filter({ hasText: /共 \d+ 行/ }).first();
    const rows = async () => Number(/共 (\d+) 行/.exec((await count.textContent()) ?? '')![1]);
    const n = await rows();
    await session.app.page.keyboard.press('Escape');
    await session.tid(`cell-staffList-0-name`).click();
    await session.app.page.keyboard.press('ControlOrMeta+End'); // the last row
    await session.tid(`cell-staffList-${n - 1}-name`).click();
    await session.app.page.keyboard.press('ControlOrMeta+A');
    await session.app.page.keyboard.type('Last');
    // no pause: the next name is typed while the new row is still being written and drawn
    await session.app.page.keyboard.press('Enter');
    await session.app.page.keyboard.type('Next');
    await expect.poll(rows, { timeout: 10_000 }).toBe(n + 1);
    await expect.poll(() => session.tid(`cell-staffList-${n}-name`).inputValue(), { timeout: 10_000 }).toBe('Next');
    expect(await session.tid(`cell-staffList-${n - 1}-name`).inputValue()).toBe('Last');
    await session.app.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await session.app.page.reload();
    await session.tid('sheet-nav-staffList').click();
    await expect.poll(rows, { timeout: 10_000 }).toBe(n + 1);
  });

  it('without a worker (its script cannot load) the page writes them itself', async () => {
    // the worker's own script only (data-worker-<hash>.js), not a chunk that happens to share the prefix
    await session.app.env.context.route(/\/data-worker-[A-Za-z0-9_-]{8}\.js$/, (route) => route.abort());
    await session.app.page.reload();
    await openClassList();
    await session.app.page.evaluate(COUNT_TRAIL_WRITES);
    await typeAndSave('李老师');
    expect(await session.app.page.evaluate('self.__trailWrites')).toBeGreaterThan(0);
    expect(dataWorker()).toBeUndefined();

    await session.app.page.reload();
    await openClassList();
    expect(await session.tid('cell-classList-0-headTeacher').inputValue()).toBe('李老师');
    expect(session.app.pageErrors).toEqual([]);
  });
});
