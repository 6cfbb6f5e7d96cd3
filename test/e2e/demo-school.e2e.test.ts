// Someone trying the app: loads the demo 九年一贯制学校 from the first screen, finds every sheet
// such a school reports, and exports its XNC workbook and a blank template.
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
});
