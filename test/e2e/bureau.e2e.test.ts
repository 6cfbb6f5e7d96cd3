// Bureau mode in Chromium: set up as 区教育局, import the registry (a GBK csv from WPS), drop six
// school workbooks on the receive panel — four good, one edited after export, one of a school
// the registry does not know — verified in web workers; then 报送情况, 全区汇总 and 规划指标.
// Nothing of the tampered file's figures reaches IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { computeStatTable, packConditionContext } from '../../shared/compute/stat-table';
import type { StatSheet } from '../../shared/pack/schema';
import { approvedXnc, districtDrop, REGISTRY, registryCsvGbk } from '../fixtures/bureau/district-files';
import { openApp, type AppSession } from './harness';

// received on 18 September: before the XNC due date (20 September)
const TODAY = new Date('2025-09-18T10:00:00+08:00');
const pack = seedPacks().get('luojiang')!;
let app: AppSession;
let files: { name: string; bytes: Uint8Array }[];
const workers: string[] = [];
const tid = (id: string) => app.tid(id);
const tab = (name: string) => app.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

/** Every record of some stores, straight from IndexedDB. */
function dump(stores: string[]) {
  return app.page.evaluate(
    (names) =>
      new Promise<Record<string, Record<string, unknown>[]>>((resolve, reject) => {
        const req = indexedDB.open('xiaobiao');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(names);
          const out: Record<string, Record<string, unknown>[]> = {};
          for (const s of names) {
            const all = tx.objectStore(s).getAll();
            all.onsuccess = () => (out[s] = all.result as Record<string, unknown>[]);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
        };
      }),
    stores,
  );
}

beforeAll(async () => {
  files = await districtDrop(pack);
  app = await openApp(TODAY);
  app.page.on('worker', (w) => workers.push(w.url()));
});
afterAll(async () => {
  await app?.close();
});

describe('bureau mode in Chromium', () => {
  it('sets up a 区教育局 and imports the registry', async () => {
    await app.page.getByText('区教育局（汇总）').click();
    await app.pickOption('bureau-pack', '德阳市罗江区教育局');
    await tid('bureau-regionCode').fill('510626');
    await tid('bureau-submit').click();
    await expect.poll(() => tid('bureau-title').textContent(), { timeout: 20_000 }).toBe('德阳市罗江区教育局');

    await tab('学校名册');
    await tid('registry-file').setInputFiles({ name: '学校名册.csv', mimeType: 'text/csv', buffer: Buffer.from(registryCsvGbk()) });
    await expect.poll(() => tid('registry-summary').textContent()).toContain('可导入 6 所学校');
    await tid('registry-confirm').click();
    await expect.poll(() => app.page.getByRole('tab', { name: /^学校名册/ }).textContent()).toBe('学校名册（6）');
  });

  it('a drop of six workbooks is verified in workers; the tampered one keeps no figures; the unknown school waits for the clerk', async () => {
    await tab('接收报表');
    const dt = await app.page.evaluateHandle((fs) => {
      const d = new DataTransfer();
      for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return d;
    }, files.map((f) => ({ name: f.name, bytes: Array.from(f.bytes) })));
    await tid('receive-drop').dispatchEvent('drop', { dataTransfer: dt });
    const progress = tid('receive-progress');
    await expect.poll(() => progress.getAttribute('data-running'), { timeout: 30_000 }).toBe('false');
    expect(await progress.getAttribute('data-done')).toBe('6');
    expect(workers.some((u) => u.includes('verify-worker'))).toBe(true);

    const row = (f: { name: string }) => tid(`receive-row-${f.name}`);
    for (const f of files.slice(0, 4)) expect(await row(f).getAttribute('data-outcome')).toBe('stored');
    expect(await row(files[4]!).getAttribute('data-kind')).toBe('hashMismatch');
    expect(await row(files[4]!).textContent()).toContain('哈希不符');
    expect(await row(files[5]!).getAttribute('data-action')).toBe('unknownSchool');

    const db = await dump(['heldReports', 'facts', 'receivedFiles', 'registry']);
    expect(db.heldReports!.map((h) => h.schoolCode).sort()).toEqual(['5106262001', '5106262002', '5106262003', '5106262004']);
    expect(db.facts!.some((f) => f.schoolCode === '5106262005')).toBe(false);
    expect(db.registry!.some((s) => s.code === '5106262099')).toBe(false);

    await tid('confirm-school-5106262099').click();
    await expect.poll(() => row(files[5]!).getAttribute('data-outcome')).toBe('stored');
  });

  it('shows completeness, district totals and the dashboard', async () => {
    await tab('报送情况');
    const state = (code: string) => tid(`state-${code}`).getAttribute('data-state');
    await expect.poll(() => state('5106262001')).toBe('已报');
    expect(await state('5106262005')).toBe('哈希不符');
    expect(await state('5106262006')).toBe('未报');
    expect(await tid('state-5106262099').textContent()).toContain('已报 v1');
    expect(await tid('rate-全区').textContent()).toContain('已报 5 / 7 所');
    // what the bureau got, byte for byte: the tampered file as it came
    const original = await app.download(() => tid('original-5106262005').click());
    expect(original.name).toBe(files[4]!.name);
    expect(Buffer.from(original.bytes).equals(Buffer.from(files[4]!.bytes))).toBe(true);

    await tab('全区汇总');
    const sheet = pack.sheets.jj3112 as StatSheet;
    const own = (code: string) => {
      const data = approvedXnc(pack, REGISTRY.find((s) => s.code === code) ?? { ...REGISTRY[0]!, code, type: '小学' });
      return computeStatTable(sheet, data, packConditionContext(pack, data)).rows.find((r) => r.code === '01')!.cells.find((c) => c.key === 'enrol')!.value!;
    };
    // the 小学 sheet: two 小学, the 九年一贯制 school and the confirmed 新盛小学; not the tampered one
    const expected = own('5106262001') + own('5106262002') + own('5106262004') + own('5106262099');
    await expect.poll(() => tid('total-01-enrol').textContent()).toBe(String(expected));
    await tid('total-01-enrol').click();
    await expect.poll(() => tid('totals-drill').locator('tbody tr').count()).toBe(4);
    await app.page.keyboard.press('Escape');
    // the district summary workbook, as `xiaobiao consolidate` writes it: 报送情况 lists every registry school
    const summary = await app.download(() => tid('summary-export').click());
    const wb = XLSX.read(summary.bytes, { type: 'array' });
    expect(wb.SheetNames).toContain('报送情况');
    const status = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['报送情况']!, { header: 1 }).flat().map(String);
    expect(status).toContain('罗江区鄢家小学');
    expect(status).toContain('哈希不符');

    await tab('规划指标');
    await tid('district-indicators').waitFor({ timeout: 20_000 });
    expect(await tid('district-kindergarten-gross-enrolment').getAttribute('data-status')).toBe('needsPopulation');
    await expect.poll(() => app.page.locator('[data-testid="bureau-dashboard"] canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await tid('balance-小学').textContent()).toContain('每项应 ≤ 0.5');
    expect(app.pageErrors).toEqual([]);
  });
});
