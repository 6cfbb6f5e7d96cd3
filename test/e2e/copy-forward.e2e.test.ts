// Copy forward in Chromium: the demo 小学 holds 校园安全月报 up to September; opening October offers
// to carry the still-open 隐患, and after 结转 they are in October's ledger with their 编号.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;
const tid = (id: string) => app.tid(id);
const pickOption = (testId: string, label: string) => app.pickOption(testId, label);

beforeAll(async () => {
  app = await openApp(TODAY);
});
afterAll(async () => {
  await app?.close();
});

describe('结转 in Chromium', () => {
  it('loads the demo 小学', async () => {
    await tid('setup-demo').click();
    await pickOption('demo-type', '小学');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
  });

  it('October of 校园安全月报 offers September’s open 隐患; 结转 puts them in October', async () => {
    await pickOption('pick-submission', '校园安全月报');
    const line = tid('copy-forward-sheet-hazardLog');
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toMatch(/^隐患排查整改台账：[1-9]\d* 行/);
    const carried = Number(/：(\d+) 行/.exec((await line.textContent())!)![1]);
    await tid('copy-forward-confirm').click();
    await tid('copy-forward-preview').waitFor({ state: 'detached' });
    await tid('sheet-nav-hazardLog').click();
    await expect.poll(() => tid('cell-hazardLog-0-code').inputValue()).toMatch(/^YH-2025(0[6-9])-\d\d$/);
    expect(await app.page.locator('[data-testid^="cell-hazardLog-"][data-testid$="-code"]').count()).toBe(carried);
  });
});
