// Someone trying the app: loads the demo 九年一贯制学校 from the first screen, finds every sheet
// such a school reports, and exports its XNC workbook and a blank template; then approves it,
// finds it locked, 取消审核 with a reason, and re-approves as 第 2 版.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { sheetsFor } from '../../shared/pack/applicability';
import { readReport } from '../../shared/xlsx/read';
import { openApp, type AppSession } from './harness';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
let app: AppSession;
const tid = (id: string) => app.tid(id);
const pack = seedPacks().get('luojiang')!;
const xnc = pack.submissions.find((s) => s.code === 'XNC')!;
const download = (click: () => Promise<void>) => app.download(click);

beforeAll(async () => {
  app = await openApp(TODAY);
});
afterAll(async () => {
  await app?.close();
});

describe('示例学校 in Chromium', () => {
  it('loads a 九年一贯制学校 from the first screen', async () => {
    await tid('setup-demo').click();
    await app.pickOption('demo-type', '九年一贯制学校');
    await tid('demo-confirm').click();
    await expect.poll(() => tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区万安学校');
  });

  it('lists every XNC sheet a 九年一贯制学校 reports, in the bureau order', async () => {
    const want = sheetsFor(pack, xnc, '九年一贯制学校').map((s) => s.id);
    for (const id of want) await tid(`sheet-nav-${id}`).waitFor();
    const shown = await app.page.locator('[data-testid^="sheet-nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(10)));
    expect(shown).toEqual(want);
    await tid('sheet-nav-conditions').click();
    await expect.poll(() => tid('ind-conditions-14').textContent()).toMatch(/\d/); // 生均用房 computed
  });

  it('exports the XNC workbook: the sheets FORMS.md gives, hashes valid, no 逻辑校验 error', async () => {
    const file = await download(() => tid('export-button').click());
    expect(file.name).toBe('5106261021_罗江区万安学校_XNC_2025-2026.xlsx');
    const wb = XLSX.read(file.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual([...sheetsFor(pack, xnc, '九年一贯制学校').map((s) => s.title), '校验说明', '_meta']);
    const back = readReport(file.bytes, seedPacks());
    expect(back.hashMismatches).toEqual([]);
    expect(back.data.sheets.classList!.rows!.length).toBeGreaterThanOrEqual(50);
  });

  it('downloads a blank template of the same report from 更多', async () => {
    await tid('more-menu').click();
    const file = await download(() => tid('download-template').click());
    expect(file.name).toBe('空白模板_5106261021_罗江区万安学校_XNC_2025-2026.xlsx');
    const ws = XLSX.read(file.bytes, { type: 'array' }).Sheets['班级名册']!;
    expect([ws.A2?.v, ws.A4?.v, ws.B4?.v]).toEqual(['填报单位：罗江区万安学校　期间：2025-2026 学年', 1, undefined]);
  });

  it('审核通过 locks the data; 取消审核 with a reason reopens it; the next approval exports 第 2 版', async () => {
    const closeAudit = async () => {
      // a toast may cover the close button: click it directly rather than at its position
      await app.page.locator('.ant-drawer-open .ant-drawer-close').first().dispatchEvent('click');
      // the drawer hides after its closing motion: on a busy machine that takes longer than expect.poll's 1 s default
      await expect.poll(() => tid('audit-panel').isVisible(), { timeout: 10_000 }).toBe(false);
    };
    const approve = async () => {
      await tid('audit-open').click();
      await expect.poll(() => tid('audit-approve').isEnabled(), { timeout: 20_000 }).toBe(true);
      await tid('audit-approve').click();
      await tid('audit-reopen').waitFor();
      await closeAudit();
    };
    await approve();
    await expect.poll(() => tid('locked-banner').textContent()).toContain('审核通过（第 1 版），数据已锁定');
    await tid('sheet-nav-classList').click();
    const cell = tid('cell-classList-0-students');
    await expect.poll(() => cell.getAttribute('readonly')).not.toBeNull();
    expect(await tid('ledger-add-row').count()).toBe(0);

    await tid('locked-open-audit').click();
    await tid('audit-reopen').click();
    await tid('reopen-reason').fill('教育局退回：核对班额');
    await tid('reopen-confirm').click();
    await tid('audit-approve').waitFor();
    await closeAudit();
    await expect.poll(() => tid('locked-banner').count()).toBe(0);
    await expect.poll(() => cell.getAttribute('readonly')).toBeNull();
    expect(await tid('ledger-add-row').count()).toBe(1);

    await approve();
    await expect.poll(() => tid('locked-banner').textContent()).toContain('第 2 版');
    const file = await download(() => tid('export-button').click());
    const meta = XLSX.utils.sheet_to_json<string[]>(XLSX.read(file.bytes, { type: 'array' }).Sheets['_meta']!, { header: 1 });
    const field = (k: string) => meta.find((r) => r[0] === k)?.[1];
    expect([field('status'), String(field('version'))]).toEqual(['已审核', '2']);
    expect(readReport(file.bytes, seedPacks()).data).toMatchObject({ status: '已审核', version: 2 });
  });
});
